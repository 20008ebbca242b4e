// `pnpm release:dry-run`: everything `changeset publish` would need, without publishing or changing the checkout.
//   1. `changeset status`: the pending changesets and the bump they add up to
//   2. `changeset version` in a scratch copy (git archive of HEAD + the working tree's .changeset/): the versions
//      and CHANGELOG.md entries the release would commit, printed
//   3. `pnpm check:packages`: pnpm pack every package, publint --strict and attw (esm-only) on the tarballs
// Run `pnpm build` first (CI does). Nothing is published, tagged or committed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const PACKAGES = ['core', 'bots', 'ghl', 'observability', 'adapters'];
const changesetBin = join(root, 'node_modules/@changesets/cli/bin.js');
const out = (line = '') => process.stdout.write(`${line}\n`);
let failed = false;

const run = (command, args, cwd = root) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  return result.status === 0;
};

out('── 1. pending changesets');
if (!run('node', [changesetBin, 'status', '--verbose'])) failed = true;

out('\n── 2. changeset version (scratch copy)');
const scratch = mkdtempSync(join(tmpdir(), 'eh-release-'));
try {
  const archive = spawnSync('sh', ['-c', `git archive HEAD | tar -x -C "${scratch}"`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (archive.status !== 0) throw new Error('git archive failed');
  rmSync(join(scratch, '.changeset'), { recursive: true, force: true });
  cpSync(join(root, '.changeset'), join(scratch, '.changeset'), { recursive: true });
  // The CLI needs a git repository to read the base branch; a throwaway one is enough.
  spawnSync(
    'sh',
    [
      '-c',
      'git init -q -b main && git add -A && git -c user.name=dry-run -c user.email=dry-run@invalid commit -qm base',
    ],
    { cwd: scratch },
  );
  if (!run('node', [changesetBin, 'version'], scratch)) throw new Error('changeset version failed');
  for (const name of PACKAGES) {
    const manifest = JSON.parse(
      readFileSync(join(scratch, 'packages', name, 'package.json'), 'utf8'),
    );
    const before = JSON.parse(
      readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'),
    ).version;
    const changelog = join(scratch, 'packages', name, 'CHANGELOG.md');
    const entry = existsSync(changelog)
      ? (readFileSync(changelog, 'utf8').split('\n## ')[1] ?? '')
      : '';
    const lines = entry
      .split('\n')
      .filter((line) => line.startsWith('- ') || line.startsWith('### ')).length;
    out(
      `  ${manifest.name.padEnd(30)} ${before} → ${manifest.version}  (CHANGELOG.md: ${lines} lines in the new entry)`,
    );
  }
  const left = spawnSync('sh', ['-c', 'ls .changeset/*.md | grep -v README.md | wc -l'], {
    cwd: scratch,
    encoding: 'utf8',
  });
  out(`  changesets left after versioning: ${left.stdout.trim()} (should be 0)`);
  if (left.stdout.trim() !== '0') failed = true;
} catch (error) {
  failed = true;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

out('\n── 3. pack, publint, attw');
if (!run('node', [join(root, 'scripts/check-packages.mjs')])) failed = true;

if (failed) {
  process.stderr.write('\nrelease dry run failed\n');
  process.exit(1);
}
out('\nrelease dry run passed: nothing was published');
