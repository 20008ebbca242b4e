import { ManualClock } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { nearestRankPercentile } from './nearest-rank';
import { createPerformanceTracker } from './performance-tracker';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('createPerformanceTracker — exact 1h window', () => {
  it('returns exact nearest-rank statistics for a known vector', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock });
    for (let value = 1; value <= 100; value += 1) {
      tracker.record({
        bot: 'lead',
        operation: 'process',
        durationMs: value * 10,
        success: value % 10 !== 0,
      });
    }
    expect(tracker.stats({ bot: 'lead', operation: 'process', window: '1h' })).toEqual({
      count: 100,
      errorCount: 10,
      p50: 500,
      p95: 950,
      p99: 990,
      mean: 505,
      min: 10,
      max: 1000,
      truncated: false,
    });
  });

  it('uses the textbook nearest-rank values for a five-element sample', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock });
    for (const durationMs of [35, 20, 50, 15, 40]) {
      tracker.record({ bot: 'buyer', operation: 'process', durationMs, success: true });
    }
    const stats = tracker.stats({ bot: 'buyer', operation: 'process', window: '1h' });
    expect([stats.p50, stats.p95, stats.p99, stats.min, stats.max]).toEqual([35, 50, 50, 15, 50]);
  });

  it('drops entries once they are older than one hour', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock });
    tracker.record({ bot: 'lead', operation: 'process', durationMs: 9000, success: false });
    clock.advance(30 * MINUTE);
    tracker.record({ bot: 'lead', operation: 'process', durationMs: 100, success: true });
    clock.advance(30 * MINUTE + 1);
    const stats = tracker.stats({ bot: 'lead', operation: 'process', window: '1h' });
    expect(stats).toMatchObject({ count: 1, errorCount: 0, max: 100 });
    // The 24h window still sees both.
    expect(tracker.stats({ bot: 'lead', operation: 'process', window: '24h' })).toMatchObject({
      count: 2,
      errorCount: 1,
    });
  });

  it('reports truncated when the hour holds more entries than the window capacity', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock, exactWindowCapacity: 50 });
    for (let index = 0; index < 60; index += 1) {
      tracker.record({ bot: 'lead', operation: 'process', durationMs: index, success: true });
      clock.advance(1000);
    }
    const stats = tracker.stats({ bot: 'lead', operation: 'process', window: '1h' });
    expect(stats).toMatchObject({ count: 50, min: 10, max: 59, truncated: true });
    // Once the evicted entries would have expired anyway, the window is complete again.
    clock.advance(HOUR - 45_000);
    expect(tracker.stats({ bot: 'lead', operation: 'process', window: '1h' }).truncated).toBe(
      false,
    );
  });

  it('honours an explicit `at` for out-of-order records', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock });
    tracker.record({
      bot: 'seller',
      operation: 'process',
      durationMs: 5,
      success: true,
      at: clock.now() - 2 * HOUR,
    });
    tracker.record({
      bot: 'seller',
      operation: 'process',
      durationMs: 7,
      success: true,
      at: clock.now() - MINUTE,
    });
    expect(tracker.stats({ bot: 'seller', operation: 'process', window: '1h' })).toMatchObject({
      count: 1,
      p50: 7,
    });
    expect(tracker.stats({ bot: 'seller', operation: 'process', window: '24h' })).toMatchObject({
      count: 2,
      min: 5,
    });
  });

  it('ignores negative and non-finite durations', () => {
    const tracker = createPerformanceTracker({ clock: new ManualClock() });
    for (const durationMs of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      tracker.record({ bot: 'lead', operation: 'process', durationMs, success: true });
    }
    expect(tracker.stats({ bot: 'lead', operation: 'process', window: '1h' }).count).toBe(0);
  });

  it('returns zeroed stats for a series that was never recorded', () => {
    const tracker = createPerformanceTracker({ clock: new ManualClock() });
    expect(tracker.stats({ bot: 'buyer', operation: 'handoff', window: '7d' })).toEqual({
      count: 0,
      errorCount: 0,
      p50: 0,
      p95: 0,
      p99: 0,
      mean: 0,
      min: 0,
      max: 0,
      truncated: false,
    });
  });
});

describe('createPerformanceTracker — sketched 24h and 7d windows', () => {
  it('keeps percentiles within 1% of the exact values once the ring buffer no longer covers the window', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock, exactWindowCapacity: 100 });
    const next = random(42);
    const values: number[] = [];
    for (let index = 0; index < 5000; index += 1) {
      const durationMs = Math.round(50 + 3000 * next() ** 3);
      values.push(durationMs);
      tracker.record({ bot: 'lead', operation: 'full_qualification', durationMs, success: true });
      clock.advance(10_000);
    }
    values.sort((left, right) => left - right);
    for (const window of ['24h', '7d'] as const) {
      const stats = tracker.stats({ bot: 'lead', operation: 'full_qualification', window });
      expect(stats.count).toBe(5000);
      for (const [percentile, value] of [
        [50, stats.p50],
        [95, stats.p95],
        [99, stats.p99],
      ] as const) {
        const exact = nearestRankPercentile(values, percentile);
        expect(Math.abs(value - exact) / exact).toBeLessThanOrEqual(0.0101);
      }
      expect(stats.min).toBe(values[0]);
      expect(stats.max).toBe(values.at(-1));
    }
  });

  it('covers the real seven days, not the last 10,000 calls', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock });
    for (let index = 0; index < 30_000; index += 1) {
      tracker.record({
        bot: 'buyer',
        operation: 'process',
        durationMs: 100 + (index % 7),
        success: index % 100 !== 0,
      });
      clock.advance(15_000); // 30,000 records over ~5.2 days
    }
    expect(tracker.stats({ bot: 'buyer', operation: 'process', window: '7d' })).toMatchObject({
      count: 30_000,
      errorCount: 300,
      truncated: false,
    });
    expect(tracker.stats({ bot: 'buyer', operation: 'process', window: '1h' }).count).toBe(239); // the entry exactly 1h old has expired
    // The last 10,000 records still cover the last 24h, so that window is exact.
    expect(tracker.stats({ bot: 'buyer', operation: 'process', window: '24h' }).count).toBe(5759);
  });

  it('answers 24h and 7d exactly while the ring buffer holds the whole window', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock });
    for (const durationMs of [101, 203, 307, 409, 511]) {
      tracker.record({
        bot: 'lead',
        operation: 'process',
        durationMs,
        success: true,
        at: clock.now() - 5 * HOUR,
      });
    }
    expect(tracker.stats({ bot: 'lead', operation: 'process', window: '24h' })).toMatchObject({
      p50: 307,
      p95: 511,
      mean: 306.2,
    });
    expect(tracker.stats({ bot: 'lead', operation: 'process', window: '7d' }).p50).toBe(307);
  });

  it('sees late records in already-merged closed buckets on the next query', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock, exactWindowCapacity: 1 });
    const query = { bot: 'lead', operation: 'process', window: '7d' } as const;
    tracker.record({
      bot: 'lead',
      operation: 'process',
      durationMs: 100,
      success: true,
      at: clock.now() - 5 * HOUR,
    });
    expect(tracker.stats(query)).toMatchObject({ count: 1, max: 100 });
    tracker.record({
      bot: 'lead',
      operation: 'process',
      durationMs: 900,
      success: false,
      at: clock.now() - 3 * HOUR,
    });
    tracker.record({ bot: 'lead', operation: 'process', durationMs: 50, success: true });
    expect(tracker.stats(query)).toMatchObject({ count: 3, errorCount: 1, min: 50, max: 900 });
    clock.advance(2 * HOUR);
    expect(tracker.stats(query)).toMatchObject({ count: 3, errorCount: 1 });
  });

  it('forgets data older than seven days', () => {
    const clock = new ManualClock();
    const tracker = createPerformanceTracker({ clock });
    tracker.record({ bot: 'lead', operation: 'handoff', durationMs: 80, success: true });
    clock.advance(7 * 24 * HOUR + 2 * HOUR);
    expect(tracker.stats({ bot: 'lead', operation: 'handoff', window: '7d' }).count).toBe(0);
  });
});

describe('createPerformanceTracker — tenants and SLA', () => {
  it('scopes stats to a tenant and aggregates every tenant without one', () => {
    const tracker = createPerformanceTracker({ clock: new ManualClock() });
    tracker.record({
      tenantId: 'a',
      bot: 'lead',
      operation: 'process',
      durationMs: 100,
      success: true,
    });
    tracker.record({
      tenantId: 'b',
      bot: 'lead',
      operation: 'process',
      durationMs: 300,
      success: false,
    });
    tracker.record({ bot: 'lead', operation: 'process', durationMs: 200, success: true });
    const query = { bot: 'lead', operation: 'process', window: '1h' } as const;
    expect(tracker.stats({ ...query, tenantId: 'a' })).toMatchObject({ count: 1, max: 100 });
    expect(tracker.stats({ ...query, tenantId: 'b' })).toMatchObject({ count: 1, errorCount: 1 });
    expect(tracker.stats({ ...query, tenantId: 'c' }).count).toBe(0);
    expect(tracker.stats(query)).toMatchObject({ count: 3, p50: 200 });
    expect(tracker.series({ tenantId: 'a' })).toEqual([{ bot: 'lead', operation: 'process' }]);
  });

  it('flags an SLA violation per percentile against the seed table', () => {
    const tracker = createPerformanceTracker({ clock: new ManualClock() });
    for (let index = 0; index < 100; index += 1) {
      tracker.record({
        bot: 'lead',
        operation: 'process',
        durationMs: index < 90 ? 200 : 1700,
        success: true,
      });
    }
    const entries = tracker.slaCompliance();
    expect(entries).toHaveLength(10);
    const leadProcess = entries.find(
      (entry) => entry.bot === 'lead' && entry.operation === 'process',
    );
    expect(leadProcess).toMatchObject({
      status: 'violated',
      compliant: false,
      target: { p50Ms: 300, p95Ms: 1500, p99Ms: 2000 },
      actual: { p50Ms: 200, p95Ms: 1700, p99Ms: 1700, count: 100 },
      violations: ['P95 1700 ms exceeds target 1500 ms'],
    });
    const buyer = entries.find((entry) => entry.bot === 'buyer' && entry.operation === 'process');
    expect(buyer).toMatchObject({ status: 'no_data', compliant: true, violations: [] });
  });

  it('checks a tenant against its own targets', () => {
    const tracker = createPerformanceTracker({
      clock: new ManualClock(),
      slaTargets: (tenantId) =>
        tenantId === 'strict'
          ? [{ bot: 'lead', operation: 'process', p50Ms: 50, p95Ms: 100, p99Ms: 150 }]
          : [{ bot: 'lead', operation: 'process', p50Ms: 500, p95Ms: 1000, p99Ms: 1500 }],
    });
    tracker.record({
      tenantId: 'strict',
      bot: 'lead',
      operation: 'process',
      durationMs: 120,
      success: true,
    });
    tracker.record({
      tenantId: 'relaxed',
      bot: 'lead',
      operation: 'process',
      durationMs: 120,
      success: true,
    });
    expect(tracker.slaCompliance({ tenantId: 'strict' })[0]?.status).toBe('violated');
    expect(tracker.slaCompliance({ tenantId: 'relaxed' })[0]?.status).toBe('ok');
  });
});
