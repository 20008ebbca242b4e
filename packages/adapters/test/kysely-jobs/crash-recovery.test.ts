import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKeyring } from '@enterprisehub/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createKyselyJobQueue } from '../../src/kysely/index';
import { createPgliteStores } from '../../src/pglite/index';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

function runChild(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', fromHere('../support/job-queue-crash-child.mts'), ...args],
      { cwd: fromHere('../../../..'), timeout: 120_000 },
    );
    child.on('exit', (code) => resolve(code));
  });
}

describe('kysely job queue on embedded PGlite across a crash', () => {
  it('re-claims the job that was running when the process died and runs the rest in order, once each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eh-jobs-crash-'));
    cleanup.push(dir);
    const dataDir = join(dir, 'pglite');
    const logFile = join(dir, 'log.txt');
    const key = randomBytes(32).toString('base64');
    expect(await runChild([dataDir, logFile, key])).toBe(9);
    expect((await readFile(logFile, 'utf8')).trim().split('\n')).toEqual([
      'child:m1:1',
      'child:m2:1',
    ]);

    const keyring = createKeyring({ keys: [{ id: 'k1', key }] });
    const stores = createPgliteStores({ dataDir, keyring });
    try {
      await stores.migrate();
      const jobs = createKyselyJobQueue({ db: stores.db, keyring, reclaimActiveOnStart: true });
      const ran: string[] = [];
      jobs.registerHandler<{ body: string }>('inbound', async (job) => {
        ran.push(`restart:${job.payload.body}:${job.attempt}`);
      });
      await jobs.drain();
      await jobs.close();
      expect(ran).toEqual(['restart:m2:2', 'restart:m3:1']);
      expect(await jobs.count({ tenantId: 'tenant-crash', status: 'failed' })).toBe(0);
      const left = await stores.db.selectFrom('jobs').selectAll().execute();
      expect(left).toEqual([]);
    } finally {
      await stores.close();
    }
  }, 180_000);
});
