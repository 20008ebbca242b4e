import { DDSketch } from '@datadog/sketches-js';
import { EMPTY_STATS, type PerformanceStats } from './performance-types';

/** Relative accuracy of every latency sketch: quantiles are within ±1% of a true sample value. */
export const SKETCH_RELATIVE_ACCURACY = 0.01;

/** One time bucket of a {@link SketchWindow}: a DDSketch plus the failures in it. */
export interface SketchBucket {
  /** Bucket number: `Math.floor(at / bucketMs)`. */
  index: number;
  /** Latency sketch of the operations in the bucket. */
  sketch: DDSketch;
  /** Number of failed operations in the bucket. */
  errors: number;
}

/**
 * Time-bucketed mergeable latency sketches for one series: a ring of `slots` buckets of
 * `bucketMs` each. A query merges the buckets overlapping the window, so the window is the real
 * elapsed time (rounded out to whole buckets), however busy it was. Counts, errors, mean, min
 * and max are exact; percentiles are within ±1% relative error.
 */
export class SketchWindow {
  readonly #bucketMs: number;
  readonly #slots: (SketchBucket | undefined)[];
  /** Merge of the closed buckets of the last query, reused while no record lands in them. */
  #closed: { first: number; last: number; sketch: DDSketch; errors: number } | undefined;
  /** The bucket written last and its time range: most records land in it again. */
  #hot: { bucket: SketchBucket; start: number; end: number } | undefined;

  /** Creates a window of `slots` buckets of `bucketMs` milliseconds each. */
  constructor(bucketMs: number, slots: number) {
    this.#bucketMs = bucketMs;
    this.#slots = new Array<SketchBucket | undefined>(slots).fill(undefined);
  }

  /** Width of one bucket in milliseconds. */
  get bucketMs(): number {
    return this.#bucketMs;
  }

  /** Adds one operation to the bucket covering `at`; ignored when older than the retained buckets. */
  record(at: number, durationMs: number, success: boolean): void {
    const bucket = this.bucketFor(at);
    if (bucket === undefined) return;
    if (this.#closed !== undefined && bucket.index <= this.#closed.last) this.#closed = undefined;
    bucket.sketch.accept(durationMs);
    if (!success) bucket.errors += 1;
  }

  /** Returns (creating it if needed) the bucket covering `at`, or `undefined` if `at` is too old. */
  bucketFor(at: number): SketchBucket | undefined {
    const hot = this.#hot;
    if (
      hot !== undefined &&
      at >= hot.start &&
      at < hot.end &&
      this.#slots[this.#slotOf(hot.bucket.index)] === hot.bucket
    ) {
      return hot.bucket;
    }
    const bucket = this.#locate(at);
    if (bucket !== undefined) {
      const start = bucket.index * this.#bucketMs;
      this.#hot = { bucket, start, end: start + this.#bucketMs };
    }
    return bucket;
  }

  #slotOf(index: number): number {
    const length = this.#slots.length;
    return ((index % length) + length) % length;
  }

  #locate(at: number): SketchBucket | undefined {
    const index = Math.floor(at / this.#bucketMs);
    const slot = this.#slotOf(index);
    const existing = this.#slots[slot];
    if (existing !== undefined && existing.index === index) return existing;
    if (existing !== undefined && existing.index > index) return undefined;
    const created: SketchBucket = {
      index,
      sketch: new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY }),
      errors: 0,
    };
    this.#slots[slot] = created;
    return created;
  }

  /** Buckets overlapping `(now - windowMs, now]`, plus any bucket stamped in the future. */
  bucketsIn(now: number, windowMs: number): SketchBucket[] {
    const first = Math.floor((now - windowMs) / this.#bucketMs);
    return this.#slots.filter(
      (bucket): bucket is SketchBucket => bucket !== undefined && bucket.index >= first,
    );
  }

  /**
   * Statistics over the buckets overlapping the window. The merge of the closed buckets (all but
   * the current one) is cached, so a 7-day query merges two sketches, not 169.
   */
  stats(now: number, windowMs: number): PerformanceStats {
    const first = Math.floor((now - windowMs) / this.#bucketMs);
    const current = Math.floor(now / this.#bucketMs);
    let closed = this.#closed;
    if (closed === undefined || closed.first !== first || closed.last !== current - 1) {
      const buckets = this.bucketsIn(now, windowMs).filter((bucket) => bucket.index < current);
      closed = { first, last: current - 1, ...mergeBuckets(buckets) };
      this.#closed = closed;
    }
    const open = this.bucketsIn(now, windowMs).filter((bucket) => bucket.index >= current);
    const { sketch, errors } = mergeBuckets(open, closed.sketch);
    return statsFromSketch(sketch, errors + closed.errors);
  }
}

/** Merges bucket sketches (onto a copy of `base`, if given) and sums their errors. */
function mergeBuckets(
  buckets: readonly SketchBucket[],
  base?: DDSketch,
): { sketch: DDSketch; errors: number } {
  const sketch = new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
  if (base !== undefined && base.count > 0) sketch.merge(base);
  let errors = 0;
  for (const bucket of buckets) {
    if (bucket.sketch.count === 0) continue;
    sketch.merge(bucket.sketch);
    errors += bucket.errors;
  }
  return { sketch, errors };
}

/** Merges buckets (from one or several series) into one set of statistics. */
export function statsFromBuckets(buckets: readonly SketchBucket[]): PerformanceStats {
  const { sketch, errors } = mergeBuckets(buckets);
  return statsFromSketch(sketch, errors);
}

function statsFromSketch(merged: DDSketch, errorCount: number): PerformanceStats {
  const count = merged.count;
  if (count === 0) return { ...EMPTY_STATS };
  const quantile = (q: number): number =>
    Math.min(merged.max, Math.max(merged.min, merged.getValueAtQuantile(q)));
  return {
    count,
    errorCount,
    p50: quantile(0.5),
    p95: quantile(0.95),
    p99: quantile(0.99),
    mean: merged.sum / count,
    min: merged.min,
    max: merged.max,
    truncated: false,
  };
}
