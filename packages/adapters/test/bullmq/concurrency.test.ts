import { setTimeout as sleep } from 'node:timers/promises';
import { createMemoryConversationStore, appendMessage } from '@enterprisehub/core';
import { buildConversationState, buildMessage } from '@enterprisehub/core/testing';
import { requireService } from '@test-support/services';
import { afterAll, describe, expect, it } from 'vitest';
import { createBullmqJobQueue, type BullmqJobQueue } from '../../src/bullmq/index';
import { createRedisLockManager } from '../../src/redis/index';
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
const prefix = uniquePrefix('bullmq_conc');
const WORKERS = 8;
const MESSAGES = 40;

afterAll(async () => {
  if (!admin) return;
  await deletePrefix(admin, prefix);
  admin.disconnect();
});

/** A contact's conversation in a shared memory store, appended to under a Redis lock by every worker. */
function harness(queueName: string) {
  const store = createMemoryConversationStore();
  const locks = createRedisLockManager({ client: live(admin), keyPrefix: prefix });
  const stats = { processed: 0, conflicts: 0, running: new Map<string, number>(), maxRunning: 0 };
  const workers: BullmqJobQueue[] = Array.from({ length: WORKERS }, () =>
    createBullmqJobQueue({
      connection: { url: redis.url },
      prefix,
      queueName,
      concurrency: 4,
      busyRetryDelayMs: 5,
    }),
  );
  for (const worker of workers) {
    worker.registerHandler<{ contactId: string; body: string }>('inbound', async (job) => {
      const { contactId, body } = job.payload;
      const running = (stats.running.get(contactId) ?? 0) + 1;
      stats.running.set(contactId, running);
      stats.maxRunning = Math.max(stats.maxRunning, running);
      const lock = await locks.acquire({
        tenantId: job.tenantId,
        key: `contact:${contactId}`,
        ttlMs: 10_000,
        waitMs: 10_000,
      });
      if (!lock) throw new Error('lock not acquired');
      try {
        const current =
          (await store.get({ tenantId: job.tenantId, contactId })) ??
          buildConversationState({ tenantId: job.tenantId, contactId });
        await sleep(Math.random() * 3); // widen the read-modify-write window
        const next = appendMessage(current, buildMessage({ id: body, contactId, body }));
        const result = await store.compareAndSet({
          tenantId: job.tenantId,
          state: next,
          expectedVersion: current.version,
        });
        if (result.kind === 'conflict') stats.conflicts += 1;
      } finally {
        await locks.release({ tenantId: job.tenantId, lock });
        stats.running.set(contactId, (stats.running.get(contactId) ?? 1) - 1);
        stats.processed += 1;
      }
    });
  }
  const settled = async (total: number) => {
    const until = Date.now() + 45_000;
    while (stats.processed < total) {
      if (Date.now() > until) throw new Error(`only ${stats.processed} of ${total} jobs ran`);
      await sleep(20);
    }
  };
  const close = () => Promise.all(workers.map((worker) => worker.close()));
  return { store, stats, workers, settled, close };
}

describe.skipIf(!redis.available)('BullMQ queue under contention', () => {
  it('8 workers hammering one contact run its jobs one at a time, in order, and lose no update', async () => {
    const { store, stats, workers, settled, close } = harness('conc-ordered');
    const tenantId = 'tenant-conc';
    const producer = live(workers[0]);
    try {
      for (let index = 0; index < MESSAGES; index++) {
        await producer.enqueue({
          tenantId,
          name: 'inbound',
          payload: { contactId: 'c1', body: `m${index}` },
          orderingKey: 'c1',
        });
        if (index % 2 === 0)
          await producer.enqueue({
            tenantId,
            name: 'inbound',
            payload: { contactId: 'c2', body: `n${index}` },
            orderingKey: 'c2',
          });
      }
      await settled(MESSAGES + MESSAGES / 2);
      const c1 = await store.get({ tenantId, contactId: 'c1' });
      expect(c1?.messages.map((message) => message.body)).toEqual(
        Array.from({ length: MESSAGES }, (_, index) => `m${index}`),
      );
      expect(c1?.version).toBe(MESSAGES);
      expect((await store.get({ tenantId, contactId: 'c2' }))?.messages).toHaveLength(MESSAGES / 2);
      expect(stats.conflicts).toBe(0);
      expect(stats.maxRunning).toBe(1);
    } finally {
      await close();
    }
  }, 60_000);

  it('without an ordering key, jobs for one contact run in parallel and the Redis lock alone keeps every update', async () => {
    const { store, stats, workers, settled, close } = harness('conc-locked');
    const tenantId = 'tenant-lock';
    try {
      await Promise.all(
        Array.from({ length: MESSAGES }, (_, index) =>
          live(workers[index % WORKERS]).enqueue({
            tenantId,
            name: 'inbound',
            payload: { contactId: 'c1', body: `m${index}` },
          }),
        ),
      );
      await settled(MESSAGES);
      const bodies =
        (await store.get({ tenantId, contactId: 'c1' }))?.messages.map((message) => message.body) ??
        [];
      expect([...bodies].sort()).toEqual(
        Array.from({ length: MESSAGES }, (_, index) => `m${index}`).sort(),
      );
      expect(new Set(bodies).size).toBe(MESSAGES);
      expect(stats.conflicts).toBe(0);
      expect(stats.maxRunning).toBeGreaterThan(1); // the contention was real: handlers overlapped, the lock serialised them
    } finally {
      await close();
    }
  }, 60_000);
});
