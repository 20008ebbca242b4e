import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactWindow } from './exact-window';
import { nearestRankPercentile, selectInPlace } from './nearest-rank';

describe('ExactWindow', () => {
  it('matches a full sort for any sample (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 400 }),
        (values) => {
          const window = new ExactWindow(1000);
          values.forEach((value, index) => window.record(1000 + index, value, value % 3 !== 0));
          const sorted = [...values].sort((left, right) => left - right);
          const stats = window.stats(1000 + values.length, 3_600_000);
          expect(stats.p50).toBe(nearestRankPercentile(sorted, 50));
          expect(stats.p95).toBe(nearestRankPercentile(sorted, 95));
          expect(stats.p99).toBe(nearestRankPercentile(sorted, 99));
          expect(stats.min).toBe(sorted[0]);
          expect(stats.max).toBe(sorted.at(-1));
          expect(stats.errorCount).toBe(values.filter((value) => value % 3 === 0).length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps only the newest `capacity` entries once full, growing storage on the way', () => {
    const window = new ExactWindow(600);
    for (let index = 0; index < 1000; index += 1) window.record(index, index, true);
    expect(window.size).toBe(600);
    const seen: number[] = [];
    window.forEach(0, (_at, durationMs) => seen.push(durationMs));
    expect(seen[0]).toBe(400);
    expect(seen.at(-1)).toBe(999);
    expect(window.stats(1000, 3_600_000)).toMatchObject({
      count: 600,
      min: 400,
      max: 999,
      truncated: true,
    });
  });
});

describe('selectInPlace', () => {
  it('places the k-th smallest value at k with smaller values before it', () => {
    const values = new Float64Array([9, 1, 8, 2, 7, 3, 6, 4, 5, 5]);
    selectInPlace(values, 4);
    expect(values[4]).toBe(5);
    for (let index = 0; index < 4; index += 1) expect(values[index]).toBeLessThanOrEqual(5);
    for (let index = 5; index < values.length; index += 1)
      expect(values[index]).toBeGreaterThanOrEqual(5);
  });
});
