import {
  EnterpriseHubError,
  jsonValueSchema,
  systemClock,
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
import { Queue, Worker } from 'bullmq';
import { RedisConnection } from '../redis/redis-connection';
import { bullJobId } from './bullmq-job-data';
import type { BullmqJobQueueOptions } from './bullmq-job-queue-options';
import { BullmqIndexKeys } from './bullmq-index-keys';
import { BullmqJobRunner, type RunnerContext } from './bullmq-job-runner';
import { BullmqPendingJobs } from './bullmq-pending-jobs';
import { enqueueJob } from './bullmq-enqueue';
import { createSideClient, type OwnedClient } from './bullmq-side-client';
import { guardQueueCall } from './guard-queue-call';

/**
 * {@link JobQueue} and {@link Scheduler} on BullMQ: any number of instances sharing one Redis
 * process the jobs, delayed jobs wait in BullMQ's delayed set, retries use BullMQ's exponential
 * backoff, and jobs that fail their last attempt stay in BullMQ's failed set (the dead letters).
 *
 * Per-key ordering (BullMQ OSS has no groups): each ordering key has a sorted set of its pending
 * jobs by due time and a lease naming the job that runs. A worker that picks a keyed job runs it
 * only if it is the key's earliest pending job and no other job holds the lease (one Lua script);
 * otherwise it parks the job back in BullMQ's delayed set for a few ms. So one contact's jobs run
 * one at a time, in due order, across every worker; a crashed worker's lease expires and BullMQ's
 * stalled-job check hands its job to another worker.
 */
export class BullmqJobQueue implements JobQueue, Scheduler {
  private readonly queue: Queue;
  private readonly side: RedisConnection;
  private readonly keys: BullmqIndexKeys;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly abort = new AbortController();
  private readonly runner: BullmqJobRunner;
  private readonly pending: BullmqPendingJobs;
  private readonly context: RunnerContext;
  private sideClient: Promise<OwnedClient> | undefined;
  private worker: Worker | undefined;
  private closing: Promise<void> | undefined;
  private idleWaiters: (() => void)[] = [];

  /** Creates the queue; the worker starts with the first `registerHandler`. */
  constructor(private readonly options: BullmqJobQueueOptions) {
    const prefix = options.prefix ?? 'eh';
    const queueName = options.queueName ?? 'enterprisehub-jobs';
    const clock = options.clock ?? systemClock;
    this.queue = new Queue(queueName, { connection: options.connection, prefix });
    this.queue.on('error', (error) => options.onError?.(error));
    this.side = new RedisConnection({
      client: () => (this.sideClient ??= createSideClient(options.connection, this.timeoutMs)),
      keyPrefix: prefix,
      commandTimeoutMs: this.timeoutMs,
    });
    this.keys = new BullmqIndexKeys(this.side, queueName);
    this.context = {
      queue: this.queue,
      side: this.side,
      keys: this.keys,
      clock,
      handlers: this.handlers,
      signal: this.abort.signal,
      leaseMs: options.lockDurationMs ?? 30_000,
      busyRetryDelayMs: options.busyRetryDelayMs ?? 25,
      unhandledRetryDelayMs: options.unhandledRetryDelayMs ?? 1_000,
      maxFailedJobs: options.maxFailedJobs ?? 1_000,
      onJobFailed: options.onJobFailed,
    };
    this.runner = new BullmqJobRunner(this.context, () => this.notifyIdle());
    this.pending = new BullmqPendingJobs(this.context);
  }

  private get timeoutMs(): number {
    return this.options.operationTimeoutMs ?? 5_000;
  }

  /** Adds a job (or dedupes it by `jobId` while one with that id is pending or running). Throws `QUEUE_CLOSED` after `close()`. */
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
    return this.guard('enqueue', () =>
      enqueueJob(this.context, { ...options, payload: payload.data }),
    );
  }

  /** Schedules a job; with `replace`, a pending job with the same id is cancelled first. */
  async schedule<P extends JsonValue>(options: ScheduleOptions<P>): Promise<EnqueueResult> {
    if (options.replace === true)
      await this.cancel({ tenantId: options.tenantId, jobId: options.jobId });
    return this.enqueue(options);
  }

  /** Cancels a waiting or delayed job; a running job finishes. */
  cancel(options: TenantScoped & { jobId: string }): Promise<boolean> {
    return this.guard('cancel', () =>
      this.pending.cancel(options.tenantId, bullJobId(options.tenantId, options.jobId)),
    );
  }

  /** Cancels every waiting or delayed job of the ordering key (and `name`, if given). */
  cancelByKey(options: TenantScoped & { orderingKey: string; name?: string }): Promise<number> {
    return this.guard('cancelByKey', () => this.pending.cancelByKey(options));
  }

  /** The tenant's pending jobs, soonest first. */
  list(options: TenantScoped & { orderingKey?: string; name?: string }): Promise<Job[]> {
    return this.guard('list', () => this.pending.list(options));
  }

  /** Counts the tenant's jobs in a state (a parked job whose key is busy counts as waiting). */
  count(options: TenantScoped & { status: JobStatus }): Promise<number> {
    return this.guard('count', () => this.pending.count(options.tenantId, options.status));
  }

  /** Registers the handler for a job name and starts this instance's worker. */
  registerHandler<P extends JsonValue>(name: string, handler: JobHandler<P>): void {
    this.handlers.set(name, handler as unknown as JobHandler);
    if (this.worker !== undefined || this.closing !== undefined) return;
    this.worker = new Worker(this.queue.name, (job, token) => this.runner.process(job, token), {
      connection: this.options.connection,
      prefix: this.options.prefix ?? 'eh',
      concurrency: Math.max(1, this.options.concurrency ?? 4),
      lockDuration: this.options.lockDurationMs ?? 30_000,
    });
    this.worker.on('error', (error) => this.options.onError?.(error));
  }

  /**
   * Resolves when no due job with a handler here is waiting or running. Polls Redis; a job moving
   * between BullMQ's lists while it looks is caught by requiring two idle readings in a row.
   */
  async drain(options: { signal?: AbortSignal } = {}): Promise<void> {
    let idleReadings = 0;
    while (idleReadings < 2) {
      options.signal?.throwIfAborted();
      if (this.closing !== undefined) return;
      const idle =
        this.runner.running === 0 && !(await this.guard('drain', () => this.pending.hasDueWork()));
      idleReadings = idle ? idleReadings + 1 : 0;
      if (idleReadings < 2) await this.nextTick(idle ? 10 : 20);
    }
  }

  private nextTick(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Stops taking jobs, aborts handler signals, waits for running handlers (their jobs finish or go back to the queue). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.abort.abort();
      await this.worker?.close();
      await this.queue.close();
      await this.side.close();
      const client = await this.sideClient?.catch(() => undefined);
      client?.disconnect();
      this.notifyIdle();
    })();
    return this.closing;
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }

  private guard<T>(operation: string, work: () => Promise<T>): Promise<T> {
    return guardQueueCall({ operation, timeoutMs: this.timeoutMs }, work);
  }
}

/**
 * Creates a BullMQ-backed job queue and scheduler.
 *
 * @example
 * ```ts
 * const jobs = createBullmqJobQueue({ connection: { url: process.env.REDIS_URL }, concurrency: 8 });
 * jobs.registerHandler('inbound-message', async (job, { signal }) => handleInbound(job.payload, signal));
 * await jobs.enqueue({ tenantId, name: 'inbound-message', payload: { messageId }, orderingKey: contactId });
 * ```
 */
export function createBullmqJobQueue(options: BullmqJobQueueOptions): BullmqJobQueue {
  return new BullmqJobQueue(options);
}
