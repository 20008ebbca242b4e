import type { JsonValue } from '../domain/json-value';
import type { EnqueueResult, Job, JobEnqueueOptions } from './job-queue';
import type { TenantScoped } from './tenant-scoped';

/** Options for {@link Scheduler.schedule}. */
export interface ScheduleOptions<P extends JsonValue = JsonValue> extends JobEnqueueOptions<P> {
  /** Stable id of the scheduled job, e.g. `nurture:<contactId>:day3`; required so it can be replaced or cancelled. */
  jobId: string;
  /** Replace a pending job with the same id (new time and payload) instead of keeping the existing one. */
  replace?: boolean;
}

/**
 * Port: delayed jobs (nurture follow-ups on day 3/7/30, dormancy checks, outbox retries), cancellable by id or
 * ordering key. Scheduled jobs run through the same handlers as {@link JobQueue} jobs.
 */
export interface Scheduler {
  /** Schedules a job at `runAt` / after `delayMs`; dedupes (or, with `replace`, replaces) by `jobId`. */
  schedule<P extends JsonValue>(options: ScheduleOptions<P>): Promise<EnqueueResult>;
  /** Cancels a pending job; returns whether one was cancelled. */
  cancel(options: TenantScoped & { jobId: string }): Promise<boolean>;
  /** Cancels pending jobs with the ordering key (and `name`, if given); returns how many. */
  cancelByKey(options: TenantScoped & { orderingKey: string; name?: string }): Promise<number>;
  /** The tenant's pending (waiting or delayed) jobs, soonest first. */
  list(options: TenantScoped & { orderingKey?: string; name?: string }): Promise<Job[]>;
}
