import { describe, expect, it } from 'vitest';
import { createCostAnomalyDetector } from './cost-anomaly-detector';
import { median, medianAbsoluteDeviation, robustZScore } from './robust-z-score';

describe('robustZScore', () => {
  it('computes the modified z-score on a hand-worked example', () => {
    // baseline 1..5: median 3, |x−3| = 2,1,0,1,2 → MAD 1; z(10) = 0.6745 × 7 / 1 = 4.7215
    expect(median([5, 1, 4, 2, 3])).toBe(3);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 5])).toBe(1);
    expect(robustZScore(10, [1, 2, 3, 4, 5]).score).toBeCloseTo(4.7215, 4);
    expect(median([1, 2, 3, 4])).toBe(2.5);
  });

  it('is not dragged by a previous outlier the way a mean/stdev z-score is', () => {
    const baseline = [0.01, 0.011, 0.009, 0.01, 0.012, 0.01, 0.011, 5];
    expect(robustZScore(0.5, baseline).score).toBeGreaterThan(3.5);
  });

  it('falls back to the mean absolute deviation when MAD is zero', () => {
    // median 1, MAD 0, meanAD = (0+0+0+3)/4 = 0.75 → z(4) = 3 / (1.253314 × 0.75) ≈ 3.1916
    expect(robustZScore(4, [1, 1, 1, 4]).score).toBeCloseTo(3.1916, 3);
    expect(robustZScore(2, [1, 1, 1])).toEqual({
      score: Number.POSITIVE_INFINITY,
      median: 1,
      mad: 0,
    });
    expect(robustZScore(1, [1, 1, 1]).score).toBe(0);
  });
});

describe('createCostAnomalyDetector', () => {
  const steady = (index: number): number => 0.01 + (index % 5) * 0.001;

  it('never flags before the baseline reaches minSamples', () => {
    const detector = createCostAnomalyDetector({ minSamples: 10 });
    for (let index = 0; index < 9; index += 1)
      detector.observe({ tenantId: 't1', bot: 'lead', costUsd: steady(index) });
    const result = detector.observe({ tenantId: 't1', bot: 'lead', costUsd: 50 });
    expect(result).toEqual({
      bot: { kind: 'insufficient_data', samples: 9 },
      tenant: { kind: 'insufficient_data', samples: 9 },
      isAnomaly: false,
    });
  });

  it('flags a cost spike per bot and per tenant and reports it', () => {
    const flagged: string[] = [];
    const detector = createCostAnomalyDetector({
      minSamples: 20,
      onAnomaly: (observation) => flagged.push(observation.bot),
    });
    for (let index = 0; index < 40; index += 1) {
      detector.observe({ tenantId: 't1', bot: 'lead', costUsd: steady(index) });
      detector.observe({ tenantId: 't1', bot: 'buyer', costUsd: steady(index) * 2 });
    }
    expect(detector.observe({ tenantId: 't1', bot: 'buyer', costUsd: 0.021 }).isAnomaly).toBe(
      false,
    );
    const spike = detector.observe({ tenantId: 't1', bot: 'lead', costUsd: 0.2 });
    expect(spike.isAnomaly).toBe(true);
    expect(spike.bot).toMatchObject({ kind: 'anomaly', medianUsd: 0.012, samples: 40 });
    expect(flagged).toEqual(['lead']);
    const report = detector.report();
    expect(report.map((row) => row.bot)).toEqual(['lead', 'buyer']);
    expect(report[0]).toMatchObject({ decisions: 41, anomalies: 1 });
  });

  it('does not flag cheaper-than-usual decisions', () => {
    const detector = createCostAnomalyDetector({ minSamples: 20 });
    for (let index = 0; index < 30; index += 1)
      detector.observe({ tenantId: 't1', bot: 'seller', costUsd: steady(index) });
    expect(detector.observe({ tenantId: 't1', bot: 'seller', costUsd: 0 }).isAnomaly).toBe(false);
  });
});
