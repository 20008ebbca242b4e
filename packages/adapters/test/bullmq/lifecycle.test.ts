import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from '@enterprisehub/core';
import { requireService } from '@test-support/services';
import { Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createBullmqJobQueue, type BullmqJobQueue } from '../../src/bullmq/index';
import {
  deletePrefix,
  live,
  testRedisClient,
  uniquePrefix,
  whenReady,
} from '../support/redis-support';

const redis = await requireService('redis');
const admin = redis.available ? testRedisClient(redis.url) : undefined;
if (admin) await whenReady(admin);
const prefix = uniquePrefix('bullmq_life');
let names = 0;
const opened: BullmqJobQueue[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
});
afterAll(async () => {
  if (!admin) return;
  await deletePrefix(admin, prefix);
  admin.disconnect();
});

function open(
  queueName: string,
  extra: Partial<Parameters<typeof createBullmqJobQueue>[0]> = {},
): BullmqJobQueue {
  const queue = createBullmqJobQueue({
    connection: { url: redis.url },
    prefix,
    queueName,
    busyRetryDelayMs: 5,
    ...extra,
  });
  opened.push(queue);
  return queue;
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe.skipIf(!redis.available)('BullMQ queue lifecycle', () => {
  it('close() hands an aborted in-flight job back to the queue without counting the attempt', async () => {
    const queueName = `life-${++names}`;
    const first = open(queueName);
    let started = false;
    first.registerHandler('slow', async (_job, { signal }) => {
      started = true;
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
      );
    });
    await first.enqueue({
      tenantId: 't',
      name: 'slow',
      payload: { n: 1 },
      orderingKey: 'c1',
      jobId: 'j1',
    });
    await until(() => started, 'the first handler');
    await first.close();

    const second = open(queueName);
    const seen: Job[] = [];
    second.registerHandler('slow', async (job) => {
      seen.push(job);
    });
    await until(() => seen.length === 1, 'the second instance to take the job over');
    expect(seen[0]).toMatchObject({ id: 'j1', attempt: 1, payload: { n: 1 }, orderingKey: 'c1' });
    await second.drain();
    expect(await second.count({ tenantId: 't', status: 'failed' })).toBe(0);
  }, 30_000);

  it('close() waits for a handler that finishes on its own, and the job is not run again', async () => {
    const queueName = `life-${++names}`;
    const queue = open(queueName);
    let runs = 0;
    let finished = false;
    queue.registerHandler('finish', async () => {
      runs += 1;
      await sleep(100);
      finished = true;
    });
    await queue.enqueue({ tenantId: 't', name: 'finish', payload: null });
    await until(() => runs === 1, 'the handler');
    await queue.close();
    expect(finished).toBe(true);
    const again = open(queueName);
    again.registerHandler('finish', async () => {
      runs += 1;
    });
    await again.drain();
    expect(runs).toBe(1);
  }, 30_000);

  it('dead-letters a job after its last attempt, storing only the error code, and a new job may reuse its id', async () => {
    const queueName = `life-${++names}`;
    const failedJobs: Job[] = [];
    const queue = open(queueName, { onJobFailed: (job) => failedJobs.push(job) });
    const attempts: number[] = [];
    queue.registerHandler('flaky', async (job) => {
      attempts.push(job.attempt);
      throw new Error('could not text +1 512 555 0123');
    });
    await queue.enqueue({
      tenantId: 't',
      name: 'flaky',
      payload: null,
      jobId: 'dead-1',
      maxAttempts: 3,
      backoffMs: 10,
    });
    await until(
      async () => (await queue.count({ tenantId: 't', status: 'failed' })) === 1,
      'the dead letter',
    );
    expect(attempts).toEqual([1, 2, 3]);
    expect(failedJobs.map((job) => [job.id, job.attempt])).toEqual([['dead-1', 3]]);
    expect(await queue.list({ tenantId: 't' })).toEqual([]);
    const inspector = new Queue(queueName, { connection: { url: redis.url }, prefix });
    try {
      const [dead] = await inspector.getFailed();
      expect(dead?.failedReason).toBe('HANDLER_FAILED');
      expect(JSON.stringify(dead?.stacktrace ?? [])).not.toContain('555');
    } finally {
      await inspector.close();
    }
    const again = await queue.enqueue({
      tenantId: 't',
      name: 'flaky',
      payload: null,
      jobId: 'dead-1',
      maxAttempts: 1,
    });
    expect(again.deduplicated).toBe(false);
  }, 30_000);

  it('an ordering key is not blocked forever by an index entry or lease whose job is gone', async () => {
    const queueName = `life-${++names}`;
    const tenantId = 'orphans';
    const client = live(admin);
    // a crashed enqueue left an index entry due long ago; a crashed worker left a lease
    await client.zadd(
      `${prefix}:{${tenantId}}:q-${queueName}:key:c1`,
      1,
      `0000000000000000:${tenantId}|ghost`,
    );
    await client.set(
      `${prefix}:{${tenantId}}:q-${queueName}:lease:c2`,
      `${tenantId}|gone`,
      'PX',
      60_000,
    );
    const queue = open(queueName);
    const ran: string[] = [];
    queue.registerHandler('step', async (job) => {
      ran.push(String(job.orderingKey));
    });
    await queue.enqueue({ tenantId, name: 'step', payload: null, orderingKey: 'c1' });
    await queue.enqueue({ tenantId, name: 'step', payload: null, orderingKey: 'c2' });
    await until(() => ran.length === 2, 'both keyed jobs');
    expect([...ran].sort()).toEqual(['c1', 'c2']);
  }, 30_000);

  it('counts a job as waiting while its key is busy and lists only pending jobs', async () => {
    const queueName = `life-${++names}`;
    const queue = open(queueName);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    queue.registerHandler('hold', async () => gate);
    await queue.enqueue({ tenantId: 't', name: 'hold', payload: 1, orderingKey: 'c1', jobId: 'a' });
    await queue.enqueue({ tenantId: 't', name: 'hold', payload: 2, orderingKey: 'c1', jobId: 'b' });
    await queue.enqueue({
      tenantId: 't',
      name: 'hold',
      payload: 3,
      orderingKey: 'c1',
      jobId: 'later',
      delayMs: 60_000,
    });
    try {
      await until(
        async () => (await queue.count({ tenantId: 't', status: 'active' })) === 1,
        'the first job to start',
      );
      await sleep(50); // the second job has been offered and parked at least once
      expect(await queue.count({ tenantId: 't', status: 'waiting' })).toBe(1);
      expect(await queue.count({ tenantId: 't', status: 'delayed' })).toBe(1);
      expect((await queue.list({ tenantId: 't', orderingKey: 'c1' })).map((job) => job.id)).toEqual(
        ['b', 'later'],
      );
      expect(await queue.cancel({ tenantId: 't', jobId: 'a' })).toBe(false); // running jobs finish
    } finally {
      release();
    }
    await queue.drain();
    expect((await queue.list({ tenantId: 't' })).map((job) => job.id)).toEqual(['later']);
  }, 30_000);

  it('fails enqueue with QUEUE_UNAVAILABLE when Redis cannot be reached', async () => {
    const queue = open(`life-${++names}`, {
      connection: { url: 'redis://127.0.0.1:1', retryStrategy: () => 200 },
      operationTimeoutMs: 300,
    });
    await expect(queue.enqueue({ tenantId: 't', name: 'x', payload: null })).rejects.toMatchObject({
      code: 'QUEUE_UNAVAILABLE',
      retryable: true,
    });
  }, 30_000);
});
