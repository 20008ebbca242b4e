import type { JsonValue } from '../domain/json-value';
import type { TenantScoped } from './tenant-scoped';

/** Options for enqueueing a job. */
export interface JobEnqueueOptions<P extends JsonValue = JsonValue> extends TenantScoped {
  /** Handler name, e.g. `inbound-message`, `nurture-follow-up`. */
  name: string;
  /** JSON payload handed to the handler. */
  payload: P;
  /** Jobs with the same key (within the tenant) run one at a time, in due order — use the contact id. */
  orderingKey?: string;
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
  /** Run no earlier than this time, epoch ms (wins over `delayMs`). */
  runAt?: number;
  /** Dedupe / cancel id, unique per tenant: enqueueing an id that is still waiting or delayed adds nothing. */
  jobId?: string;
  /** Attempts before the job is marked failed; default 3. */
  maxAttempts?: number;
  /** Delay before a retry, ms; default 1000 doubling per attempt. */
  backoffMs?: number;
}

/** A job as handed to its handler. */
export interface Job<P extends JsonValue = JsonValue> {
  /** Job id (the given `jobId` or a generated one), unique per tenant. */
  id: string;
  /** Owning tenant. */
  tenantId: string;
  /** Handler name. */
  name: string;
  /** Payload. */
  payload: P;
  /** Ordering key, if any. */
  orderingKey?: string;
  /** This attempt's number, starting at 1. */
  attempt: number;
  /** Attempts allowed. */
  maxAttempts: number;
  /** When enqueued, epoch ms. */
  enqueuedAt: number;
  /** When it became (or becomes) due, epoch ms. */
  runAt: number;
}

/** Context passed to a job handler. */
export interface JobContext {
  /** Aborted when the queue closes; long handlers should stop. */
  signal: AbortSignal;
}

/** A job handler; throwing fails the attempt (retried until `maxAttempts`). */
export type JobHandler<P extends JsonValue = JsonValue> = (
  job: Job<P>,
  context: JobContext,
) => Promise<void>;

/** Result of an enqueue. */
export interface EnqueueResult {
  /** Id of the job (the existing one when deduplicated). */
  jobId: string;
  /** True when a waiting or delayed job with the same `jobId` existed and nothing was added. */
  deduplicated: boolean;
}

/** Job states counted by {@link JobQueue.count}. */
export type JobStatus = 'waiting' | 'delayed' | 'active' | 'failed';

/**
 * Port: work items keyed so that one contact's work runs in order, with delayed jobs, dedupe and cancel.
 * Jobs are scoped per tenant; cancel and count never see another tenant's jobs.
 */
export interface JobQueue {
  /** Adds a job (or dedupes it by `jobId`). Throws `QUEUE_CLOSED` after `close()`. */
  enqueue<P extends JsonValue>(options: JobEnqueueOptions<P>): Promise<EnqueueResult>;
  /** Cancels a waiting or delayed job; returns whether one was cancelled (running jobs finish). */
  cancel(options: TenantScoped & { jobId: string }): Promise<boolean>;
  /** Cancels every waiting or delayed job with the ordering key (and `name`, if given); returns how many. */
  cancelByKey(options: TenantScoped & { orderingKey: string; name?: string }): Promise<number>;
  /** Registers the handler for a job name; jobs of that name wait until one is registered. */
  registerHandler<P extends JsonValue>(name: string, handler: JobHandler<P>): void;
  /** Counts the tenant's jobs in a state. */
  count(options: TenantScoped & { status: JobStatus }): Promise<number>;
  /** Resolves when no due job is waiting or running (delayed jobs not yet due are not waited for). */
  drain(options?: { signal?: AbortSignal }): Promise<void>;
  /** Stops taking jobs, aborts handler signals, waits for running handlers; idempotent. */
  close(): Promise<void>;
}
