import type { Job as BullJob } from 'bullmq';
import { RELEASE_LOCK } from '../redis/redis-lock-scripts';
import type { BullmqJobData } from './bullmq-job-data';
import { bullIdOfMember } from './bullmq-index-keys';
import type { RunnerContext } from './bullmq-job-runner';
import { CLAIM_KEY, IS_NEXT, RENEW_LEASE, SETTLE_JOB } from './bullmq-scripts';

/** Outcome of a claim: run now, or why not (another job holds the lease / is due first). @internal */
export type ClaimOutcome = 'claimed' | 'leased' | 'behind';

const FINISHED = new Set(['unknown', 'completed', 'failed']);

/**
 * The per-key side of the BullMQ queue: claims and leases an ordering key, settles the tenant
 * indexes after an attempt, and hands the key on by promoting its next due job out of BullMQ's
 * delayed set (jobs that are not next are parked there for up to a lease).
 *
 * @internal
 */
export class BullmqKeyCoordinator {
  constructor(private readonly context: RunnerContext) {}

  /** Claims the job's key (clearing a blocker whose job no longer exists). Unkeyed jobs always run. */
  async claim(data: BullmqJobData, bullId: string): Promise<ClaimOutcome> {
    if (data.orderingKey === undefined || data.member === undefined) return 'claimed';
    const keys = this.keyKeys(data.tenantId, data.orderingKey);
    let outcome: ClaimOutcome = 'behind';
    for (let round = 0; round < 2; round++) {
      const reply = await this.context.side.script('queue.claim', CLAIM_KEY, {
        keys,
        args: [data.member, bullId, this.context.leaseMs, data.runAt],
      });
      const answer: unknown[] = Array.isArray(reply) ? (reply as unknown[]) : [];
      if (Number(answer[0]) === 1) return 'claimed';
      const blocker = String(answer[1]);
      outcome = blocker.startsWith('lease:') ? 'leased' : 'behind';
      if (!(await this.clearOrphan(keys, blocker))) return outcome;
    }
    return outcome;
  }

  /** Whether the job is now its key's next job with the lease free (checked after parking it). */
  async isNext(data: BullmqJobData): Promise<boolean> {
    if (data.orderingKey === undefined || data.member === undefined) return false;
    const reply = await this.context.side.script('queue.isNext', IS_NEXT, {
      keys: this.keyKeys(data.tenantId, data.orderingKey),
      args: [data.member],
    });
    return Number(reply) === 1;
  }

  /** Renews the key's lease every third of it while the handler runs. */
  keepLease(data: BullmqJobData, bullId: string): NodeJS.Timeout | undefined {
    if (data.orderingKey === undefined) return undefined;
    const key = this.context.keys.lease(data.tenantId, data.orderingKey);
    const timer = setInterval(
      () => {
        this.context.side
          .script('queue.renewLease', RENEW_LEASE, {
            keys: [key],
            args: [bullId, this.context.leaseMs],
          })
          .catch(() => undefined); // a missed renewal is retried on the next tick
      },
      Math.max(100, Math.floor(this.context.leaseMs / 3)),
    );
    timer.unref();
    return timer;
  }

  /** Updates the tenant indexes after an attempt and releases the key's lease. */
  async settle(
    data: BullmqJobData,
    bullId: string,
    outcome: { mode: 'done' | 'retry' | 'keep'; score?: number },
  ): Promise<void> {
    const keys = [this.context.keys.pending(data.tenantId)];
    if (data.orderingKey !== undefined) keys.push(...this.keyKeys(data.tenantId, data.orderingKey));
    await this.context.side.script('queue.settle', SETTLE_JOB, {
      keys,
      args: [bullId, outcome.mode, outcome.score ?? 0, data.member ?? ''],
    });
  }

  /** Moves the key's next job out of BullMQ's delayed set when it is due (it was parked behind another). */
  async promoteNext(tenantId: string, orderingKey: string): Promise<void> {
    const head = await this.context.side.command('queue.promote', [
      'ZRANGE',
      this.context.keys.orderingSet(tenantId, orderingKey),
      0,
      0,
    ]);
    const member: unknown = Array.isArray(head) ? (head as unknown[])[0] : undefined;
    if (typeof member !== 'string') return;
    const job = await this.context.queue.getJob(bullIdOfMember(member));
    if (job === undefined) return;
    await this.promoteIfDue(job);
  }

  /** Promotes a parked job if it is due; a job that is no longer delayed is left alone. */
  async promoteIfDue(job: BullJob): Promise<void> {
    const data = job.data as Partial<BullmqJobData>;
    if (typeof data.runAt !== 'number' || data.runAt > this.context.clock.now()) return;
    try {
      await job.promote();
    } catch {
      // already waiting or active: nothing to hand on
    }
  }

  /** Removes a blocker whose job no longer exists or finished; true when one was removed. */
  private async clearOrphan(keys: string[], blocker: string): Promise<boolean> {
    const isLease = blocker.startsWith('lease:');
    const value = blocker.slice(blocker.indexOf(':') + 1);
    const state = await this.context.queue.getJobState(isLease ? value : bullIdOfMember(value));
    if (isLease ? state === 'active' : !FINISHED.has(state)) return false;
    if (isLease) {
      await this.context.side.script('queue.clearLease', RELEASE_LOCK, {
        keys: [keys[1] ?? ''],
        args: [value],
      });
    } else {
      await this.context.side.command('queue.clearOrphan', ['ZREM', keys[0] ?? '', value]);
    }
    return true;
  }

  private keyKeys(tenantId: string, orderingKey: string): string[] {
    return [
      this.context.keys.orderingSet(tenantId, orderingKey),
      this.context.keys.lease(tenantId, orderingKey),
    ];
  }
}
