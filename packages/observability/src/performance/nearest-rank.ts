/**
 * Nearest-rank percentile of an ascending-sorted sample: the smallest value such that at least
 * `percentile`% of the sample is less than or equal to it (rank = ⌈percentile/100 × n⌉).
 *
 * The result is always a value that was actually observed, never an interpolation. `percentile`
 * is clamped to 0–100; percentile 0 returns the minimum. An empty sample returns `0`.
 *
 * @param sorted - Values in ascending order (only the first `length` entries are read).
 * @param percentile - Percentile between 0 and 100, e.g. `95`.
 * @param length - Number of valid entries in `sorted`; defaults to `sorted.length`.
 *
 * @example
 * ```ts
 * nearestRankPercentile([15, 20, 35, 40, 50], 40); // 20
 * ```
 */
export function nearestRankPercentile(
  sorted: ArrayLike<number>,
  percentile: number,
  length: number = sorted.length,
): number {
  if (length <= 0) return 0;
  return sorted[nearestRankIndex(percentile, length)] ?? 0;
}

/** Zero-based index of the nearest-rank `percentile` in a sample of `length` (≥ 1) values. */
export function nearestRankIndex(percentile: number, length: number): number {
  const clamped = Math.min(100, Math.max(0, percentile));
  // p × n is exact for integral percentiles, so 99 × 100 / 100 is exactly 99 (no overshoot).
  return Math.min(length, Math.max(1, Math.ceil((clamped * length) / 100 - 1e-9))) - 1;
}

/**
 * Rearranges `values[left..]` in place so that `values[k]` holds the value it would hold if that
 * range were sorted, with nothing larger before it and nothing smaller after it (Hoare's
 * selection with median-of-three pivots: O(n) on average instead of a full O(n log n) sort).
 */
export function selectInPlace(values: Float64Array, k: number, left = 0): void {
  let low = left;
  let high = values.length - 1;
  while (high > low) {
    const middle = (low + high) >>> 1;
    const pivot = medianOfThree(values[low] ?? 0, values[middle] ?? 0, values[high] ?? 0);
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i += 1;
      while ((values[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
