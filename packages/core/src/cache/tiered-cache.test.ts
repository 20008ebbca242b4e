import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../events/create-event-bus';
import type { EventMap } from '../events/event-map';
import { ManualClock, flushMicrotasks } from '../testing/manual-clock';
import { createTieredCache } from './tiered-cache';

const tenantId = 'tenant-a';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createTieredCache getOrSet', () => {
  it('runs the loader once for 1,000 concurrent cold calls and gives every caller its value', async () => {
    const cache = createTieredCache();
    const gate = deferred<{ id: string }>();
    const load = vi.fn(() => gate.promise);
    const calls = Array.from({ length: 1_000 }, () => cache.getOrSet({ tenantId, key: 'hot', ttlMs: 60_000, load }));
    gate.resolve({ id: 'listing-1' });
    const values = await Promise.all(calls);
    expect(load).toHaveBeenCalledTimes(1);
    expect(new Set(values).size).toBe(1);
    expect(values[999]).toEqual({ id: 'listing-1' });
  });

  it('rejects every waiter with the loader error and does not cache it', async () => {
    const cache = createTieredCache();
    const load = vi.fn().mockRejectedValueOnce(new Error('source down')).mockResolvedValueOnce('recovered');
    const waiters = Array.from({ length: 5 }, () => cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load }));
    const outcomes = await Promise.allSettled(waiters);
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    await expect(cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load })).resolves.toBe('recovered');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('serves the cached value until ttlMs passes on the injected clock, then reloads', async () => {
    const clock = new ManualClock();
    const cache = createTieredCache({ clock });
    let version = 0;
    const load = (): number => (version += 1);
    expect(await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load })).toBe(1);
    clock.advance(999);
    expect(await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load })).toBe(1);
    clock.advance(1);
    expect(await cache.get({ tenantId, key: 'k' })).toBeUndefined();
    expect(await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load })).toBe(2);
  });

  it('caches undefined for negativeTtlMs only when negative caching is on', async () => {
    const clock = new ManualClock();
    const withNegative = createTieredCache({ clock, negativeTtlMs: 500 });
    const without = createTieredCache({ clock });
    const load = vi.fn(() => undefined);
    for (const cache of [withNegative, without]) {
      await cache.getOrSet({ tenantId, key: 'missing', ttlMs: 60_000, load });
      await cache.getOrSet({ tenantId, key: 'missing', ttlMs: 60_000, load });
    }
    expect(load).toHaveBeenCalledTimes(3); // 1 with negative caching + 2 without
    clock.advance(500);
    await withNegative.getOrSet({ tenantId, key: 'missing', ttlMs: 60_000, load });
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('answers stale within the stale-while-revalidate window and refreshes once in the background', async () => {
    const clock = new ManualClock();
    const cache = createTieredCache({ clock, staleWhileRevalidateMs: 5_000 });
    const refresh = deferred<string>();
    const load = vi.fn().mockResolvedValueOnce('v1').mockReturnValueOnce(refresh.promise);
    await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load });
    clock.advance(1_000);
    const stale = await Promise.all([1, 2, 3].map(() => cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load })));
    expect(stale).toEqual(['v1', 'v1', 'v1']);
    expect(load).toHaveBeenCalledTimes(2);
    expect(await cache.get({ tenantId, key: 'k' })).toBeUndefined(); // get never returns stale values
    refresh.resolve('v2');
    await flushMicrotasks();
    expect(await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load })).toBe('v2');
  });

  it('keeps the stale value when the background refresh fails and waits for a load after the window', async () => {
    const clock = new ManualClock();
    const cache = createTieredCache({ clock, staleWhileRevalidateMs: 5_000 });
    const load = vi.fn().mockResolvedValueOnce('v1').mockRejectedValueOnce(new Error('down')).mockResolvedValue('v3');
    await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load });
    clock.advance(2_000);
    expect(await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load })).toBe('v1');
    await flushMicrotasks();
    expect(await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load })).toBe('v1');
    await flushMicrotasks();
    clock.advance(4_000); // past expiry + stale window
    expect(await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load })).toBe('v3');
  });

  it('discards an in-flight load when set or delete ran meanwhile', async () => {
    const cache = createTieredCache();
    const slow = deferred<string>();
    const pending = cache.getOrSet({ tenantId, key: 'k', ttlMs: 60_000, load: () => slow.promise });
    await cache.set({ tenantId, key: 'k', value: 'newer', ttlMs: 60_000 });
    slow.resolve('older');
    expect(await pending).toBe('older');
    expect(await cache.get({ tenantId, key: 'k' })).toBe('newer');
  });

  it('rejects only the waiter whose signal aborts', async () => {
    const cache = createTieredCache();
    const slow = deferred<string>();
    const controller = new AbortController();
    const aborted = cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load: () => slow.promise, signal: controller.signal });
    const other = cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load: () => slow.promise });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'ABORTED' });
    slow.resolve('done');
    await expect(other).resolves.toBe('done');
  });
});

describe('createTieredCache L1', () => {
  it('keeps tenants apart, including keys that would collide when naively joined', async () => {
    const cache = createTieredCache();
    await cache.set({ tenantId: 'a', key: 'secret', value: 'A', ttlMs: 60_000 });
    await cache.set({ tenantId: 'x:y', key: 'z', value: 'first', ttlMs: 60_000 });
    expect(await cache.get({ tenantId: 'b', key: 'secret' })).toBeUndefined();
    expect(await cache.get({ tenantId: 'x', key: 'y:z' })).toBeUndefined();
    const load = vi.fn(() => 'B');
    expect(await cache.getOrSet({ tenantId: 'b', key: 'secret', ttlMs: 60_000, load })).toBe('B');
    expect(await cache.get({ tenantId: 'a', key: 'secret' })).toBe('A');
  });

  it('keeps each tenant\'s entry of a shared key independent through set, overwrite and delete', async () => {
    const cache = createTieredCache();
    for (const tenant of ['a', 'b', 'c']) await cache.set({ tenantId: tenant, key: 'config', value: tenant, ttlMs: 60_000 });
    await cache.set({ tenantId: 'b', key: 'config', value: 'b2', ttlMs: 60_000 });
    await cache.delete({ tenantId: 'a', key: 'config' });
    expect(await cache.get({ tenantId: 'a', key: 'config' })).toBeUndefined();
    expect(await cache.get({ tenantId: 'b', key: 'config' })).toBe('b2');
    expect(await cache.get({ tenantId: 'c', key: 'config' })).toBe('c');
    await cache.delete({ tenantId: 'c', key: 'config' });
    await cache.set({ tenantId: 'a', key: 'config', value: 'a2', ttlMs: 60_000 });
    expect(await cache.get({ tenantId: 'a', key: 'config' })).toBe('a2');
    expect(await cache.get({ tenantId: 'c', key: 'config' })).toBeUndefined();
    expect(await cache.get({ tenantId: 'b', key: 'config' })).toBe('b2');
  });

  it('expires entries on the real clock too (readings are reused for at most an event-loop turn)', async () => {
    const cache = createTieredCache();
    await cache.set({ tenantId, key: 'k', value: 'v', ttlMs: 20 });
    expect(await cache.get({ tenantId, key: 'k' })).toBe('v');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await cache.get({ tenantId, key: 'k' })).toBeUndefined();
  });

  it('sees a fake-timer system time jump at once', async () => {
    vi.useFakeTimers();
    try {
      const cache = createTieredCache();
      await cache.set({ tenantId, key: 'k', value: 'v', ttlMs: 1_000 });
      expect(await cache.get({ tenantId, key: 'k' })).toBe('v');
      vi.setSystemTime(Date.now() + 1_000);
      expect(await cache.get({ tenantId, key: 'k' })).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = createTieredCache({ l1: { maxEntries: 2 } });
    await cache.set({ tenantId, key: 'one', value: 1, ttlMs: 60_000 });
    await cache.set({ tenantId, key: 'two', value: 2, ttlMs: 60_000 });
    await cache.get({ tenantId, key: 'one' });
    await cache.set({ tenantId, key: 'three', value: 3, ttlMs: 60_000 });
    expect(await cache.get({ tenantId, key: 'two' })).toBeUndefined();
    expect(await cache.get({ tenantId, key: 'one' })).toBe(1);
    expect(await cache.get({ tenantId, key: 'three' })).toBe(3);
  });

  it('bounds estimated bytes with maxBytes and refuses a single value larger than the limit', async () => {
    const cache = createTieredCache({ l1: { maxBytes: 1_000 } });
    await cache.set({ tenantId, key: 'huge', value: 'x'.repeat(600), ttlMs: 60_000 });
    expect(await cache.get({ tenantId, key: 'huge' })).toBeUndefined();
    for (const key of ['a', 'b', 'c']) await cache.set({ tenantId, key, value: 'y'.repeat(200), ttlMs: 60_000 });
    expect(await cache.get({ tenantId, key: 'a' })).toBeUndefined();
    expect(await cache.get({ tenantId, key: 'c' })).toBe('y'.repeat(200));
  });

  it('deletes on set with ttlMs ≤ 0 and on delete', async () => {
    const cache = createTieredCache();
    await cache.set({ tenantId, key: 'k', value: 1, ttlMs: 60_000 });
    await cache.set({ tenantId, key: 'k', value: 2, ttlMs: 0 });
    expect(await cache.get({ tenantId, key: 'k' })).toBeUndefined();
    await cache.set({ tenantId, key: 'k', value: 3, ttlMs: 60_000 });
    await cache.delete({ tenantId, key: 'k' });
    expect(await cache.get({ tenantId, key: 'k' })).toBeUndefined();
  });

  it('counts L1 hits and misses and emits cache.accessed events', async () => {
    const clock = new ManualClock();
    const events = createEventBus();
    const seen: EventMap['cache.accessed'][] = [];
    events.on('cache.accessed', (event) => void seen.push(event));
    const cache = createTieredCache({ clock, events });
    await cache.get({ tenantId, key: 'k' });
    await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load: () => 'v' });
    await cache.get({ tenantId, key: 'k' });
    expect(cache.stats()).toEqual({
      l1: { hits: 1, misses: 2 },
      l2: { hits: 0, misses: 0, errors: 0, breaker: 'closed' },
    });
    expect(seen.map((event) => `${event.tier}:${String(event.hit)}`)).toEqual(['l1:false', 'l1:false', 'l1:true']);
    expect(seen[0]).toMatchObject({ tenantId, at: clock.now() });
  });
});
