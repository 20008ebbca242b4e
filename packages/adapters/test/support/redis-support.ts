import { systemClock, type Clock } from '@enterprisehub/core';
import type { ManualClock } from '@enterprisehub/core/testing';
import { uniqueName } from '@test-support/services';
import { Redis } from 'ioredis';

/**
 * A clock for adapters whose TTLs run on the Redis server: `now()` follows the test's manual clock
 * (so contract assertions on `expiresAt` hold) while sleeps and timers are real.
 */
export function serverTimedClock(manual: ManualClock): Clock {
  return {
    now: () => manual.now(),
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
    setTimer: (callback, delayMs) => systemClock.setTimer(callback, delayMs),
  };
}

/** Moves the manual clock and waits the same time for real (Redis expires keys on its own clock). */
export async function advanceBoth(manual: ManualClock, ms: number): Promise<void> {
  manual.advance(ms);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** A test client: fails fast instead of queueing while Redis is down. */
export function testRedisClient(url: string): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  return client;
}

/** A key prefix unique to this run, so suites never collide on the shared Redis. */
export function uniquePrefix(label: string): string {
  return uniqueName(`eht_${label}`);
}

/** Deletes every key under `prefix` (never anything else: the shared Redis is never flushed). */
export async function deletePrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== '0');
}

/** Resolves once the client is ready. */
export async function whenReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('end', () => reject(new Error('redis connection ended')));
  });
}

/** The value of a service-dependent fixture; throws when the suite runs without the service. */
export function live<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The Redis fixture is not available.');
  return value;
}
