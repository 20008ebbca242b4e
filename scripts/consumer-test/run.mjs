/* eslint-disable max-lines -- one linear script: the steps read top to bottom in the order they run */
// `pnpm test:consumer`: installs the packed packages into a scratch project outside the workspace and uses them the
// way a stranger would. Steps (any failure fails the run):
//   1. `pnpm pack` every publishable package (workspace: ranges rewritten as on publish)
//   2. tarball contents: only package.json, README, CHANGELOG, LICENSE and dist/ (no tests, fixtures, bench, src)
//   3. unpacked size of each tarball within scripts/consumer-test/size-budget.json
//   4. npm install of the tarballs + peer dependencies from the registry into <os tmpdir>/eh-consumer-*/
//   5. import every public entry point (exports map) from ESM, and from CommonJS via require(esm)
//   6. runtime exports of every entry point still include those in exports-snapshot.json (removal = breaking)
//   7. tsc on src/ + test/ with moduleResolution node16, and with bundler (skipLibCheck off)
//   8. vitest in the scratch project: fake GHL + msw + signed webhooks against a consumer's Express handler
// Run `pnpm build` first (CI does). Flags: --keep (leave the scratch folder), --update-snapshot (record the exports).
// Env: EH_CONSUMER_NPM_CACHE (npm cache folder, default <tmpdir>/enterprisehub-consumer-npm-cache; reused between
// runs so only the first install is cold), TEST_REPORT (write a vitest-style JSON summary there, as CI does).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const here = import.meta.dirname;
const root = resolve(here, '../..');
const args = new Set(process.argv.slice(2));
const PACKAGES = ['core', 'bots', 'ghl', 'observability', 'adapters'];
/** Packages the consumer project installs besides our tarballs: every peer (optional ones too) and the test tools. */
const PEERS = [
  'zod',
  'msw',
  'pg',
  '@electric-sql/pglite',
  'ioredis',
  'bullmq',
  '@anthropic-ai/sdk',
  '@opentelemetry/api',
  'prom-client',
  'nodemailer',
];
const DEV_TOOLS = ['typescript', 'vitest', 'express', '@types/express', '@types/node'];
/** What a tarball may contain (paths inside the tarball). */
const ALLOWED_FILE =
  /^package\/(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.md)?|dist\/[\w./-]+\.(js|d\.ts|js\.map|d\.ts\.map))$/;
const FORBIDDEN_IN_DIST =
  /(\.test\.|\.spec\.|\.bench\.|(^|\/)(test|tests|__tests__|bench|fixtures|__fixtures__|src)\/)/;

const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const budget = JSON.parse(readFileSync(join(here, 'size-budget.json'), 'utf8'));
const snapshotPath = join(here, 'exports-snapshot.json');
const steps = [];
const failures = [];
const out = (line = '') => process.stdout.write(`${line}\n`);
const fail = (step, message) => {
  failures.push(`${step}: ${message}`);
  out(`  ✗ ${message}`);
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** Runs a command; returns { ok, output } and echoes the output when it fails or `echo` is set. */
function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const ok = result.status === 0;
  if (!ok || options.echo) out(output.trimEnd().replace(/^/gm, '    '));
  return { ok, output, stdout: result.stdout ?? '' };
}

/** Steps the later ones need: when one fails, the rest are skipped (not failed one by one). */
const GATES = new Set([
  'build is current',
  'pack',
  'create the scratch project and install (npm, registry)',
]);
let blockedBy;

/** Times one named step and records it for the report. */
function step(name, body) {
  out(`\n── ${name}`);
  if (blockedBy !== undefined) {
    out(`  - skipped: "${blockedBy}" failed`);
    steps.push({ name, ok: false, skipped: true, seconds: 0 });
    return 0;
  }
  const started = performance.now();
  const before = failures.length;
  try {
    body();
  } catch (error) {
    fail(name, error instanceof Error ? error.message : String(error));
  }
  const seconds = (performance.now() - started) / 1000;
  const ok = failures.length === before;
  steps.push({ name, ok, seconds });
  out(`  ${ok ? '✓' : '✗'} ${name} (${seconds.toFixed(1)} s)`);
  if (!ok && GATES.has(name)) blockedBy = name;
  return seconds;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const work = mkdtempSync(join(tmpdir(), 'eh-consumer-'));
const tarballDir = join(work, 'tarballs');
const project = join(work, 'project');
const npmCache =
  process.env['EH_CONSUMER_NPM_CACHE'] ?? join(tmpdir(), 'enterprisehub-consumer-npm-cache');
const manifests = Object.fromEntries(
  PACKAGES.map((name) => [
    name,
    JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')),
  ]),
);
const tarballs = {};
const sizes = {};
let installSeconds = 0;

out(`consumer test in ${work}`);

step('build is current', () => {
  const stale = PACKAGES.filter((name) => {
    const dist = join(root, 'packages', name, 'dist');
    return (
      !existsSync(join(dist, 'index.js')) ||
      newestMtime(join(root, 'packages', name, 'src')) > newestMtime(dist)
    );
  });
  if (stale.length > 0)
    throw new Error(
      `dist is missing or older than src for ${stale.join(', ')}: run pnpm build first`,
    );
});

step('pack', () => {
  mkdirSync(tarballDir, { recursive: true });
  for (const name of PACKAGES) {
    const result = run('pnpm', ['pack', '--pack-destination', tarballDir], {
      cwd: join(root, 'packages', name),
    });
    const file = readdirSync(tarballDir).find((entry) =>
      entry.startsWith(`enterprisehub-${name}-`),
    );
    if (!result.ok || file === undefined)
      fail('pack', `pnpm pack failed for @enterprisehub/${name}`);
    else tarballs[name] = join(tarballDir, file);
  }
});

step('tarball contents and size budget', () => {
  for (const [name, tarball] of Object.entries(tarballs)) {
    const listing = execFileSync('tar', ['-tvzf', tarball], { encoding: 'utf8' })
      .trim()
      .split('\n');
    let unpacked = 0;
    let files = 0;
    for (const line of listing) {
      const parts = line.trim().split(/\s+/);
      const path = parts.at(-1) ?? '';
      if (line.startsWith('d')) continue;
      files += 1;
      unpacked += Number(parts[2]);
      if (
        !ALLOWED_FILE.test(path) ||
        FORBIDDEN_IN_DIST.test(path.replace(/^package\/dist\//, ''))
      ) {
        fail(
          'contents',
          `@enterprisehub/${name} ships ${path}, which is not meant for users (tests, fixtures, bench, src?)`,
        );
      }
    }
    const shipped = new Set(listing.map((line) => line.trim().split(/\s+/).at(-1)));
    for (const [subpath, target] of Object.entries(manifests[name].exports)) {
      const targets = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of targets) {
        if (!shipped.has(`package/${file.replace(/^\.\//, '')}`)) {
          fail(
            'contents',
            `@enterprisehub/${name} exports ${subpath} → ${file}, which is not in the tarball (build failed?)`,
          );
        }
      }
    }
    const packed = statSync(tarball).size;
    sizes[name] = {
      packed,
      unpacked,
      files,
      budget: budget[`@enterprisehub/${name}`]?.unpackedBytes,
    };
    const limit = sizes[name].budget;
    if (limit === undefined)
      fail('budget', `size-budget.json has no entry for @enterprisehub/${name}`);
    else if (unpacked > limit) {
      fail(
        'budget',
        `@enterprisehub/${name} unpacks to ${kb(unpacked)}, over its ${kb(limit)} budget (size-budget.json)`,
      );
    }
  }
  out('  package                         packed     unpacked   budget     files');
  for (const [name, size] of Object.entries(sizes)) {
    const label = `@enterprisehub/${name}`.padEnd(30);
    out(
      `  ${label}  ${kb(size.packed).padStart(9)}  ${kb(size.unpacked).padStart(9)}  ${(size.budget ? kb(size.budget) : '-').padStart(9)}  ${String(size.files).padStart(5)}`,
    );
  }
});

/** Entry-point specifiers from the exports maps (`@enterprisehub/core`, `@enterprisehub/core/testing`, …). */
const entryPoints = PACKAGES.flatMap((name) =>
  Object.keys(manifests[name].exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? manifests[name].name : `${manifests[name].name}/${key.slice(2)}`)),
);

step('create the scratch project and install (npm, registry)', () => {
  if (Object.keys(tarballs).length !== PACKAGES.length)
    throw new Error('not every package was packed');
  cpSync(join(here, 'project'), project, { recursive: true });
  const range = (dep) => rootManifest.devDependencies[dep] ?? 'latest';
  const local = Object.fromEntries(
    PACKAGES.map((name) => [manifests[name].name, `file:${tarballs[name]}`]),
  );
  const manifest = {
    name: 'enterprisehub-consumer',
    private: true,
    type: 'module',
    scripts: { test: 'vitest run' },
    dependencies: { ...local, ...Object.fromEntries(PEERS.map((dep) => [dep, range(dep)])) },
    devDependencies: Object.fromEntries(DEV_TOOLS.map((dep) => [dep, range(dep)])),
    // Our packages depend on each other by version: point those at the tarballs too, never at the registry.
    overrides: local,
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(project, 'esm-imports.mjs'),
    [
      'const entries = ' + JSON.stringify(entryPoints) + ';',
      'const found = {};',
      'for (const entry of entries) {',
      '  const module = await import(entry);',
      '  const names = Object.keys(module).sort();',
      '  if (names.length === 0) throw new Error(`${entry} has no runtime exports`);',
      '  found[entry] = names;',
      '}',
      'process.stdout.write(JSON.stringify(found));',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(project, 'cjs-imports.cjs'),
    [
      "'use strict';",
      'const entries = ' + JSON.stringify(entryPoints) + ';',
      'const found = {};',
      'for (const entry of entries) {',
      '  const module = require(entry);',
      '  found[entry] = Object.keys(module).filter((name) => name !== "__esModule" && name !== "module.exports").sort();',
      '  if (found[entry].length === 0) throw new Error(`${entry} has no runtime exports`);',
      '}',
      'process.stdout.write(JSON.stringify(found));',
      '',
    ].join('\n'),
  );
  mkdirSync(npmCache, { recursive: true });
  const started = performance.now();
  const result = run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--prefer-offline',
      '--cache',
      npmCache,
    ],
    { cwd: project },
  );
  installSeconds = (performance.now() - started) / 1000;
  out(`  install: ${installSeconds.toFixed(1)} s (npm cache ${npmCache})`);
  if (!result.ok) throw new Error('npm install failed');
  for (const name of PACKAGES) {
    const installed = join(project, 'node_modules', '@enterprisehub', name);
    if (
      !existsSync(join(installed, 'package.json')) ||
      existsSync(join(installed, 'node_modules', '@enterprisehub'))
    ) {
      fail('install', `@enterprisehub/${name} is missing or installed twice`);
    }
  }
});

let esmExports = {};
step('import every entry point (ESM)', () => {
  const result = run('node', ['esm-imports.mjs'], { cwd: project });
  if (!result.ok) throw new Error('an ESM import failed');
  esmExports = JSON.parse(result.stdout);
  out(`  ${entryPoints.length} entry points: ${entryPoints.join(', ')}`);
});

step('require every entry point (CommonJS, require(esm))', () => {
  const result = run('node', ['cjs-imports.cjs'], { cwd: project });
  if (!result.ok) throw new Error('a require() failed');
  const cjsExports = JSON.parse(result.stdout);
  for (const entry of entryPoints) {
    if (JSON.stringify(cjsExports[entry]) !== JSON.stringify(esmExports[entry])) {
      fail('cjs', `${entry}: require() sees different exports than import`);
    }
  }
});

step('exports snapshot (a removed export is a breaking change)', () => {
  const snapshot = existsSync(snapshotPath) ? JSON.parse(readFileSync(snapshotPath, 'utf8')) : {};
  if (args.has('--update-snapshot')) {
    writeFileSync(snapshotPath, `${JSON.stringify(esmExports, null, 2)}\n`);
    out(`  recorded ${relative(root, snapshotPath)}`);
    return;
  }
  for (const [entry, names] of Object.entries(snapshot)) {
    const now = new Set(esmExports[entry] ?? []);
    if (!(entry in esmExports)) fail('snapshot', `entry point ${entry} disappeared`);
    const removed = names.filter((name) => !now.has(name));
    if (removed.length > 0) {
      fail(
        'snapshot',
        `${entry} no longer exports ${removed.join(', ')} (breaking: add a changeset, then pnpm test:consumer --update-snapshot)`,
      );
    }
  }
  for (const [entry, names] of Object.entries(esmExports)) {
    const before = new Set(snapshot[entry] ?? []);
    const added = names.filter((name) => !before.has(name));
    if (added.length > 0)
      out(`  new in ${entry}: ${added.join(', ')} (record with --update-snapshot)`);
  }
});

// node16 also checks our .d.ts files themselves (skipLibCheck off); bundler skips lib checks to stay fast.
for (const mode of ['node16', 'bundler']) {
  step(`type-check (moduleResolution ${mode})`, () => {
    if (
      !run(join(project, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${mode}.json`], {
        cwd: project,
      }).ok
    ) {
      throw new Error(`tsc failed with moduleResolution ${mode}`);
    }
  });
}

let vitestReport;
step('vitest: GHL testing kit against a consumer Express handler', () => {
  const reportFile = join(work, 'vitest.json');
  const result = run(
    join(project, 'node_modules/.bin/vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`],
    { cwd: project, echo: true, env: { CI: '1' } },
  );
  if (existsSync(reportFile)) vitestReport = JSON.parse(readFileSync(reportFile, 'utf8'));
  if (!result.ok) throw new Error('the consumer test suite failed');
});

out('\n── summary');
out('  package                         packed     unpacked');
for (const [name, size] of Object.entries(sizes)) {
  out(
    `  ${`@enterprisehub/${name}`.padEnd(30)}  ${kb(size.packed).padStart(9)}  ${kb(size.unpacked).padStart(9)}`,
  );
}
out(
  `  consumer install (npm): ${installSeconds.toFixed(1)} s; total ${steps.reduce((sum, s) => sum + s.seconds, 0).toFixed(1)} s`,
);

if (process.env['TEST_REPORT']) {
  const passedSteps = steps.filter((s) => s.ok).length;
  writeFileSync(
    process.env['TEST_REPORT'],
    JSON.stringify({
      numPassedTests: (vitestReport?.numPassedTests ?? 0) + passedSteps,
      numFailedTests: (vitestReport?.numFailedTests ?? 0) + steps.length - passedSteps,
      numPendingTests: vitestReport?.numPendingTests ?? 0,
      numTodoTests: vitestReport?.numTodoTests ?? 0,
      numFailedTestSuites: vitestReport?.numFailedTestSuites ?? 0,
      consumer: { steps, sizes, installSeconds },
    }),
  );
}

if (args.has('--keep')) out(`  kept ${work}`);
else rmSync(work, { recursive: true, force: true });
if (failures.length > 0) {
  process.stderr.write(
    `\nconsumer test failed:\n${failures.map((line) => `  - ${line}`).join('\n')}\n`,
  );
  process.exit(1);
}
out('\nconsumer test passed');
