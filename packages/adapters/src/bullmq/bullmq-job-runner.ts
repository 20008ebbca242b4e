import { EnterpriseHubError, type Clock, type Job, type JobHandler } from '@enterprisehub/core';
import { DelayedError, type Job as BullJob, type Queue } from 'bullmq';
import type { RedisConnection } from '../redis/redis-connection';
import { bullJobId, parseJobData, toPortJob, type BullmqJobData } from './bullmq-job-data';
import type { BullmqIndexKeys } from './bullmq-index-keys';
import { BullmqKeyCoordinator } from './bullmq-key-coordinator';
import { RECORD_FAILED } from './bullmq-scripts';

/** What the runner shares with its queue. @internal */
export interface RunnerContext {
  queue: Queue;
  side: RedisConnection;
  keys: BullmqIndexKeys;
  clock: Clock;
  handlers: Map<string, JobHandler>;
  signal: AbortSignal;
  leaseMs: number;
  busyRetryDelayMs: number;
  unhandledRetryDelayMs: number;
  maxFailedJobs: number;
  onJobFailed: ((job: Job, error: unknown) => void) | undefined;
}

/** A PII-free error for BullMQ to store as the failed reason: the error code only, no stack. */
function storedError(error: unknown): Error {
  const code = EnterpriseHubError.isInstance(error) ? error.code : 'HANDLER_FAILED';
  const stored = new Error(code);
  stored.stack = code;
  return stored;
}

/**
 * The BullMQ processor: claims the job's ordering key (or parks the job briefly when another job of
 * the key runs or is due first), runs the handler, then settles the tenant indexes — done, retry at
 * the backoff time, dead-letter after the last attempt, or back to the queue when closing.
 *
 * @internal
 */
export class BullmqJobRunner {
  /** Handlers running now in this process. */
  running = 0;

  private readonly keys: BullmqKeyCoordinator;

  constructor(
    private readonly context: RunnerContext,
    private readonly onSettled: () => void,
  ) {
    this.keys = new BullmqKeyCoordinator(context);
  }

  /** Processes one BullMQ job (the `Worker` processor). */
  async process(job: BullJob, token: string | undefined): Promise<void> {
    const data = parseJobData(job.data);
    const bullId = bullJobId(data.tenantId, data.jobId);
    const handler = this.context.handlers.get(job.name);
    if (handler === undefined || this.context.signal.aborted)
      return this.park(job, token, this.context.unhandledRetryDelayMs);
    const claim = await this.keys.claim(data, bullId);
    if (claim === 'leased')
      return this.park(job, token, this.context.busyRetryDelayMs * (1 + Math.random()));
    if (claim === 'behind') return this.parkBehind(job, token, data);
    this.running += 1;
    const renewal = this.keys.keepLease(data, bullId);
    try {
      await handler(toPortJob(data, job), { signal: this.context.signal });
      await this.keys.settle(data, bullId, { mode: 'done' });
      await this.handOn(data);
    } catch (error) {
      await this.failed({ job, data, bullId, token, error });
    } finally {
      if (renewal !== undefined) clearInterval(renewal);
      this.running -= 1;
      this.onSettled();
    }
  }

  private async failed(attempt: {
    job: BullJob;
    data: BullmqJobData;
    bullId: string;
    token: string | undefined;
    error: unknown;
  }): Promise<never> {
    const { job, data, bullId, token, error } = attempt;
    if (this.context.signal.aborted) {
      await this.keys.settle(data, bullId, { mode: 'keep' });
      return this.park(job, token, 0); // closing: hand the job back, the attempt does not count
    }
    const number = job.attemptsMade + 1;
    if (number < data.maxAttempts) {
      const runAt = this.context.clock.now() + data.backoffMs * 2 ** (number - 1);
      await job.updateData({ ...data, runAt });
      await this.keys.settle(data, bullId, { mode: 'retry', score: runAt });
      await this.handOn(data);
    } else {
      await this.keys.settle(data, bullId, { mode: 'done' });
      await this.handOn(data);
      await this.context.side.script('queue.deadLetter', RECORD_FAILED, {
        keys: [this.context.keys.failed(data.tenantId)],
        args: [bullId, this.context.clock.now(), this.context.maxFailedJobs],
      });
      try {
        this.context.onJobFailed?.(toPortJob(data, job), error);
      } catch {
        // a failing reporter must not break the queue
      }
    }
    throw storedError(error);
  }

  private async park(job: BullJob, token: string | undefined, delayMs: number): Promise<never> {
    await job.moveToDelayed(Date.now() + Math.round(delayMs), token);
    throw new DelayedError();
  }

  /**
   * Parks a job that is not its key's next one for up to a lease: the job that settles before it
   * promotes it. If the key freed up while it was being parked, it promotes itself.
   */
  private async parkBehind(
    job: BullJob,
    token: string | undefined,
    data: BullmqJobData,
  ): Promise<never> {
    await job.moveToDelayed(Date.now() + this.context.leaseMs, token);
    if (await this.keys.isNext(data)) await this.keys.promoteIfDue(job);
    throw new DelayedError();
  }

  /** After a keyed job settled: wake the key's next job. */
  private async handOn(data: BullmqJobData): Promise<void> {
    if (data.orderingKey !== undefined)
      await this.keys.promoteNext(data.tenantId, data.orderingKey);
  }
}
