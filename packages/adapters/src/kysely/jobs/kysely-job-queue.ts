import { randomUUID } from 'node:crypto';
import {
  EnterpriseHubError,
  jsonValueSchema,
  systemClock,
  type Clock,
  type EnqueueResult,
  type Job,
  type JobEnqueueOptions,
  type JobHandler,
  type JobQueue,
  type JobStatus,
  type JsonValue,
  type ScheduleOptions,
  type Scheduler,
  type TenantScoped,
} from '@enterprisehub/core';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../database';
import { keyringCipher } from '../keyring-cipher';
import { PiiCodec } from '../pii-codec';
import { storeCall } from '../store-error';
import { reclaimExpiredJobs } from './job-claim';
import { JobInsertBatcher } from './job-insert-batcher';
import { JobPump } from './job-pump';
import { JobRecords } from './job-records';
import { JobPayloadCodec } from './job-row';
import type { KyselyJobQueueOptions } from './kysely-job-queue-options';

/**
 * {@link JobQueue} and {@link Scheduler} on the kysely stores' `jobs` table — the durable queue of
 * the embedded mode: an accepted job survives a crash (it is a row before `enqueue` returns) and is
 * claimed again after a restart. Claims are leased (`FOR UPDATE SKIP LOCKED` on PostgreSQL), one
 * ordering key runs one job at a time in due order, failed attempts retry with exponential backoff
 * and the last failure leaves a `failed` row (dead letter) with its error code.
 */
export class KyselyJobQueue implements JobQueue, Scheduler {
  private readonly db: Kysely<StoreDatabase>;
  private readonly clock: Clock;
  private readonly codec: JobPayloadCodec;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly abort = new AbortController();
  private readonly pump: JobPump;
  private readonly records: JobRecords;
  private readonly inserts: JobInsertBatcher;
  private started: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private waiters: (() => void)[] = [];

  /** Creates the queue; it starts claiming with the first `registerHandler`. */
  constructor(private readonly options: KyselyJobQueueOptions) {
    this.db = options.db;
    this.clock = options.clock ?? systemClock;
    const pii =
      options.keyring === undefined ? undefined : new PiiCodec(keyringCipher(options.keyring));
    this.codec = new JobPayloadCodec(pii);
    this.inserts = new JobInsertBatcher(this.db);
    this.records = new JobRecords({ db: this.db, clock: this.clock, codec: this.codec });
    this.pump = new JobPump({
      db: this.db,
      clock: this.clock,
      codec: this.codec,
      handlers: this.handlers,
      signal: this.abort.signal,
      concurrency: Math.max(1, options.concurrency ?? 4),
      leaseMs: Math.max(1, options.leaseMs ?? 30_000),
      pollIntervalMs: Math.max(1, options.pollIntervalMs ?? 1_000),
      onJobFailed: options.onJobFailed,
      onError: options.onError,
      onSettled: () => this.notify(),
    });
  }

  /** Adds a job as a `pending` row (or dedupes it by `jobId` while one is pending). Throws `QUEUE_CLOSED` after `close()`. */
  async enqueue<P extends JsonValue>(options: JobEnqueueOptions<P>): Promise<EnqueueResult> {
    if (this.closing !== undefined)
      throw new EnterpriseHubError({ code: 'QUEUE_CLOSED', message: 'The job queue is closed.' });
    options.signal?.throwIfAborted();
    const payload = jsonValueSchema.safeParse(options.payload);
    if (!payload.success)
      throw new EnterpriseHubError({
        code: 'VALIDATION_FAILED',
        message: 'A job payload must be a JSON value.',
      });
    const jobId = options.jobId ?? randomUUID();
    const now = this.clock.now();
    const inserted = await storeCall('jobs.enqueue', () =>
      this.inserts.add({
        tenant_id: options.tenantId,
        job_id: jobId,
        name: options.name,
        ordering_key: options.orderingKey ?? null,
        payload: this.codec.seal(payload.data, options.tenantId, jobId),
        status: 'pending',
        run_at: options.runAt ?? now + Math.max(0, options.delayMs ?? 0),
        enqueued_at: now,
        attempts: 0,
        max_attempts: Math.max(1, options.maxAttempts ?? 3),
        backoff_ms: Math.max(0, Math.round(options.backoffMs ?? 1000)),
        lease_token: null,
        lease_expires_at: null,
        last_error: null,
        updated_at: now,
      }),
    );
    if (inserted && this.started !== undefined) void this.pump.kick();
    return { jobId, deduplicated: !inserted };
  }

  /** Schedules a job; with `replace`, a pending job with the same id is cancelled first. */
  async schedule<P extends JsonValue>(options: ScheduleOptions<P>): Promise<EnqueueResult> {
    if (options.replace === true)
      await this.cancel({ tenantId: options.tenantId, jobId: options.jobId });
    return this.enqueue(options);
  }

  /** Cancels a pending job; a running job finishes. */
  cancel(options: TenantScoped & { jobId: string }): Promise<boolean> {
    return this.records.cancel(options);
  }

  /** Cancels the key's pending jobs (of `name`, if given); returns how many. */
  cancelByKey(options: TenantScoped & { orderingKey: string; name?: string }): Promise<number> {
    return this.records.cancelByKey(options);
  }

  /** The tenant's pending jobs (of the key / name, if given), soonest first. */
  list(options: TenantScoped & { orderingKey?: string; name?: string }): Promise<Job[]> {
    return this.records.list(options);
  }

  /** Counts the tenant's jobs in a state (`waiting` = pending and due, `delayed` = pending and not yet due). */
  count(options: TenantScoped & { status: JobStatus }): Promise<number> {
    return this.records.count(options);
  }

  /** Registers the handler for a job name and starts claiming. */
  registerHandler<P extends JsonValue>(name: string, handler: JobHandler<P>): void {
    this.handlers.set(name, handler as unknown as JobHandler);
    if (this.closing !== undefined) return;
    this.started ??=
      this.options.reclaimActiveOnStart === true
        ? storeCall('jobs.reclaim', () =>
            reclaimExpiredJobs(this.db, { now: this.clock.now(), all: true }),
          ).then(() => undefined)
        : Promise.resolve();
    this.started
      .then(() => this.pump.kick())
      .catch((error: unknown) => this.options.onError?.(error));
  }

  /** Resolves when no due job with a handler here is pending or running. */
  async drain(options: { signal?: AbortSignal } = {}): Promise<void> {
    await this.started;
    for (;;) {
      options.signal?.throwIfAborted();
      if (this.closing !== undefined) return;
      if (
        this.pump.running.size === 0 &&
        !this.pump.busy &&
        !(await this.records.hasDueWork([...this.handlers.keys()]))
      )
        return;
      if (!this.pump.busy && this.pump.running.size === 0) void this.pump.kick();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Stops claiming, aborts handler signals and waits for running handlers (aborted ones hand their job back). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.abort.abort();
      this.pump.stop();
      await Promise.allSettled([...this.pump.running]);
      this.notify();
    })();
    return this.closing;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

/**
 * Creates the durable job queue on the kysely stores (run `stores.migrate()` first).
 *
 * @example
 * ```ts
 * const stores = createPgliteStores({ dataDir: './data/pglite', keyring });
 * await stores.migrate();
 * const jobs = createKyselyJobQueue({ db: stores.db, keyring, reclaimActiveOnStart: true });
 * jobs.registerHandler('inbound-message', async (job) => handleInbound(job.payload));
 * ```
 */
export function createKyselyJobQueue(options: KyselyJobQueueOptions): KyselyJobQueue {
  return new KyselyJobQueue(options);
}
