import type { Clock, Job, Keyring } from '@enterprisehub/core';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../database';

/** Options for {@link createKyselyJobQueue}. */
export interface KyselyJobQueueOptions {
  /** The stores' schema-bound Kysely instance (`stores.db` of `createPgliteStores` / `createPostgresStores`), migrated. */
  db: Kysely<StoreDatabase>;
  /** Encrypts job payloads at rest (they may carry message text), bound to tenant and job id. Without it payloads are stored as JSON. */
  keyring?: Keyring;
  /** Time source for due times, retries, leases and wake-ups. @defaultValue `systemClock` */
  clock?: Clock;
  /** Handlers run at once by this instance. @defaultValue 4 */
  concurrency?: number;
  /** How long a claimed job is leased; renewed every third of it while its handler runs. @defaultValue 30_000 */
  leaseMs?: number;
  /** Longest pause between looks for work other instances enqueued or freed. @defaultValue 1_000 */
  pollIntervalMs?: number;
  /**
   * At start, return every `active` job to `pending` at once instead of waiting for its lease to
   * expire. Only safe when no other instance uses the database — the embedded single-process
   * server after a crash. @defaultValue false
   */
  reclaimActiveOnStart?: boolean;
  /** Called when a job fails its last attempt (PII-free reporting only). */
  onJobFailed?: (job: Job, error: unknown) => void;
  /** Called when a background pass fails (database unreachable, …); the queue retries on its next wake-up. */
  onError?: (error: unknown) => void;
}
