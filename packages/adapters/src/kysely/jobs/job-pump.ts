import { randomUUID } from 'node:crypto';
import {
  EnterpriseHubError,
  type Clock,
  type Job,
  type JobHandler,
  type TimerHandle,
} from '@enterprisehub/core';
import type { Kysely, Selectable } from 'kysely';
import type { JobsTable, StoreDatabase } from '../database';
import { toMillis } from '../store-context';
import { claimDueJobs, reclaimExpiredJobs } from './job-claim';
import { rowToJob, type JobPayloadCodec } from './job-row';
import { JobSettler, type LeasedJob } from './job-settle';

/** Settings of the {@link JobPump}. @internal */
export interface JobPumpOptions {
  db: Kysely<StoreDatabase>;
  clock: Clock;
  codec: JobPayloadCodec;
  handlers: Map<string, JobHandler>;
  signal: AbortSignal;
  concurrency: number;
  leaseMs: number;
  pollIntervalMs: number;
  onJobFailed: ((job: Job, error: unknown) => void) | undefined;
  onError: ((error: unknown) => void) | undefined;
  onSettled: () => void;
}

function errorCode(error: unknown): string {
  return EnterpriseHubError.isInstance(error) ? error.code : 'HANDLER_FAILED';
}

/**
 * Claims due jobs and runs their handlers: after an enqueue, a finished job, a new handler, at the
 * next due time and every `pollIntervalMs` (for jobs other processes enqueued or freed). Leases are
 * renewed while a handler runs; expired leases are reclaimed on each pass.
 *
 * @internal
 */
export class JobPump {
  /** Handlers running now. */
  readonly running = new Set<Promise<void>>();
  private readonly settler: JobSettler;
  private pumping: Promise<void> | undefined;
  private again = false;
  private timer: TimerHandle | undefined;
  private lastReclaim = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: JobPumpOptions) {
    this.settler = new JobSettler(options.db);
  }

  /** Whether a pass is in progress. */
  get busy(): boolean {
    return this.pumping !== undefined;
  }

  /** Runs a pass now (or right after the current one); returns when that pass ends. */
  kick(): Promise<void> {
    if (this.options.signal.aborted) return Promise.resolve();
    if (this.pumping !== undefined) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = this.pass()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.pumping = undefined;
        if (this.again) void this.kick();
        else this.options.onSettled();
      });
    return this.pumping;
  }

  /** Cancels the wake-up timer. */
  stop(): void {
    this.timer?.cancel();
  }

  private async pass(): Promise<void> {
    const { db, clock, handlers, concurrency, leaseMs } = this.options;
    do {
      this.again = false;
      await this.reclaimIfDue();
      const free = concurrency - this.running.size;
      const names = [...handlers.keys()];
      const rows = await claimDueJobs(db, {
        now: clock.now(),
        limit: free,
        names,
        leaseMs,
        token: randomUUID(),
      });
      for (const row of rows) this.start(row);
    } while (this.again && !this.options.signal.aborted);
    await this.scheduleWakeUp();
  }

  /** Returns expired leases to the queue, at most every half lease or poll interval (not on every pass). */
  private async reclaimIfDue(): Promise<void> {
    const { db, clock, leaseMs, pollIntervalMs } = this.options;
    const now = clock.now();
    if (now - this.lastReclaim < Math.min(pollIntervalMs, leaseMs / 2)) return;
    this.lastReclaim = now;
    await reclaimExpiredJobs(db, { now });
  }

  private async scheduleWakeUp(): Promise<void> {
    const { db, clock, handlers, pollIntervalMs } = this.options;
    this.timer?.cancel();
    if (this.options.signal.aborted || handlers.size === 0) return;
    const next = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('run_at').as('next'))
      .where('status', '=', 'pending')
      .where('name', 'in', [...handlers.keys()])
      .executeTakeFirst();
    const nextRunAt =
      next?.next === null || next?.next === undefined ? undefined : toMillis(next.next);
    const delay =
      nextRunAt === undefined
        ? pollIntervalMs
        : Math.min(pollIntervalMs, Math.max(0, nextRunAt - clock.now()));
    this.timer = clock.setTimer(() => void this.kick(), Math.max(1, delay));
  }

  private start(row: Selectable<JobsTable>): void {
    const run = this.run(row).finally(() => {
      this.running.delete(run);
      void this.kick();
    });
    this.running.add(run);
  }

  private async run(row: Selectable<JobsTable>): Promise<void> {
    const { codec, handlers, signal } = this.options;
    const leased: LeasedJob = {
      tenantId: row.tenant_id,
      seq: row.seq,
      jobId: row.job_id,
      token: row.lease_token ?? '',
    };
    const heartbeat = this.heartbeat(leased);
    try {
      const job = rowToJob(row, codec);
      const handler = handlers.get(row.name);
      if (handler === undefined)
        throw new EnterpriseHubError({
          code: 'QUEUE_HANDLER_MISSING',
          message: `No handler for ${row.name}.`,
        });
      try {
        await handler(job, { signal });
      } catch (error) {
        await this.failed({ leased, job, backoffMs: row.backoff_ms }, error);
        return;
      }
      await this.settler.complete(leased);
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      heartbeat.cancel();
    }
  }

  private async failed(
    attempt: { leased: LeasedJob; job: Job; backoffMs: number },
    error: unknown,
  ): Promise<void> {
    const { leased, job, backoffMs } = attempt;
    const now = this.options.clock.now();
    if (this.options.signal.aborted) return this.settler.giveBack(leased, now);
    if (job.attempt < job.maxAttempts) {
      const runAt = now + backoffMs * 2 ** (job.attempt - 1);
      return this.settler.retry(leased, { now, runAt, errorCode: errorCode(error) });
    }
    await this.settler.fail(leased, { now, errorCode: errorCode(error) });
    try {
      this.options.onJobFailed?.(job, error);
    } catch {
      // a failing reporter must not break the queue
    }
  }

  private heartbeat(leased: LeasedJob): TimerHandle {
    const { clock, leaseMs } = this.options;
    let handle: TimerHandle | undefined;
    let stopped = false;
    const beat = (): void => {
      handle = clock.setTimer(
        () => {
          if (stopped) return;
          this.settler
            .heartbeat(leased, clock.now() + leaseMs)
            .catch((error: unknown) => this.options.onError?.(error))
            .finally(() => {
              if (!stopped) beat();
            });
        },
        Math.max(1, Math.floor(leaseMs / 3)),
      );
    };
    beat();
    return {
      cancel: () => {
        stopped = true;
        handle?.cancel();
      },
    };
  }
}
