import type { Clock, Job } from '@enterprisehub/core';
import type { ConnectionOptions } from 'bullmq';

/** Options for {@link createBullmqJobQueue}. */
export interface BullmqJobQueueOptions {
  /**
   * Redis for BullMQ: an `ioredis` instance (created with `maxRetriesPerRequest: null`, as BullMQ
   * workers require) or connection options such as `{ url: 'redis://…' }` / `{ host, port }`.
   * The adapter also opens one fail-fast client of its own for its ordering and tenant indexes.
   */
  connection: ConnectionOptions;
  /** First segment of every key (BullMQ's and the adapter's). @defaultValue `'eh'` */
  prefix?: string;
  /** BullMQ queue name; every instance that should share work uses the same one. @defaultValue `'enterprisehub-jobs'` */
  queueName?: string;
  /** Handlers run at once by this instance. @defaultValue 4 */
  concurrency?: number;
  /** Time source for `enqueuedAt`, `runAt`, delays and retry times. @defaultValue `systemClock` */
  clock?: Clock;
  /** BullMQ job lock and ordering-key lease; renewed while a handler runs, re-claimed after a crash. @defaultValue 30_000 */
  lockDurationMs?: number;
  /** Base pause before a job whose ordering key is busy is tried again (plus up to as much jitter). @defaultValue 25 */
  busyRetryDelayMs?: number;
  /** Pause before a job with no handler registered in this instance is offered again. @defaultValue 1_000 */
  unhandledRetryDelayMs?: number;
  /** Dead-lettered jobs kept per queue (BullMQ failed set) and per tenant index. @defaultValue 1_000 */
  maxFailedJobs?: number;
  /** Longest `enqueue`, `cancel`, `list` and `count` wait for Redis before failing with `QUEUE_UNAVAILABLE`. @defaultValue 5_000 */
  operationTimeoutMs?: number;
  /** Called when a job fails its last attempt (PII-free reporting only). */
  onJobFailed?: (job: Job, error: unknown) => void;
  /** Called with BullMQ worker errors (connection loss, …); they are otherwise swallowed. */
  onError?: (error: unknown) => void;
}
