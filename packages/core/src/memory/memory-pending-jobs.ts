import type { Job } from '../ports/job-queue';
import type { TimerHandle } from '../ports/clock';
import { TenantMap } from './memory-support';

/** A job that has not started yet. @internal */
export interface PendingJob {
  job: Job;
  status: 'waiting' | 'delayed';
  sequence: number;
  backoffMs: number;
  timer?: TimerHandle;
}

/**
 * Pending (waiting or delayed) jobs of the memory job queue, by tenant and job id.
 *
 * @internal
 */
export class PendingJobs {
  private readonly records = new TenantMap<PendingJob>();

  get(tenantId: string, jobId: string): PendingJob | undefined {
    return this.records.get(tenantId, jobId);
  }

  set(record: PendingJob): void {
    this.records.set(record.job.tenantId, record.job.id, record);
  }

  /** Removes a job and cancels its timer; returns whether it was pending. */
  remove(tenantId: string, jobId: string): boolean {
    const record = this.records.get(tenantId, jobId);
    if (!record) return false;
    record.timer?.cancel();
    return this.records.delete(tenantId, jobId);
  }

  /** Takes a job out without cancelling anything (it is about to run). */
  take(record: PendingJob): void {
    this.records.delete(record.job.tenantId, record.job.id);
  }

  /** The tenant's pending jobs, soonest first. */
  forTenant(tenantId: string): PendingJob[] {
    return sortByDue([...this.records.partition(tenantId).values()]);
  }

  /** Every pending job, soonest first. */
  all(): PendingJob[] {
    return sortByDue(
      this.records.tenants().flatMap((tenantId) => [...this.records.partition(tenantId).values()]),
    );
  }

  /** Cancels every timer and forgets every job. */
  clear(): void {
    for (const record of this.all()) this.remove(record.job.tenantId, record.job.id);
  }
}

function sortByDue(records: PendingJob[]): PendingJob[] {
  return records.sort((a, b) => a.job.runAt - b.job.runAt || a.sequence - b.sequence);
}
