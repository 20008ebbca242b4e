import { nearestRankIndex, selectInPlace } from './nearest-rank';
import { EMPTY_STATS, type PerformanceStats } from './performance-types';

const INITIAL_CAPACITY = 256;
let scratch = new Float64Array(INITIAL_CAPACITY);

/**
 * Exact rolling window over the most recent operations of one series: a typed-array ring buffer
 * (duration, timestamp, failure flag) capped at `capacity` entries, with nearest-rank percentiles
 * computed from the real durations. Storage grows by doubling up to the cap, so a quiet series
 * costs a few kilobytes.
 */
export class ExactWindow {
  readonly #capacity: number;
  #durations: Float64Array;
  #times: Float64Array;
  #failed: Uint8Array;
  #head = 0;
  #size = 0;
  #latestEvictedAt = Number.NEGATIVE_INFINITY;

  /** Creates a window holding at most `capacity` entries (the seed default is 10,000). */
  constructor(capacity: number) {
    this.#capacity = Math.max(1, Math.floor(capacity));
    const initial = Math.min(INITIAL_CAPACITY, this.#capacity);
    this.#durations = new Float64Array(initial);
    this.#times = new Float64Array(initial);
    this.#failed = new Uint8Array(initial);
  }

  /** Number of entries currently held (all ages). */
  get size(): number {
    return this.#size;
  }

  /** Appends one operation, evicting the oldest entry when the window is full. */
  record(at: number, durationMs: number, success: boolean): void {
    if (this.#size === this.#durations.length && this.#size < this.#capacity) this.#grow();
    const slot = this.#head;
    if (this.#size === this.#capacity) {
      const evictedAt = this.#times[slot] ?? 0;
      if (evictedAt > this.#latestEvictedAt) this.#latestEvictedAt = evictedAt;
    } else {
      this.#size += 1;
    }
    this.#durations[slot] = durationMs;
    this.#times[slot] = at;
    this.#failed[slot] = success ? 0 : 1;
    this.#head = slot + 1 === this.#capacity ? 0 : slot + 1;
  }

  /** True when no entry newer than `cutoff` was ever evicted: the buffer holds everything after it. */
  holdsAllSince(cutoff: number): boolean {
    return this.#latestEvictedAt <= cutoff;
  }

  /** Exact statistics over entries newer than `now - windowMs` (entries in the future count too). */
  stats(now: number, windowMs: number): PerformanceStats {
    const cutoff = now - windowMs;
    if (scratch.length < this.#size) scratch = new Float64Array(this.#durations.length);
    const times = this.#times;
    const durations = this.#durations;
    const failed = this.#failed;
    let count = 0;
    let errorCount = 0;
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < this.#size; index += 1) {
      if ((times[index] ?? 0) <= cutoff) continue;
      const duration = durations[index] ?? 0;
      scratch[count] = duration;
      count += 1;
      sum += duration;
      if (duration < min) min = duration;
      if (duration > max) max = duration;
      errorCount += failed[index] ?? 0;
    }
    const truncated = this.#latestEvictedAt > cutoff;
    if (count === 0) return { ...EMPTY_STATS, truncated };
    // Three successive selections, each on the part right of the previous one: exact nearest-rank
    // values in O(n) instead of sorting the whole window.
    const i50 = nearestRankIndex(50, count);
    const i95 = nearestRankIndex(95, count);
    const i99 = nearestRankIndex(99, count);
    const sample = scratch.subarray(0, count);
    selectInPlace(sample, i50);
    selectInPlace(sample, i95, i50);
    selectInPlace(sample, i99, i95);
    return {
      count,
      errorCount,
      p50: sample[i50] ?? 0,
      p95: sample[i95] ?? 0,
      p99: sample[i99] ?? 0,
      mean: sum / count,
      min,
      max,
      truncated,
    };
  }

  /** Calls `visit` for every held entry newer than `since`, oldest slot first (for persistence). */
  forEach(since: number, visit: (at: number, durationMs: number, success: boolean) => void): void {
    const start = this.#size === this.#capacity ? this.#head : 0;
    for (let step = 0; step < this.#size; step += 1) {
      const index = (start + step) % this.#capacity;
      const at = this.#times[index] ?? 0;
      if (at > since) visit(at, this.#durations[index] ?? 0, this.#failed[index] === 0);
    }
  }

  #grow(): void {
    const length = Math.min(this.#capacity, this.#durations.length * 2);
    const durations = new Float64Array(length);
    const times = new Float64Array(length);
    const failed = new Uint8Array(length);
    durations.set(this.#durations);
    times.set(this.#times);
    failed.set(this.#failed);
    this.#durations = durations;
    this.#times = times;
    this.#failed = failed;
  }
}
