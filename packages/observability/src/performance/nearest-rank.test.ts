import { describe, expect, it } from 'vitest';
import { nearestRankPercentile } from './nearest-rank';

describe('nearestRankPercentile', () => {
  // Worked example of the nearest-rank method (five values).
  const five = [15, 20, 35, 40, 50];

  it('returns the observed value at rank ceil(p/100 * n) for the textbook vector', () => {
    expect(nearestRankPercentile(five, 5)).toBe(15);
    expect(nearestRankPercentile(five, 30)).toBe(20);
    expect(nearestRankPercentile(five, 40)).toBe(20);
    expect(nearestRankPercentile(five, 50)).toBe(35);
    expect(nearestRankPercentile(five, 100)).toBe(50);
  });

  it('returns the minimum for percentile 0 and clamps out-of-range percentiles', () => {
    expect(nearestRankPercentile(five, 0)).toBe(15);
    expect(nearestRankPercentile(five, -10)).toBe(15);
    expect(nearestRankPercentile(five, 250)).toBe(50);
  });

  it('picks exact ranks without floating-point overshoot for 1..100', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(nearestRankPercentile(hundred, 50)).toBe(50);
    expect(nearestRankPercentile(hundred, 95)).toBe(95);
    expect(nearestRankPercentile(hundred, 99)).toBe(99);
    const twenty = Array.from({ length: 20 }, (_, index) => (index + 1) * 10);
    expect(nearestRankPercentile(twenty, 95)).toBe(190);
  });

  it('reads only the first `length` entries of a larger buffer', () => {
    const buffer = new Float64Array([1, 2, 3, 4, 1000, 1000]);
    expect(nearestRankPercentile(buffer, 100, 4)).toBe(4);
    expect(nearestRankPercentile(buffer, 50, 4)).toBe(2);
  });

  it('returns 0 for an empty sample', () => {
    expect(nearestRankPercentile([], 95)).toBe(0);
  });
});
