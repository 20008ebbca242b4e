import type { Clock, Job, JobStatus, TenantScoped } from '@enterprisehub/core';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../database';
import { storeCall } from '../store-error';
import { rowToJob, type JobPayloadCodec } from './job-row';

/**
 * The tenant-scoped reads and cancellations of the kysely job queue (every statement filters by
 * tenant, except the drain check, which looks across tenants for due work).
 *
 * @internal
 */
export class JobRecords {
  constructor(
    private readonly context: { db: Kysely<StoreDatabase>; clock: Clock; codec: JobPayloadCodec },
  ) {}

  /** Deletes a pending job; false when it is running, finished or unknown. */
  async cancel(options: TenantScoped & { jobId: string }): Promise<boolean> {
    const result = await storeCall('jobs.cancel', () =>
      this.context.db
        .deleteFrom('jobs')
        .where('tenant_id', '=', options.tenantId)
        .where('job_id', '=', options.jobId)
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    );
    return Number(result.numDeletedRows) > 0;
  }

  /** Deletes the key's pending jobs (of `name`, if given); returns how many. */
  async cancelByKey(
    options: TenantScoped & { orderingKey: string; name?: string },
  ): Promise<number> {
    const { name } = options;
    const result = await storeCall('jobs.cancelByKey', () =>
      this.context.db
        .deleteFrom('jobs')
        .where('tenant_id', '=', options.tenantId)
        .where('ordering_key', '=', options.orderingKey)
        .where('status', '=', 'pending')
        .$if(name !== undefined, (query) => query.where('name', '=', name ?? ''))
        .executeTakeFirst(),
    );
    return Number(result.numDeletedRows);
  }

  /** The tenant's pending jobs (of the key / name, if given), soonest first. */
  async list(options: TenantScoped & { orderingKey?: string; name?: string }): Promise<Job[]> {
    const { orderingKey, name } = options;
    const rows = await storeCall('jobs.list', () =>
      this.context.db
        .selectFrom('jobs')
        .selectAll()
        .where('tenant_id', '=', options.tenantId)
        .where('status', '=', 'pending')
        .$if(orderingKey !== undefined, (query) =>
          query.where('ordering_key', '=', orderingKey ?? ''),
        )
        .$if(name !== undefined, (query) => query.where('name', '=', name ?? ''))
        .orderBy('run_at')
        .orderBy('seq')
        .execute(),
    );
    return rows.map((row) => rowToJob(row, this.context.codec));
  }

  /** Counts the tenant's jobs: `waiting` = pending and due, `delayed` = pending, not yet due. */
  async count(options: TenantScoped & { status: JobStatus }): Promise<number> {
    const now = this.context.clock.now();
    const { status } = options;
    const stored = status === 'waiting' || status === 'delayed' ? 'pending' : status;
    const row = await storeCall('jobs.count', () =>
      this.context.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .where('tenant_id', '=', options.tenantId)
        .where('status', '=', stored)
        .$if(status === 'waiting', (query) => query.where('run_at', '<=', now))
        .$if(status === 'delayed', (query) => query.where('run_at', '>', now))
        .executeTakeFirst(),
    );
    return Number(row?.count ?? 0);
  }

  /** Whether any tenant has a due pending job with one of `names`. */
  async hasDueWork(names: string[]): Promise<boolean> {
    if (names.length === 0) return false;
    const row = await storeCall('jobs.drain', () =>
      this.context.db
        .selectFrom('jobs')
        .select('seq')
        .where('status', '=', 'pending')
        .where('run_at', '<=', this.context.clock.now())
        .where('name', 'in', names)
        .limit(1)
        .executeTakeFirst(),
    );
    return row !== undefined;
  }
}
