import type { Clock, MetricSample, MetricsRepository, TimerHandle } from '@enterprisehub/core';

/** Options for the performance tracker's write-behind persistence buffer. */
export interface WriteBehindOptions {
  /** Where samples go. */
  repository: MetricsRepository;
  /** Clock used for the flush timer. */
  clock: Clock;
  /** Delay between the first pending sample and the flush, ms. @defaultValue 5000 */
  flushIntervalMs?: number;
  /** Samples per `appendSamples` call. @defaultValue 1000 */
  batchSize?: number;
  /** Pending samples kept at most; newer samples are dropped (and counted) beyond it. @defaultValue 50000 */
  maxPending?: number;
  /** Called when a flush fails (the samples stay pending while there is room). Must not throw. */
  onError?: (error: unknown) => void;
  /**
   * Delete a tenant's samples older than this (at most once an hour per tenant, after a flush);
   * `false` keeps everything. @defaultValue 8 days (the 7d window plus a day)
   */
  pruneOlderThanMs?: number | false;
}

/** Counters of the performance tracker's write-behind persistence buffer. */
export interface WriteBehindStats {
  /** Samples waiting to be written. */
  pending: number;
  /** Samples written so far. */
  written: number;
  /** Samples dropped because the buffer was full. */
  dropped: number;
  /** Failed `appendSamples` calls. */
  failures: number;
}

/**
 * Bounded write-behind queue of metric samples per tenant: `push()` never blocks or throws; a
 * timer flushes in batches; when the repository is slow or down the queue stops growing at
 * `maxPending` and counts what it drops, so persistence never takes the process down with it.
 */
export class WriteBehindBuffer {
  readonly #options: Required<Omit<WriteBehindOptions, 'onError'>> &
    Pick<WriteBehindOptions, 'onError'>;
  readonly #pending = new Map<string, MetricSample[]>();
  readonly #prunedAt = new Map<string, number>();
  #pendingCount = 0;
  #timer: TimerHandle | undefined;
  #flushing: Promise<void> | undefined;
  #stats = { written: 0, dropped: 0, failures: 0 };

  /** Creates a buffer writing to `options.repository`. */
  constructor(options: WriteBehindOptions) {
    this.#options = {
      flushIntervalMs: 5000,
      batchSize: 1000,
      maxPending: 50_000,
      pruneOlderThanMs: 8 * 86_400_000,
      ...options,
    };
  }

  /** Queues one sample for `tenantId`; drops it (counted) when the buffer is full. */
  push(tenantId: string, sample: MetricSample): void {
    if (this.#pendingCount >= this.#options.maxPending) {
      this.#stats.dropped += 1;
      return;
    }
    let list = this.#pending.get(tenantId);
    if (list === undefined) {
      list = [];
      this.#pending.set(tenantId, list);
    }
    list.push(sample);
    this.#pendingCount += 1;
    this.#timer ??= this.#options.clock.setTimer(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#options.flushIntervalMs);
  }

  /** Writes everything pending now; resolves when done (failures are reported to `onError`). */
  async flush(): Promise<void> {
    if (this.#flushing) await this.#flushing;
    if (this.#pendingCount === 0) return;
    this.#flushing = this.#drain();
    try {
      await this.#flushing;
    } finally {
      this.#flushing = undefined;
    }
  }

  /** Flushes and stops the timer. */
  async close(): Promise<void> {
    this.#timer?.cancel();
    this.#timer = undefined;
    await this.flush();
  }

  /** Current counters. */
  stats(): WriteBehindStats {
    return { pending: this.#pendingCount, ...this.#stats };
  }

  async #drain(): Promise<void> {
    const batches = [...this.#pending];
    this.#pending.clear();
    this.#pendingCount = 0;
    for (const [tenantId, samples] of batches) {
      for (let start = 0; start < samples.length; start += this.#options.batchSize) {
        const batch = samples.slice(start, start + this.#options.batchSize);
        try {
          await this.#options.repository.appendSamples({ tenantId, samples: batch });
          this.#stats.written += batch.length;
        } catch (error) {
          this.#stats.failures += 1;
          this.#requeue(tenantId, samples.slice(start));
          this.#report(error);
          break;
        }
      }
      await this.#prune(tenantId);
    }
  }

  async #prune(tenantId: string): Promise<void> {
    const retention = this.#options.pruneOlderThanMs;
    if (retention === false) return;
    const now = this.#options.clock.now();
    if (now - (this.#prunedAt.get(tenantId) ?? Number.NEGATIVE_INFINITY) < 3_600_000) return;
    this.#prunedAt.set(tenantId, now);
    try {
      await this.#options.repository.pruneSamples({ tenantId, before: now - retention });
    } catch (error) {
      this.#report(error);
    }
  }

  #requeue(tenantId: string, samples: MetricSample[]): void {
    for (const sample of samples) this.push(tenantId, sample);
  }

  #report(error: unknown): void {
    try {
      this.#options.onError?.(error);
    } catch {
      // A failing error reporter must not break persistence.
    }
  }
}
