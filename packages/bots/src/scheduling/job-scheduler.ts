import type { JobQueue, JsonValue, Scheduler } from '@enterprisehub/core';

/** One job to schedule. */
export interface PlannedJob {
  /** Handler name. */
  name: string;
  /** Stable id (replaces a pending job with the same id). */
  jobId: string;
  /** When to run, epoch ms. */
  runAt: number;
  /** JSON payload. */
  payload: JsonValue;
  /** Ordering key (the contact id). */
  orderingKey: string;
}

/** Schedules and cancels the bots' delayed jobs through whichever port the host provides. */
export interface JobScheduler {
  /** Schedules `job`, replacing a pending job with the same id. */
  schedule(tenantId: string, job: PlannedJob): Promise<void>;
  /** Cancels a pending job; a no-op when absent. */
  cancel(tenantId: string, jobId: string): Promise<void>;
  /** Enqueues a job to run now (or after `delayMs`), deduplicated by id. */
  enqueue(tenantId: string, job: Omit<PlannedJob, 'runAt'> & { delayMs: number }): Promise<void>;
}

/**
 * A {@link JobScheduler} over a `Scheduler` (preferred: replace by id) or a plain `JobQueue` (cancel, then enqueue
 * with `runAt`); `undefined` when the host gave neither.
 */
export function createJobScheduler(ports: {
  scheduler?: Scheduler | undefined;
  queue?: JobQueue | undefined;
}): JobScheduler | undefined {
  const { scheduler, queue } = ports;
  if (!scheduler && !queue) return undefined;
  return {
    async schedule(tenantId, job) {
      const options = {
        tenantId,
        name: job.name,
        jobId: job.jobId,
        runAt: job.runAt,
        payload: job.payload,
        orderingKey: job.orderingKey,
      };
      if (scheduler) {
        await scheduler.schedule({ ...options, replace: true });
        return;
      }
      await queue?.cancel({ tenantId, jobId: job.jobId });
      await queue?.enqueue(options);
    },
    async cancel(tenantId, jobId) {
      await (scheduler ?? queue)?.cancel({ tenantId, jobId });
    },
    async enqueue(tenantId, job) {
      const options = {
        tenantId,
        name: job.name,
        jobId: job.jobId,
        payload: job.payload,
        orderingKey: job.orderingKey,
        delayMs: job.delayMs,
      };
      if (queue) await queue.enqueue(options);
      else await scheduler?.schedule(options);
    },
  };
}
