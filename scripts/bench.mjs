// Runs every benchmark script (packages/*/bench/*.bench.ts, bench/*.bench.ts) one after another with tsx.
// Benchmarks print their own figures; this prints a summary of which ran. Pass name fragments to filter:
//   pnpm bench cache tracker
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const filters = process.argv.slice(2);
const dirs = [
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'bench')),
  join(root, 'examples', 'reference-server', 'bench'),
  join(root, 'bench'),
];
const scripts = dirs
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.bench.ts')).map((file) => join(dir, file)))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));

const summary = [];
for (const script of scripts) {
  const name = relative(root, script);
  process.stdout.write(`\n━━ ${name}\n`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
  });
  summary.push({ benchmark: name, status: result.status === 0 ? 'ok' : 'FAILED', seconds: ((Date.now() - started) / 1000).toFixed(1) });
}
process.stdout.write('\n━━ summary\n');
console.table(summary);
if (summary.some((row) => row.status !== 'ok')) process.exit(1);
