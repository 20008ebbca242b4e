interface CounterBucket {
  index: number;
  counts: Map<string, number>;
}

/**
 * Named counters in a ring of time buckets (e.g. 10-second buckets over an hour): O(1) to add,
 * and a trailing-window sum merges only the buckets the window overlaps.
 */
export class CounterWindow {
  readonly #bucketMs: number;
  readonly #slots: (CounterBucket | undefined)[];

  /** Creates a window of `slots` buckets of `bucketMs` each. */
  constructor(bucketMs: number, slots: number) {
    this.#bucketMs = bucketMs;
    this.#slots = new Array<CounterBucket | undefined>(slots).fill(undefined);
  }

  /** Adds `amount` to counter `name` in the bucket covering `at` (ignored when older than the ring). */
  add(at: number, name: string, amount = 1): void {
    const index = Math.floor(at / this.#bucketMs);
    const slot = ((index % this.#slots.length) + this.#slots.length) % this.#slots.length;
    let bucket = this.#slots[slot];
    if (bucket !== undefined && bucket.index > index) return;
    if (bucket === undefined || bucket.index !== index) {
      bucket = { index, counts: new Map() };
      this.#slots[slot] = bucket;
    }
    bucket.counts.set(name, (bucket.counts.get(name) ?? 0) + amount);
  }

  /** Sums of every counter over the buckets overlapping `(now - windowMs, now]`. */
  sums(now: number, windowMs: number): Map<string, number> {
    const first = Math.floor((now - windowMs) / this.#bucketMs) + 1;
    const last = Math.floor(now / this.#bucketMs);
    const totals = new Map<string, number>();
    for (const bucket of this.#slots) {
      if (bucket === undefined || bucket.index < first || bucket.index > last) continue;
      for (const [name, value] of bucket.counts) totals.set(name, (totals.get(name) ?? 0) + value);
    }
    return totals;
  }
}
