import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Third-party SDKs that must only ever be loaded by their own entry point. */
const SDKS = ['pg', '@electric-sql/pglite', 'ioredis', 'bullmq', '@anthropic-ai/sdk'] as const;

/** Entries under test: which SDKs each may load once used (and is expected to, as a sanity check). */
const ENTRIES = [
  { entry: 'index', owns: [], exercise: 'none' },
  { entry: 'kysely/index', owns: [], exercise: 'none' },
  { entry: 'postgres/index', owns: ['pg'], exercise: 'postgres' },
  { entry: 'pglite/index', owns: ['@electric-sql/pglite'], exercise: 'pglite' },
  { entry: 'redis/index', owns: ['ioredis'], exercise: 'redis' },
  // BullMQ itself loads ioredis (its Redis client)
  { entry: 'bullmq/index', owns: ['bullmq', 'ioredis'], exercise: 'bullmq' },
  { entry: 'anthropic/index', owns: ['@anthropic-ai/sdk'], exercise: 'anthropic' },
] as const satisfies readonly { entry: string; owns: readonly string[]; exercise: string }[];

/** Imports one entry from source in a fresh Node process (through tsx) and lists the packages it loaded. */
async function loadedPackages(
  entry: string,
  exercise: string,
): Promise<{ exports: string[]; packages: string[] }> {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      fromHere('./support/record-resolutions.mjs'),
      fromHere('./support/module-graph-child.mts'),
      fromHere(`../src/${entry}.ts`),
      exercise,
    ],
    { cwd: fromHere('../../..'), timeout: 170_000 },
  );
  return JSON.parse(stdout) as { exports: string[]; packages: string[] };
}

describe('entry point isolation', () => {
  it.each(ENTRIES)(
    '$entry loads no other technology’s SDK, even when used',
    async ({ entry, owns, exercise }) => {
      const { exports, packages } = await loadedPackages(entry, exercise);
      expect(exports.length).toBeGreaterThan(0);
      if (!['redis', 'bullmq', 'anthropic'].includes(exercise))
        expect(packages).toContain('kysely');
      const own: readonly string[] = owns;
      for (const sdk of SDKS) {
        if (own.includes(sdk)) expect(packages).toContain(sdk);
        else expect(packages).not.toContain(sdk);
      }
    },
    180_000,
  );
});
