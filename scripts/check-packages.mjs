// Runs publint and @arethetypeswrong/cli (esm-only profile) on every publishable package.
// Packages are packed with `pnpm pack` first, so workspace: ranges are rewritten as they would be on publish.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packages = ['core', 'bots', 'ghl', 'observability', 'adapters'];
const out = mkdtempSync(join(tmpdir(), 'eh-pack-'));
let failures = 0;

const run = (command, args, cwd) => {
  try {
    execFileSync(command, args, { cwd, stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
};

for (const name of packages) {
  const dir = join(root, 'packages', name);
  process.stdout.write(`\n── @enterprisehub/${name}\n`);
  if (!run('pnpm', ['pack', '--pack-destination', out], dir)) failures += 1;
  const tarball = readdirSync(out).find((file) => file.startsWith(`enterprisehub-${name}-`));
  if (!tarball) {
    failures += 1;
    continue;
  }
  if (!run('pnpm', ['exec', 'publint', '--strict', join(out, tarball)], root)) failures += 1;
  if (!run('pnpm', ['exec', 'attw', '--profile', 'esm-only', '--format', 'table-flipped', join(out, tarball)], root)) {
    failures += 1;
  }
}
rmSync(out, { recursive: true, force: true });
if (failures > 0) {
  process.stderr.write(`\n${failures} package check(s) failed\n`);
  process.exit(1);
}
process.stdout.write('\nall package checks passed\n');
