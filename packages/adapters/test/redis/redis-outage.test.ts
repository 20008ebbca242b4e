import { createTieredCache, systemClock, type EnterpriseHubError } from '@enterprisehub/core';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPorts, type RedisPorts } from '../../src/redis/index';
import { OwnRedisServer } from '../support/own-redis-server';

/** The outage test starts its own redis-server; without the binary it is skipped (and fails under CI). */
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedisServer && process.env['CI']) throw new Error('redis-server is required under CI');

let server: OwnRedisServer | undefined;
let redis: RedisPorts | undefined;

beforeAll(async () => {
  if (!hasRedisServer) return;
  server = await OwnRedisServer.start();
  redis = createRedisPorts({ url: server.url, keyPrefix: 'outage', commandTimeoutMs: 300 });
}, 30_000);

afterAll(async () => {
  await redis?.close();
  await server?.stop();
});

function ports(): { server: OwnRedisServer; redis: RedisPorts } {
  if (!server || !redis) throw new Error('the private redis-server did not start');
  return { server, redis };
}

async function rejection(promise: Promise<unknown>): Promise<EnterpriseHubError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as EnterpriseHubError,
  );
}

async function untilUp(redisPorts: RedisPorts): Promise<void> {
  const until = Date.now() + 15_000;
  while ((await redisPorts.health()).status !== 'up') {
    if (Date.now() > until) throw new Error('Redis did not come back');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!hasRedisServer)('Redis outage (a private redis-server stopped mid-run)', () => {
  it('cache falls back to L1, locks and limits fail closed, and nothing is written twice when Redis returns', async () => {
    const { server: own, redis: adapters } = ports();
    const tenantId = 'tenant-1';
    const cache = createTieredCache({
      l2: adapters.cache,
      clock: systemClock,
      breaker: { failureThreshold: 2, resetTimeoutMs: 60_000, l2TimeoutMs: 1_000 },
    });
    const delivered: string[] = [];
    /** Accept a webhook once, then write it under the contact lock: the worker's unit of work. */
    const deliver = async (messageId: string): Promise<'written' | 'duplicate'> => {
      if (await adapters.inbox.has({ tenantId, id: messageId })) return 'duplicate';
      const lock = await adapters.locks.acquire({ tenantId, key: 'contact:c1', ttlMs: 5_000 });
      if (!lock) throw new Error('contact busy');
      try {
        if (!(await adapters.inbox.markSeen({ tenantId, id: messageId, ttlMs: 60_000 })))
          return 'duplicate';
        delivered.push(messageId);
        return 'written';
      } finally {
        await adapters.locks.release({ tenantId, lock });
      }
    };

    await cache.set({ tenantId, key: 'listing:1', value: { price: 485_000 }, ttlMs: 60_000 });
    expect(await deliver('m1')).toBe('written');

    await own.stop();

    // cache: answers from L1, loads still work, the breaker opens on L2 failures
    expect(await cache.get({ tenantId, key: 'listing:1' })).toEqual({ price: 485_000 });
    for (let index = 0; index < 3; index++) {
      const loaded = await cache.getOrSet({
        tenantId,
        key: `listing:new-${index}`,
        ttlMs: 60_000,
        load: () => ({ index }),
      });
      expect(loaded).toEqual({ index });
    }
    expect(cache.stats().l2.breaker).toBe('open');
    expect(await cache.get({ tenantId, key: 'listing:new-2' })).toEqual({ index: 2 });

    // locks, limits and the inbox fail closed with a retryable error
    const lockError = await rejection(
      adapters.locks.acquire({ tenantId, key: 'contact:c1', ttlMs: 5_000 }),
    );
    expect([lockError.code, lockError.retryable]).toEqual(['REDIS_UNAVAILABLE', true]);
    const limitError = await rejection(
      adapters.rateLimiter.consume({ tenantId, key: 'api', limit: 1, windowMs: 60_000 }),
    );
    expect([limitError.code, limitError.retryable]).toEqual(['REDIS_UNAVAILABLE', true]);
    const deliverError = await rejection(deliver('m2'));
    expect(deliverError.code).toBe('REDIS_UNAVAILABLE');
    expect(delivered).toEqual(['m1']);

    await own.resume();
    await untilUp(adapters);

    // nothing from the outage landed late: no phantom lock, no phantom "seen", no phantom unit
    expect(await adapters.inbox.has({ tenantId, id: 'm2' })).toBe(false);
    expect(await deliver('m2')).toBe('written');
    expect(await deliver('m2')).toBe('duplicate');
    expect(
      (await adapters.rateLimiter.consume({ tenantId, key: 'api', limit: 1, windowMs: 60_000 }))
        .allowed,
    ).toBe(true);
    expect(delivered).toEqual(['m1', 'm2']);
  }, 60_000);

  it('a command to a server that is down fails within the command timeout, not after reconnect attempts', async () => {
    const { server: own, redis: adapters } = ports();
    await own.stop();
    const started = performance.now();
    const error = await rejection(adapters.counters.get({ tenantId: 't', key: 'k' }));
    expect(error.code).toBe('REDIS_UNAVAILABLE');
    expect(performance.now() - started).toBeLessThan(1_000);
    await own.resume();
    await untilUp(adapters);
  }, 60_000);
});
