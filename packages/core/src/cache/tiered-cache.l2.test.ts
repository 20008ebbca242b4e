import { describe, expect, it, vi } from 'vitest';
import { createMemoryCache } from '../memory/memory-cache';
import type { Cache } from '../ports/cache';
import { ManualClock } from '../testing/manual-clock';
import { createTieredCache } from './tiered-cache';

const tenantId = 'tenant-a';

/** An L2 whose calls can be made to fail or hang, counting how often it is called. */
function flakyL2(clock: ManualClock): Cache & { calls: number; mode: 'ok' | 'fail' | 'hang' } {
  const inner = createMemoryCache({ clock });
  const port = {
    calls: 0,
    mode: 'ok' as 'ok' | 'fail' | 'hang',
    async run<T>(operation: () => Promise<T>): Promise<T> {
      port.calls += 1;
      if (port.mode === 'fail') throw new Error('ECONNREFUSED 127.0.0.1:6379');
      if (port.mode === 'hang') return new Promise<T>(() => undefined);
      return operation();
    },
    get: <T>(options: { tenantId: string; key: string }) => port.run(() => inner.get<T>(options)),
    set: <T>(options: { tenantId: string; key: string; value: T; ttlMs: number }) => port.run(() => inner.set(options)),
    delete: (options: { tenantId: string; key: string }) => port.run(() => inner.delete(options)),
  };
  return port;
}

describe('createTieredCache with an L2', () => {
  it('shares values between instances through L2 and promotes them into L1', async () => {
    const clock = new ManualClock();
    const l2 = createMemoryCache({ clock });
    const first = createTieredCache({ clock, l2 });
    const second = createTieredCache({ clock, l2 });
    await first.getOrSet({ tenantId, key: 'k', ttlMs: 10_000, load: () => ({ score: 8 }) });
    const load = vi.fn(() => ({ score: 1 }));
    expect(await second.getOrSet({ tenantId, key: 'k', ttlMs: 10_000, load })).toEqual({ score: 8 });
    expect(load).not.toHaveBeenCalled();
    expect(await second.get({ tenantId, key: 'k' })).toEqual({ score: 8 });
    expect(second.stats()).toMatchObject({ l1: { hits: 1, misses: 1 }, l2: { hits: 1, misses: 0 } });
  });

  it('keeps a value promoted from L2 in L1 for at most promotedTtlMs', async () => {
    const clock = new ManualClock();
    const l2 = flakyL2(clock);
    const writer = createTieredCache({ clock, l2 });
    const reader = createTieredCache({ clock, l2, l1: { promotedTtlMs: 1_000 } });
    await writer.set({ tenantId, key: 'k', value: 'v1', ttlMs: 60_000 });
    expect(await reader.get({ tenantId, key: 'k' })).toBe('v1');
    await writer.set({ tenantId, key: 'k', value: 'v2', ttlMs: 60_000 });
    const calls = l2.calls;
    clock.advance(999);
    expect(await reader.get({ tenantId, key: 'k' })).toBe('v1'); // from L1, no L2 call
    expect(l2.calls).toBe(calls);
    clock.advance(1);
    expect(await reader.get({ tenantId, key: 'k' })).toBe('v2');
  });

  it('deletes from both tiers', async () => {
    const clock = new ManualClock();
    const l2 = createMemoryCache({ clock });
    const cache = createTieredCache({ clock, l2 });
    await cache.set({ tenantId, key: 'k', value: 'v', ttlMs: 60_000 });
    await cache.delete({ tenantId, key: 'k' });
    expect(await l2.get({ tenantId, key: 'k' })).toBeUndefined();
    expect(await createTieredCache({ clock, l2 }).get({ tenantId, key: 'k' })).toBeUndefined();
  });

  it('writes plain values through to L2 and promotes values other code wrote there', async () => {
    const clock = new ManualClock();
    const l2 = createMemoryCache({ clock });
    const cache = createTieredCache({ clock, l2 });
    await cache.set({ tenantId, key: 'mine', value: { score: 8 }, ttlMs: 1_000 });
    expect(await l2.get({ tenantId, key: 'mine' })).toEqual({ score: 8 });
    clock.advance(1_000);
    expect(await l2.get({ tenantId, key: 'mine' })).toBeUndefined();
    await l2.set({ tenantId, key: 'raw', value: null, ttlMs: 60_000 });
    expect(await cache.get({ tenantId, key: 'raw' })).toBeNull();
    expect(await cache.get({ tenantId, key: 'raw' })).toBeNull();
    expect(cache.stats()).toMatchObject({ l1: { hits: 1, misses: 1 }, l2: { hits: 1, misses: 0 } });
  });

  it('treats a failing L2 as a miss, loads from the source and counts the errors', async () => {
    const clock = new ManualClock();
    const l2 = flakyL2(clock);
    l2.mode = 'fail';
    const cache = createTieredCache({ clock, l2 });
    expect(await cache.get({ tenantId, key: 'k' })).toBeUndefined();
    expect(await cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load: () => 'from-source' })).toBe('from-source');
    await cache.set({ tenantId, key: 'other', value: 1, ttlMs: 1_000 });
    expect(cache.stats().l2).toEqual({ hits: 0, misses: 0, errors: 4, breaker: 'closed' });
    expect(await cache.get({ tenantId, key: 'k' })).toBe('from-source');
  });

  it('opens the breaker after repeated L2 failures, skips L2 while open and probes after resetTimeoutMs', async () => {
    const clock = new ManualClock();
    const l2 = flakyL2(clock);
    l2.mode = 'fail';
    const cache = createTieredCache({ clock, l2, breaker: { failureThreshold: 3, resetTimeoutMs: 5_000 } });
    for (const key of ['a', 'b', 'c']) await cache.get({ tenantId, key });
    expect(cache.stats().l2.breaker).toBe('open');
    for (const key of ['d', 'e', 'f']) await cache.get({ tenantId, key });
    expect(l2.calls).toBe(3);
    clock.advance(5_000);
    expect(cache.stats().l2.breaker).toBe('half-open');
    l2.mode = 'ok';
    await cache.get({ tenantId, key: 'g' });
    expect(l2.calls).toBe(4);
    expect(cache.stats().l2).toMatchObject({ breaker: 'closed', misses: 1, errors: 3 });
  });

  it('does not let a hanging L2 stall a request beyond l2TimeoutMs', async () => {
    const clock = new ManualClock();
    const l2 = flakyL2(clock);
    l2.mode = 'hang';
    const cache = createTieredCache({ clock, l2, breaker: { l2TimeoutMs: 50 } });
    let settled = false;
    const pending = cache.getOrSet({ tenantId, key: 'k', ttlMs: 1_000, load: () => 'loaded' }).then((value) => {
      settled = true;
      return value;
    });
    await clock.advanceAsync(49);
    expect(settled).toBe(false);
    await clock.advanceAsync(1); // L2 read times out; the loader runs; the L2 write then times out too
    await clock.advanceAsync(50);
    expect(await pending).toBe('loaded');
    expect(cache.stats().l2.errors).toBe(2);
  });

  it('keeps tenants apart in L2', async () => {
    const clock = new ManualClock();
    const l2 = createMemoryCache({ clock });
    await createTieredCache({ clock, l2 }).set({ tenantId: 'a', key: 'k', value: 'A', ttlMs: 60_000 });
    expect(await createTieredCache({ clock, l2 }).get({ tenantId: 'b', key: 'k' })).toBeUndefined();
  });
});
