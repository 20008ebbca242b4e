/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import { jsonValueSchema, type JsonValue } from '../domain/json-value';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import type { Clock } from '../ports/clock';
import type {
  EnqueueResult,
  Job,
  JobEnqueueOptions,
  JobHandler,
  JobQueue,
  JobStatus,
} from '../ports/job-queue';
import type { ScheduleOptions, Scheduler } from '../ports/scheduler';
import type { TenantScoped } from '../ports/tenant-scoped';
import { systemClock } from '../ports/system-clock';
import { PendingJobs, type PendingJob } from './memory-pending-jobs';
import { copy, parseOrThrow, throwIfAborted } from './memory-support';

/** Options for {@link createMemoryJobQueue}. */
export interface MemoryJobQueueOptions {
  /** Time source for delays and retries; default {@link systemClock}. */
  clock?: Clock;
  /** Jobs run at once across all keys; default 4. */
  concurrency?: number;
  /** Failed jobs kept for `count({ status: 'failed' })`; default 1000. */
  maxFailedJobs?: number;
  /** Called when a job fails its last attempt (PII-free reporting only). */
  onJobFailed?: (job: Job, error: unknown) => void;
}

/**
 * In-process {@link JobQueue} and {@link Scheduler} on `p-queue`: per-key ordering, delayed jobs on the injected
 * clock, dedupe and cancel by id or key, retries with exponential backoff. Jobs live in memory: they are lost on exit.
 */
export class MemoryJobQueue implements JobQueue, Scheduler {
  private readonly pending = new PendingJobs();
  private readonly active = new Set<Job>();
  private readonly activeKeys = new Set<string>();
  private readonly failed: Job[] = [];
  private readonly handlers = new Map<string, JobHandler>();
  private readonly queue: PQueue;
  private readonly clock: Clock;
  private readonly concurrency: number;
  private readonly abort = new AbortController();
  private idleWaiters: (() => void)[] = [];
  private sequence = 0;
  private closed = false;

  /** Creates an empty, running queue. */
  constructor(private readonly options: MemoryJobQueueOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.queue = new PQueue({ concurrency: this.concurrency });
  }

  /** {@inheritDoc JobQueue.enqueue} */
  async enqueue<P extends JsonValue>(options: JobEnqueueOptions<P>): Promise<EnqueueResult> {
    throwIfAborted(options.signal);
    if (this.closed)
      throw new EnterpriseHubError({ code: 'QUEUE_CLOSED', message: 'The job queue is closed.' });
    const jobId = options.jobId ?? randomUUID();
    if (this.pending.get(options.tenantId, jobId)) return { jobId, deduplicated: true };
    const now = this.clock.now();
    const runAt = options.runAt ?? now + Math.max(0, options.delayMs ?? 0);
    const job: Job = {
      id: jobId,
      tenantId: options.tenantId,
      name: options.name,
      payload: copy(parseOrThrow(jsonValueSchema, options.payload)),
      ...(options.orderingKey === undefined ? {} : { orderingKey: options.orderingKey }),
      attempt: 1,
      maxAttempts: options.maxAttempts ?? 3,
      enqueuedAt: now,
      runAt,
    };
    this.insert({
      job,
      status: 'waiting',
      sequence: ++this.sequence,
      backoffMs: options.backoffMs ?? 1000,
    });
    return { jobId, deduplicated: false };
  }

  /** {@inheritDoc Scheduler.schedule} */
  async schedule<P extends JsonValue>(options: ScheduleOptions<P>): Promise<EnqueueResult> {
    if (options.replace === true) this.remove(options.tenantId, options.jobId);
    return this.enqueue(options);
  }

  /** {@inheritDoc JobQueue.cancel} */
  async cancel(options: TenantScoped & { jobId: string }): Promise<boolean> {
    throwIfAborted(options.signal);
    return this.remove(options.tenantId, options.jobId);
  }

  /** {@inheritDoc JobQueue.cancelByKey} */
  async cancelByKey(
    options: TenantScoped & { orderingKey: string; name?: string },
  ): Promise<number> {
    throwIfAborted(options.signal);
    const matches = this.pending
      .forTenant(options.tenantId)
      .filter(
        ({ job }) =>
          job.orderingKey === options.orderingKey &&
          (options.name === undefined || job.name === options.name),
      );
    for (const { job } of matches) this.remove(options.tenantId, job.id);
    return matches.length;
  }

  /** {@inheritDoc Scheduler.list} */
  async list(options: TenantScoped & { orderingKey?: string; name?: string }): Promise<Job[]> {
    throwIfAborted(options.signal);
    return this.pending
      .forTenant(options.tenantId)
      .filter(
        ({ job }) => options.orderingKey === undefined || job.orderingKey === options.orderingKey,
      )
      .filter(({ job }) => options.name === undefined || job.name === options.name)
      .map(({ job }) => copy(job));
  }

  /** {@inheritDoc JobQueue.registerHandler} */
  registerHandler<P extends JsonValue>(name: string, handler: JobHandler<P>): void {
    this.handlers.set(name, handler as unknown as JobHandler);
    this.pump();
  }

  /** {@inheritDoc JobQueue.count} */
  async count(options: TenantScoped & { status: JobStatus }): Promise<number> {
    throwIfAborted(options.signal);
    const own = (job: Job): boolean => job.tenantId === options.tenantId;
    if (options.status === 'active') return [...this.active].filter(own).length;
    if (options.status === 'failed') return this.failed.filter(own).length;
    return this.pending
      .forTenant(options.tenantId)
      .filter((record) => record.status === options.status).length;
  }

  /** {@inheritDoc JobQueue.drain} */
  drain(options: { signal?: AbortSignal } = {}): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const signal = options.signal;
      const onAbort = (): void =>
        reject(new EnterpriseHubError({ code: 'ABORTED', message: 'Drain was aborted.' }));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.idleWaiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  /** {@inheritDoc JobQueue.close} */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.pending.clear();
      this.abort.abort();
    }
    await this.queue.onIdle();
    this.notifyIdle();
  }

  private insert(record: PendingJob): void {
    const delay = record.job.runAt - this.clock.now();
    this.pending.set(record);
    if (delay > 0) {
      record.status = 'delayed';
      record.timer = this.clock.setTimer(() => {
        record.status = 'waiting';
        delete record.timer;
        this.pump();
      }, delay);
    } else {
      record.status = 'waiting';
      this.pump();
    }
  }

  private remove(tenantId: string, jobId: string): boolean {
    if (!this.pending.remove(tenantId, jobId)) return false;
    this.notifyIdleIfIdle();
    return true;
  }

  private pump(): void {
    if (this.closed) return;
    for (const record of this.pending.all()) {
      if (record.status !== 'waiting' || !this.handlers.has(record.job.name)) continue;
      if (this.active.size >= this.concurrency) break;
      const keyId = orderingId(record.job);
      if (keyId !== undefined && this.activeKeys.has(keyId)) continue;
      if (keyId !== undefined) this.activeKeys.add(keyId);
      this.pending.take(record);
      this.active.add(record.job);
      void this.queue.add(() => this.run(record));
    }
    this.notifyIdleIfIdle();
  }

  private async run(record: PendingJob): Promise<void> {
    const { job } = record;
    try {
      const handler = this.handlers.get(job.name);
      if (!handler)
        throw new EnterpriseHubError({
          code: 'QUEUE_HANDLER_MISSING',
          message: `No handler for ${job.name}.`,
        });
      await handler(copy(job), { signal: this.abort.signal });
    } catch (error) {
      this.retryOrFail(record, error);
    } finally {
      this.active.delete(job);
      const keyId = orderingId(job);
      if (keyId !== undefined) this.activeKeys.delete(keyId);
      this.pump();
    }
  }

  private retryOrFail(record: PendingJob, error: unknown): void {
    const { job } = record;
    if (job.attempt < job.maxAttempts && !this.closed) {
      if (this.pending.get(job.tenantId, job.id)) return; // superseded by a newer job with the same id
      const delay = record.backoffMs * 2 ** (job.attempt - 1);
      const retry: Job = { ...job, attempt: job.attempt + 1, runAt: this.clock.now() + delay };
      this.insert({ ...record, job: retry, sequence: ++this.sequence });
      return;
    }
    this.failed.push(job);
    if (this.failed.length > (this.options.maxFailedJobs ?? 1000)) this.failed.shift();
    try {
      this.options.onJobFailed?.(copy(job), error);
    } catch {
      // A failing reporter must not break the queue.
    }
  }

  private isIdle(): boolean {
    if (this.active.size > 0) return false;
    if (this.closed) return true;
    return !this.pending
      .all()
      .some((record) => record.status === 'waiting' && this.handlers.has(record.job.name));
  }

  private notifyIdleIfIdle(): void {
    if (this.idleWaiters.length > 0 && this.isIdle()) this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}

function orderingId(job: Job): string | undefined {
  return job.orderingKey === undefined ? undefined : `${job.tenantId}\u0000${job.orderingKey}`;
}

/**
 * Creates an in-process job queue and scheduler.
 *
 * @example
 * ```ts
 * const jobs = createMemoryJobQueue({ clock });
 * jobs.registerHandler('inbound-message', async (job) => handle(job.payload));
 * await jobs.enqueue({ tenantId, name: 'inbound-message', payload: { messageId }, orderingKey: contactId });
 * ```
 */
export function createMemoryJobQueue(options: MemoryJobQueueOptions = {}): MemoryJobQueue {
  return new MemoryJobQueue(options);
}
