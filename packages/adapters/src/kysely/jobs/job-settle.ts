import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../database';

/** Which leased job a settle call is about: its row, its id and the claim's lease token. @internal */
export interface LeasedJob {
  tenantId: string;
  seq: number | string;
  jobId: string;
  token: string;
}

/**
 * Moves a leased job on after its attempt. Every statement is scoped by tenant and guarded by the
 * lease token, so a worker whose lease expired (and whose job another worker re-claimed) changes
 * nothing.
 *
 * @internal
 */
export class JobSettler {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  /** The attempt succeeded: the job is deleted. */
  async complete(job: LeasedJob): Promise<void> {
    await this.db
      .deleteFrom('jobs')
      .where('tenant_id', '=', job.tenantId)
      .where('seq', '=', Number(job.seq))
      .where('lease_token', '=', job.token)
      .execute();
  }

  /** The attempt failed with attempts left: pending again at `runAt`. */
  async retry(
    job: LeasedJob,
    options: { now: number; runAt: number; errorCode: string },
  ): Promise<void> {
    await this.backToPending(job, {
      now: options.now,
      runAt: options.runAt,
      errorCode: options.errorCode,
      refund: false,
    });
  }

  /** The queue is closing: pending again, due at once, without counting the attempt. */
  async giveBack(job: LeasedJob, now: number): Promise<void> {
    await this.backToPending(job, { now, runAt: now, errorCode: null, refund: true });
  }

  /** The last attempt failed: the job becomes a dead letter (`failed`), kept with its error code. */
  async fail(job: LeasedJob, options: { now: number; errorCode: string }): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        lease_token: null,
        lease_expires_at: null,
        last_error: options.errorCode,
        updated_at: options.now,
      })
      .where('tenant_id', '=', job.tenantId)
      .where('seq', '=', Number(job.seq))
      .where('lease_token', '=', job.token)
      .execute();
  }

  /** Extends the lease of a running job; false when the lease was lost. */
  async heartbeat(job: LeasedJob, until: number): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ lease_expires_at: until })
      .where('tenant_id', '=', job.tenantId)
      .where('seq', '=', Number(job.seq))
      .where('lease_token', '=', job.token)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Pending again, unless a newer pending job with the same id was enqueued meanwhile — then this
   * one is superseded and deleted (as the in-process queue does).
   */
  private async backToPending(
    job: LeasedJob,
    options: { now: number; runAt: number; errorCode: string | null; refund: boolean },
  ): Promise<void> {
    const result = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'pending',
        run_at: options.runAt,
        lease_token: null,
        lease_expires_at: null,
        last_error: options.errorCode,
        updated_at: options.now,
        ...(options.refund ? { attempts: eb('attempts', '-', 1) } : {}),
      }))
      .where('tenant_id', '=', job.tenantId)
      .where('seq', '=', Number(job.seq))
      .where('lease_token', '=', job.token)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('jobs as other')
              .select('other.seq')
              .where('other.tenant_id', '=', job.tenantId)
              .where('other.job_id', '=', job.jobId)
              .where('other.status', '=', 'pending'),
          ),
        ),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) await this.complete(job);
  }
}
