import type { Job, JobStatus, TenantScoped } from '@enterprisehub/core';
import type { Job as BullJob } from 'bullmq';
import { parseJobData, toPortJob, type BullmqJobData } from './bullmq-job-data';
import { bullIdOfMember } from './bullmq-index-keys';
import type { RunnerContext } from './bullmq-job-runner';
import { BullmqKeyCoordinator } from './bullmq-key-coordinator';
import { SETTLE_JOB } from './bullmq-scripts';

const WAITING = new Set(['waiting', 'prioritized', 'delayed', 'waiting-children']);

interface Found {
  bullId: string;
  score: number;
  job: BullJob;
  data: BullmqJobData;
  state: string;
}

/** Reads a `ZRANGE … WITHSCORES` reply as `[member, score]` pairs (flat in RESP2, nested in RESP3). */
function pairs(reply: unknown): [string, number][] {
  if (!Array.isArray(reply)) return [];
  const out: [string, number][] = [];
  if (reply.every((entry) => Array.isArray(entry))) {
    for (const entry of reply as unknown[][]) out.push([String(entry[0]), Number(entry[1])]);
    return out;
  }
  for (let index = 0; index + 1 < reply.length; index += 2)
    out.push([String(reply[index]), Number(reply[index + 1])]);
  return out;
}

/**
 * The tenant-scoped reads and cancellations of the BullMQ queue, over the adapter's per-tenant
 * indexes (so they never scan other tenants' jobs), with BullMQ's job state as the truth.
 *
 * @internal
 */
export class BullmqPendingJobs {
  private readonly keys: BullmqKeyCoordinator;

  constructor(private readonly context: RunnerContext) {
    this.keys = new BullmqKeyCoordinator(context);
  }

  /** Removes a waiting or delayed job and its index entries; false for a running, finished or unknown one. */
  async cancel(tenantId: string, bullId: string): Promise<boolean> {
    const job = await this.context.queue.getJob(bullId);
    if (job === undefined) return false;
    if (!WAITING.has(await job.getState())) return false;
    if ((await this.context.queue.remove(bullId)) !== 1) return false;
    const data = parseJobData(job.data);
    const keys = [this.context.keys.pending(tenantId)];
    if (data.orderingKey !== undefined)
      keys.push(this.context.keys.orderingSet(tenantId, data.orderingKey));
    await this.context.side.script('queue.cancel', SETTLE_JOB, {
      keys,
      args: [bullId, 'done', 0, data.member ?? ''],
    });
    if (data.orderingKey !== undefined) await this.keys.promoteNext(tenantId, data.orderingKey);
    return true;
  }

  /** Cancels the key's waiting and delayed jobs (of `name`, if given); returns how many. */
  async cancelByKey(
    options: TenantScoped & { orderingKey: string; name?: string },
  ): Promise<number> {
    const found = await this.find(options.tenantId, options.orderingKey);
    let cancelled = 0;
    for (const entry of found) {
      if (options.name !== undefined && entry.job.name !== options.name) continue;
      if (await this.cancel(options.tenantId, entry.bullId)) cancelled += 1;
    }
    return cancelled;
  }

  /** The tenant's pending jobs (of the key / name, if given), soonest first. */
  async list(options: TenantScoped & { orderingKey?: string; name?: string }): Promise<Job[]> {
    const found = await this.find(options.tenantId, options.orderingKey);
    return found
      .filter((entry) => WAITING.has(entry.state))
      .filter((entry) => options.name === undefined || entry.job.name === options.name)
      .map((entry) => toPortJob(entry.data, entry.job));
  }

  /** Counts the tenant's jobs by logical state: a job parked while its key is busy counts as waiting. */
  async count(tenantId: string, status: JobStatus): Promise<number> {
    if (status === 'failed') {
      return Number(
        await this.context.side.command('queue.count', [
          'ZCARD',
          this.context.keys.failed(tenantId),
        ]),
      );
    }
    const now = this.context.clock.now();
    const found = await this.find(tenantId, undefined);
    return found.filter((entry) => {
      if (entry.state === 'active') return status === 'active';
      if (!WAITING.has(entry.state)) return false;
      return (entry.data.runAt > now ? 'delayed' : 'waiting') === status;
    }).length;
  }

  /** Whether a due job whose name has a handler here is waiting, parked or running anywhere. */
  async hasDueWork(): Promise<boolean> {
    const { queue, handlers, clock } = this.context;
    const counts = await queue.getJobCounts('active', 'waiting', 'prioritized', 'delayed');
    if ((counts['active'] ?? 0) > 0) return true;
    if (Object.values(counts).every((count) => count === 0)) return false;
    const waiting = await queue.getJobs(['waiting', 'prioritized'], 0, 499);
    if (waiting.some((job) => handlers.has(job.name))) return true;
    const now = clock.now();
    const horizon = Date.now() + 5_000;
    for (let start = 0; start < 5_000; start += 200) {
      const delayed = await queue.getDelayed(start, start + 199);
      for (const job of delayed) {
        if (job.timestamp + job.delay > horizon) return false;
        if (handlers.has(job.name) && parseJobData(job.data).runAt <= now) return true;
      }
      if (delayed.length < 200) return false;
    }
    return false;
  }

  /**
   * BullMQ's state, except that a keyed job offered to a worker while its key is busy (active for a
   * moment before it is parked again) reads as `delayed`: only the lease holder is running.
   */
  private async logicalState(job: BullJob, data: BullmqJobData, bullId: string): Promise<string> {
    const state = await job.getState();
    if (state !== 'active' || data.orderingKey === undefined) return state;
    const holder = await this.context.side.command('queue.read', [
      'GET',
      this.context.keys.lease(data.tenantId, data.orderingKey),
    ]);
    return holder === bullId ? 'active' : 'delayed';
  }

  /** The indexed jobs of the tenant (or of one ordering key) that still exist, in due order. */
  private async find(tenantId: string, orderingKey: string | undefined): Promise<Found[]> {
    const { keys, side, queue } = this.context;
    const index =
      orderingKey === undefined ? keys.pending(tenantId) : keys.orderingSet(tenantId, orderingKey);
    const entries = pairs(await side.command('queue.read', ['ZRANGE', index, 0, -1, 'WITHSCORES']));
    const found = await Promise.all(
      entries.map(async ([member, score]): Promise<Found | undefined> => {
        const bullId = orderingKey === undefined ? member : bullIdOfMember(member);
        const job = await queue.getJob(bullId);
        if (job === undefined) return undefined;
        const data = parseJobData(job.data);
        if (data.tenantId !== tenantId) return undefined;
        return { bullId, score, job, data, state: await this.logicalState(job, data, bullId) };
      }),
    );
    return found.filter((entry): entry is Found => entry !== undefined);
  }
}
