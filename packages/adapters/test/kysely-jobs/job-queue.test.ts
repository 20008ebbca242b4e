import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from '@enterprisehub/core';
import { ManualClock } from '@enterprisehub/core/testing';
import type { LogEvent } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createKyselyJobQueue, type KyselyJobQueue } from '../../src/kysely/index';
import { freshTenant, storeTargets, testKeyring } from '../support/store-targets';

const targets = await storeTargets();
const opened: KyselyJobQueue[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
});
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

describe.each(targets)('kysely job queue ($name)', (target) => {
  const open = async (options: Partial<Parameters<typeof createKyselyJobQueue>[0]> = {}) => {
    const queue = createKyselyJobQueue({
      db: await target.raw(),
      keyring: testKeyring,
      ...options,
    });
    opened.push(queue);
    return queue;
  };

  it.skipIf(!target.available)(
    'three instances run one key’s jobs one at a time, in order, while other keys run alongside',
    async () => {
      const tenantId = freshTenant();
      const log: string[] = [];
      const running = new Map<string, number>();
      let overlap = 0;
      const instances = await Promise.all(
        [1, 2, 3].map(() => open({ concurrency: 3, pollIntervalMs: 20 })),
      );
      for (const queue of instances) {
        queue.registerHandler<{ key: string; n: number }>('step', async (job) => {
          if (job.tenantId !== tenantId) return;
          const now = (running.get(job.payload.key) ?? 0) + 1;
          running.set(job.payload.key, now);
          if (now > 1) overlap += 1;
          await sleep(Math.random() * 3);
          log.push(`${job.payload.key}:${job.payload.n}`);
          running.set(job.payload.key, now - 1);
        });
      }
      const [producer] = instances;
      for (let n = 0; n < 24; n++) {
        await producer?.enqueue({
          tenantId,
          name: 'step',
          payload: { key: 'c1', n },
          orderingKey: 'c1',
        });
        if (n % 2 === 0)
          await producer?.enqueue({
            tenantId,
            name: 'step',
            payload: { key: 'c2', n },
            orderingKey: 'c2',
          });
      }
      await until(() => log.length === 36, 'every job');
      expect(log.filter((entry) => entry.startsWith('c1:'))).toEqual(
        Array.from({ length: 24 }, (_, n) => `c1:${n}`),
      );
      expect(log.filter((entry) => entry.startsWith('c2:'))).toEqual(
        Array.from({ length: 12 }, (_, n) => `c2:${n * 2}`),
      );
      expect(overlap).toBe(0);
    },
    60_000,
  );

  it.skipIf(!target.available)(
    'a job whose worker stopped renewing its lease is re-claimed after the lease, and the stale worker changes nothing',
    async () => {
      const tenantId = freshTenant();
      const stuckClock = new ManualClock();
      const stuck = await open({ clock: stuckClock, leaseMs: 30_000 });
      let releaseStuck: () => void = () => undefined;
      let stuckStarted = false;
      stuck.registerHandler('once', async () => {
        stuckStarted = true;
        await new Promise<void>((resolve) => {
          releaseStuck = resolve;
        });
      });
      await stuck.enqueue({ tenantId, name: 'once', payload: { n: 1 }, jobId: 'j1' });
      await until(() => stuckStarted, 'the first worker');

      const laterClock = new ManualClock(stuckClock.now() + 31_000);
      const rescuer = await open({ clock: laterClock });
      const seen: Job[] = [];
      rescuer.registerHandler('once', async (job) => {
        seen.push(job);
      });
      await rescuer.drain();
      expect(seen.map((job) => [job.id, job.attempt])).toEqual([['j1', 2]]);
      releaseStuck(); // the stale worker finishes late: its completion must not touch anything
      await stuck.enqueue({
        tenantId,
        name: 'once',
        payload: { n: 2 },
        jobId: 'j2',
        delayMs: 60_000,
      });
      await sleep(20);
      expect((await rescuer.list({ tenantId })).map((job) => job.id)).toEqual(['j2']);
      expect(await rescuer.count({ tenantId, status: 'failed' })).toBe(0);
    },
    30_000,
  );

  it.skipIf(!target.available)(
    'dead-letters after the last attempt with the error code only, and reports the job',
    async () => {
      const tenantId = freshTenant();
      const clock = new ManualClock();
      const failed: Job[] = [];
      const queue = await open({ clock, onJobFailed: (job) => failed.push(job) });
      queue.registerHandler('flaky', async () => {
        throw new Error('could not text +1 512 555 0123');
      });
      await queue.enqueue({
        tenantId,
        name: 'flaky',
        payload: null,
        jobId: 'f1',
        maxAttempts: 2,
        backoffMs: 500,
      });
      await queue.drain();
      expect(await queue.count({ tenantId, status: 'delayed' })).toBe(1);
      await clock.advanceAsync(500);
      await queue.drain();
      expect(failed.map((job) => [job.id, job.attempt])).toEqual([['f1', 2]]);
      const [row] = await (
        await target.raw()
      )
        .selectFrom('jobs')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .execute();
      expect(row).toMatchObject({ status: 'failed', last_error: 'HANDLER_FAILED', attempts: 2 });
      expect(JSON.stringify(row)).not.toContain('555');
      expect(
        (await queue.enqueue({ tenantId, name: 'other', payload: null, jobId: 'f1' })).deduplicated,
      ).toBe(false);
    },
    30_000,
  );

  it.skipIf(!target.available)(
    'close() hands an aborted in-flight job back without counting the attempt',
    async () => {
      const tenantId = freshTenant();
      const first = await open();
      let started = false;
      first.registerHandler('slow', async (_job, { signal }) => {
        started = true;
        await new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(new Error('stop')), { once: true }),
        );
      });
      await first.enqueue({ tenantId, name: 'slow', payload: null, jobId: 's1' });
      await until(() => started, 'the handler');
      await first.close();
      const second = await open();
      const seen: Job[] = [];
      second.registerHandler('slow', async (job) => {
        seen.push(job);
      });
      await second.drain();
      expect(seen.map((job) => [job.id, job.attempt])).toEqual([['s1', 1]]);
    },
    30_000,
  );

  it.skipIf(!target.available)(
    'a retry is dropped when a newer job with the same id was enqueued while it ran',
    async () => {
      const tenantId = freshTenant();
      const clock = new ManualClock();
      const queue = await open({ clock });
      const seen: unknown[] = [];
      let fail: (error: Error) => void = () => undefined;
      queue.registerHandler('sync', async (job) => {
        seen.push(job.payload);
        if (job.payload === 1) await new Promise((_, reject) => (fail = reject));
      });
      await queue.enqueue({ tenantId, name: 'sync', payload: 1, jobId: 'same', backoffMs: 10 });
      await until(() => seen.length === 1, 'the first job');
      expect(
        (await queue.enqueue({ tenantId, name: 'sync', payload: 2, jobId: 'same', delayMs: 100 }))
          .deduplicated,
      ).toBe(false);
      fail(new Error('boom'));
      await queue.drain();
      await clock.advanceAsync(100);
      await queue.drain();
      expect(seen).toEqual([1, 2]);
      expect(await queue.list({ tenantId })).toEqual([]);
    },
    30_000,
  );

  it.skipIf(!target.available)(
    'stores payloads encrypted with a keyring and as tagged JSON without one',
    async () => {
      const tenantId = freshTenant();
      const payload = { phone: '+15125550199', body: 'I live at 4821 Oakmont Blvd' };
      await (await open()).enqueue({ tenantId, name: 'x', payload, jobId: 'enc', delayMs: 60_000 });
      const plain = await open({ keyring: undefined });
      await plain.enqueue({
        tenantId,
        name: 'x',
        payload: { ok: true },
        jobId: 'plain',
        delayMs: 60_000,
      });
      const rows = await (
        await target.raw()
      )
        .selectFrom('jobs')
        .select(['job_id', 'payload'])
        .where('tenant_id', '=', tenantId)
        .orderBy('seq')
        .execute();
      expect(rows[0]?.payload).not.toContain('5550199');
      expect(rows[0]?.payload).not.toContain('Oakmont');
      expect(rows[1]?.payload).toBe('json:{"ok":true}');
      const encrypted = opened[0];
      expect((await encrypted?.list({ tenantId }))?.map((job) => job.payload)).toEqual([
        payload,
        { ok: true },
      ]);
      await expect(plain.list({ tenantId })).rejects.toMatchObject({ code: 'PII_KEY_MISSING' });
    },
  );

  it.skipIf(!target.available)('filters every tenant-scoped statement by tenant_id', async () => {
    const statements: string[] = [];
    const stores = await target.open({
      log: (event: LogEvent) => void statements.push(event.query.sql),
    });
    const queue = createKyselyJobQueue({ db: stores.db, keyring: testKeyring });
    opened.push(queue);
    const tenantId = freshTenant();
    await queue.enqueue({
      tenantId,
      name: 'x',
      payload: null,
      jobId: 'a',
      orderingKey: 'c1',
      delayMs: 60_000,
    });
    await queue.schedule({
      tenantId,
      name: 'x',
      payload: null,
      jobId: 'a',
      replace: true,
      delayMs: 30_000,
    });
    await queue.list({ tenantId, orderingKey: 'c1', name: 'x' });
    for (const status of ['waiting', 'delayed', 'active', 'failed'] as const)
      await queue.count({ tenantId, status });
    await queue.cancelByKey({ tenantId, orderingKey: 'c1' });
    await queue.cancel({ tenantId, jobId: 'a' });
    const jobStatements = statements.filter((statement) => /"jobs"/.test(statement));
    expect(jobStatements.length).toBeGreaterThanOrEqual(9);
    for (const statement of jobStatements) {
      if (/^\s*insert\b/i.test(statement)) expect(statement).toMatch(/\("tenant_id"/);
      else expect(statement).toMatch(/where[\s\S]*"tenant_id" = /);
    }
  });
});
