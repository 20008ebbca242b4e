// Runs every benchmark script (packages/*/bench/*.bench.ts, examples/*/bench/*.bench.ts, bench/*.bench.ts) one after
// another with tsx, then prints one summary table: each bench's status and time, and every figure a bench wrote to
// bench/results/<name>.json against its target (met / MISSED). Benches never assert timings.
//
//   pnpm bench                       everything (about 10 minutes on 2 cores)
//   pnpm bench ingest e2e            only scripts whose path contains one of the fragments
//   BENCH_FILTER=ingest,budget pnpm bench
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const resultsDir = join(root, 'bench', 'results');
const filters = [
  ...process.argv.slice(2),
  ...(process.env.BENCH_FILTER ?? '').split(',').map((part) => part.trim()),
].filter(Boolean);
const dirs = [
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'bench')),
  ...readdirSync(join(root, 'examples')).map((name) => join(root, 'examples', name, 'bench')),
  join(root, 'bench'),
];
const scripts = dirs
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.bench.ts'))
      .map((file) => join(dir, file)),
  )
  .filter(
    (file) =>
      filters.length === 0 || filters.some((filter) => relative(root, file).includes(filter)),
  );

/** Runs one script, streaming its output, and resolves with its exit code and output. */
function run(script) {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString('utf8');
    });
    child.on('close', (code) => resolveRun({ code: code ?? 1, output }));
  });
}

/** Result files a bench wrote since `since`. */
function resultsSince(since) {
  if (!existsSync(resultsDir)) return [];
  return readdirSync(resultsDir)
    .filter((file) => file.endsWith('.json') && file !== 'summary.json')
    .map((file) => join(resultsDir, file))
    .filter((file) => statSync(file).mtimeMs >= since)
    .map((file) => JSON.parse(readFileSync(file, 'utf8')));
}

const runs = [];
const figures = [];
const startedAll = Date.now();
for (const script of scripts) {
  const name = relative(root, script);
  process.stdout.write(`\n━━ ${name}\n`);
  const started = Date.now();
  const { code, output } = await run(script);
  runs.push({
    benchmark: name,
    status: code === 0 ? 'ok' : 'FAILED',
    seconds: ((Date.now() - started) / 1000).toFixed(1),
  });
  const written = resultsSince(started);
  for (const result of written) {
    for (const figure of result.figures ?? []) figures.push({ bench: result.bench, ...figure });
  }
  if (written.length === 0) {
    // Package benches that print their own tables: carry their lines that name a target into the summary.
    for (const line of output
      .split('\n')
      .filter((text) => /target/i.test(text) && !text.includes('(index)'))) {
      figures.push({
        bench: name.split('/').at(-1).replace('.bench.ts', ''),
        figure: line.trim().replace(/\s+/g, ' '),
        value: null,
        unit: '',
        target: '(in line)',
        met: undefined,
      });
    }
  }
}

const show = (figure) =>
  figure.value === null || figure.value === undefined
    ? figure.target === '(in line)'
      ? ''
      : 'n/a'
    : `${figure.value} ${figure.unit ?? ''}`.trim();
const verdict = (figure) =>
  figure.met === true
    ? 'met'
    : figure.met === false
      ? 'MISSED'
      : figure.target && figure.target !== '(in line)'
        ? 'n/a'
        : '';
process.stdout.write('\n━━ summary: benches\n');
console.table(runs);
if (figures.length > 0) {
  process.stdout.write('\n━━ summary: figures against targets\n');
  console.table(
    figures.map((figure) => ({
      bench: figure.bench,
      figure: figure.figure.length > 90 ? `${figure.figure.slice(0, 87)}…` : figure.figure,
      value: show(figure),
      target: figure.target === '(in line)' ? '' : (figure.target ?? ''),
      result: verdict(figure),
    })),
  );
  const missed = figures.filter((figure) => figure.met === false).length;
  const met = figures.filter((figure) => figure.met === true).length;
  process.stdout.write(
    `${met} targets met, ${missed} missed, ${figures.filter((figure) => figure.target && figure.target !== '(in line)' && figure.met !== true && figure.met !== false).length} not measured\n`,
  );
}
mkdirSync(resultsDir, { recursive: true });
const cpus = os.cpus();
writeFileSync(
  join(resultsDir, 'summary.json'),
  `${JSON.stringify({ at: new Date().toISOString(), seconds: Math.round((Date.now() - startedAll) / 1000), machine: { cores: cpus.length, cpu: cpus[0]?.model, node: process.version }, runs, figures }, null, 2)}\n`,
);
if (runs.some((row) => row.status !== 'ok')) process.exit(1);
