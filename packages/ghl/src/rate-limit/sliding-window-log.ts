/**
 * Timestamps of requests (real or assumed) in time order; answers "how many in the last `windowMs`" and
 * "when does the next slot free up". Entries are appended at `now`, so pruning only touches the head. @internal
 */
export class SlidingWindowLog {
  private entries: number[] = [];
  private head = 0;

  /** Drops entries at or before `now - windowMs`. */
  prune(now: number, windowMs: number): void {
    const cutoff = now - windowMs;
    while (this.head < this.entries.length && (this.entries[this.head] ?? Infinity) <= cutoff) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** Entries inside the window (call {@link prune} first). */
  get size(): number {
    return this.entries.length - this.head;
  }

  /** Appends `count` entries at `at`. */
  add(at: number, count = 1): void {
    for (let index = 0; index < count; index += 1) this.entries.push(at);
  }

  /** Ms from `now` until the window holds fewer than `limit` entries (0 when it already does). */
  waitForSlot(now: number, windowMs: number, limit: number): number {
    const excess = this.size - limit;
    if (excess < 0) return 0;
    const releasing = this.entries[this.head + excess] ?? now;
    return Math.max(1, releasing + windowMs - now);
  }
}
