import { requireService } from '@test-support/services';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createRedisConnection,
  createRedisCounters,
  createRedisInbox,
  createRedisLockManager,
  createRedisPorts,
  createRedisRateLimiter,
  redisHealth,
} from '../../src/redis/index';
import {
  deletePrefix,
  live,
  testRedisClient,
  uniquePrefix,
  whenReady,
} from '../support/redis-support';
import { createTestKeyring } from '../support/test-keyring';

const redis = await requireService('redis');
const client = redis.available ? testRedisClient(redis.url) : undefined;
const other = redis.available ? testRedisClient(redis.url) : undefined;
if (client && other) await Promise.all([whenReady(client), whenReady(other)]);
const keyPrefix = uniquePrefix('adapters');

afterAll(async () => {
  if (!client || !other) return;
  await deletePrefix(client, keyPrefix);
  client.disconnect();
  other.disconnect();
});

describe.skipIf(!redis.available)('Redis adapters', () => {
  const instanceA = () => createRedisConnection({ client: live(client), keyPrefix });
  const instanceB = () => createRedisConnection({ client: live(other), keyPrefix });

  it('keeps keys under <prefix>:{<tenant>}: so tenants and deployments never share one', async () => {
    const locks = createRedisLockManager({ connection: instanceA() });
    await locks.acquire({ tenantId: 'tenant:a', key: 'contact:c1', ttlMs: 10_000 });
    const keys = await live(client).keys(`${keyPrefix}:*lock*`);
    expect(keys).toEqual([`${keyPrefix}:{tenant%3Aa}:lock:contact:c1`]);
    const otherDeployment = createRedisLockManager({
      client: live(client),
      keyPrefix: `${keyPrefix}-other`,
    });
    expect(
      await otherDeployment.acquire({ tenantId: 'tenant:a', key: 'contact:c1', ttlMs: 10_000 }),
    ).toBeDefined();
    await deletePrefix(live(client), `${keyPrefix}-other`);
  });

  it('hands out strictly increasing fencing tokens across keys and instances of one tenant', async () => {
    const a = createRedisLockManager({ connection: instanceA() });
    const b = createRedisLockManager({ connection: instanceB() });
    const tokens: number[] = [];
    for (let index = 0; index < 6; index++) {
      const locks = index % 2 === 0 ? a : b;
      const lock = await locks.acquire({ tenantId: 'fence', key: `k${index % 3}`, ttlMs: 5_000 });
      if (!lock) throw new Error('expected the lock');
      tokens.push(lock.fencingToken);
      await locks.release({ tenantId: 'fence', lock });
    }
    expect(tokens).toEqual([...tokens].sort((x, y) => x - y));
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('gives up a wait after waitMs when the holder keeps the lock', async () => {
    const locks = createRedisLockManager({ connection: instanceA(), retryDelayMs: 10 });
    const held = await locks.acquire({ tenantId: 'wait', key: 'k', ttlMs: 10_000 });
    expect(held).toBeDefined();
    const started = performance.now();
    expect(await locks.acquire({ tenantId: 'wait', key: 'k', ttlMs: 1000, waitMs: 80 })).toBe(
      undefined,
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
  });

  it('one lock across two instances: of 20 concurrent acquirers on two clients exactly one wins', async () => {
    const a = createRedisLockManager({ connection: instanceA() });
    const b = createRedisLockManager({ connection: instanceB() });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? a : b).acquire({ tenantId: 'race', key: 'k', ttlMs: 10_000 }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('rate limit is atomic across instances: 30 concurrent consumers on two clients get exactly the limit', async () => {
    const a = createRedisRateLimiter({ connection: instanceA() });
    const b = createRedisRateLimiter({ connection: instanceB() });
    const options = { tenantId: 'rl', key: 'ghl:loc1', limit: 7, windowMs: 60_000 };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) => (index % 2 === 0 ? a : b).consume(options)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(7);
    const refused = results.find((result) => !result.allowed);
    expect(refused?.retryAfterMs).toBeGreaterThan(59_000);
    expect(refused?.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('weighs costs: retryAfterMs waits for enough units to leave the window', async () => {
    const limiter = createRedisRateLimiter({ connection: instanceA() });
    const options = { tenantId: 'rl-cost', key: 'k', limit: 10, windowMs: 60_000 };
    expect((await limiter.consume({ ...options, cost: 4 })).remaining).toBe(6);
    expect((await limiter.consume({ ...options, cost: 6 })).remaining).toBe(0);
    const refused = await limiter.consume({ ...options, cost: 11 });
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 60_000 });
    await expect(limiter.consume({ ...options, cost: -1 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('rebuilds the running total from the log when the total key was lost', async () => {
    const limiter = createRedisRateLimiter({ connection: instanceA() });
    const options = { tenantId: 'rl-lost', key: 'k', limit: 3, windowMs: 60_000 };
    await limiter.consume({ ...options, cost: 2 });
    await live(client).del(`${keyPrefix}:{rl-lost}:rlsum:k`);
    expect(await limiter.peek(options)).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
  });

  it('counters add up across instances, expire with their TTL and reset', async () => {
    const a = createRedisCounters({ connection: instanceA() });
    const b = createRedisCounters({ connection: instanceB() });
    const key = { tenantId: 'counter', key: 'handoffs:day:c1' };
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? a : b).increment({ ...key, ttlMs: 60_000 }),
      ),
    );
    expect(await a.get(key)).toBe(10);
    expect(await b.increment({ ...key, by: -3 })).toBe(7);
    const ttl = await live(client).pttl(`${keyPrefix}:{counter}:counter:handoffs:day:c1`);
    expect(ttl).toBeGreaterThan(50_000);
    await a.reset(key);
    expect(await b.get(key)).toBe(0);
  });

  it('encrypts inbox payloads at rest when given a keyring', async () => {
    const inbox = createRedisInbox({ connection: instanceA(), keyring: createTestKeyring() });
    const payload = { phone: '+15125550123', body: 'I want to sell my house on Elm St' };
    await inbox.markSeen({ tenantId: 'inbox-pii', id: 'wh-1', payload, ttlMs: 60_000 });
    const raw = (await live(client).get(`${keyPrefix}:{inbox-pii}:inbox:wh-1`)) ?? '';
    expect(raw).not.toContain('5550123');
    expect(raw).not.toContain('Elm St');
    expect(await inbox.getPayload({ tenantId: 'inbox-pii', id: 'wh-1' })).toEqual(payload);
    await expect(
      createRedisInbox({ connection: instanceA() }).getPayload({
        tenantId: 'inbox-pii',
        id: 'wh-1',
      }),
    ).rejects.toMatchObject({ code: 'PII_KEY_MISSING' });
  });

  it('creates and closes its own client from a URL', async () => {
    const ports = createRedisPorts({ url: redis.url, keyPrefix });
    expect(await ports.health()).toMatchObject({ status: 'up' });
    await ports.cache.set({ tenantId: 'url', key: 'k', value: { ok: true }, ttlMs: 10_000 });
    expect(await ports.cache.get({ tenantId: 'url', key: 'k' })).toEqual({ ok: true });
    await ports.close();
    await expect(ports.cache.get({ tenantId: 'url', key: 'k' })).rejects.toMatchObject({
      code: 'REDIS_UNAVAILABLE',
    });
  });

  it('redisHealth reports up for a live client and down (never throws) for an unreachable one', async () => {
    expect(await redisHealth(live(client))).toMatchObject({ status: 'up' });
    const nowhere = createRedisConnection({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 300 });
    expect(await redisHealth(nowhere)).toMatchObject({
      status: 'down',
      errorCode: 'REDIS_UNAVAILABLE',
      retryable: true,
    });
    await nowhere.close();
  });
});
