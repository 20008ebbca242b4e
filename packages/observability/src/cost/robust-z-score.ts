/** Consistency constant: MAD × 1.4826 estimates σ for normal data, hence z = 0.6745 × (x − median) / MAD. */
const MAD_SCALE = 0.6745;
/** Mean absolute deviation × 1.2533 estimates σ for normal data (fallback when MAD is 0). */
const MEAN_AD_SCALE = 1.253314;

/** Median of a sample (mean of the two middle values for an even count); 0 for an empty sample. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Median absolute deviation from the median. */
export function medianAbsoluteDeviation(
  values: readonly number[],
  center = median(values),
): number {
  return median(values.map((value) => Math.abs(value - center)));
}

/** A robust z-score with the baseline figures it was computed from. */
export interface RobustZScore {
  /** Modified z-score of the value (±Infinity when the baseline has no spread and the value differs). */
  score: number;
  /** Baseline median. */
  median: number;
  /** Baseline median absolute deviation. */
  mad: number;
}

/**
 * Modified z-score (Iglewicz & Hoaglin): `0.6745 × (value − median) / MAD`, robust to the outliers
 * it is meant to find. When MAD is 0 (more than half the baseline identical) it falls back to the
 * mean absolute deviation (`(value − median) / (1.2533 × meanAD)`); when that is 0 too, any value
 * different from the median scores ±Infinity.
 *
 * @example
 * ```ts
 * robustZScore(10, [1, 2, 3, 4, 5]).score; // 0.6745 × (10 − 3) / 1 ≈ 4.72
 * ```
 */
export function robustZScore(value: number, baseline: readonly number[]): RobustZScore {
  const center = median(baseline);
  const mad = medianAbsoluteDeviation(baseline, center);
  const deviation = value - center;
  if (mad > 0) return { score: (MAD_SCALE * deviation) / mad, median: center, mad };
  const meanAd =
    baseline.reduce((sum, item) => sum + Math.abs(item - center), 0) / Math.max(1, baseline.length);
  if (meanAd > 0) return { score: deviation / (MEAN_AD_SCALE * meanAd), median: center, mad };
  return {
    score: deviation === 0 ? 0 : Math.sign(deviation) * Number.POSITIVE_INFINITY,
    median: center,
    mad,
  };
}
