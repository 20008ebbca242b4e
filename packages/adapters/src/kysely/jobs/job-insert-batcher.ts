import type { Insertable, Kysely } from 'kysely';
import type { JobsTable, StoreDatabase } from '../database';

interface PendingInsert {
  row: Insertable<JobsTable>;
  resolve: (inserted: boolean) => void;
  reject: (error: unknown) => void;
}

function rowKey(tenantId: string, jobId: string): string {
  return `${tenantId}\u0000${jobId}`;
}

/**
 * Group commit for enqueues: inserts that arrive while one is in flight are written together as one
 * multi-row `INSERT … ON CONFLICT (tenant_id, job_id) WHERE status = 'pending' DO NOTHING`. A lone
 * enqueue is written on the next microtask, so latency only grows under load, when batching pays
 * (a PGlite write costs about the same for one row as for hundreds).
 *
 * @internal
 */
export class JobInsertBatcher {
  private queue: PendingInsert[] = [];
  private running = false;

  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly maxBatch = 500,
  ) {}

  /** Queues a row; resolves `true` when it was inserted, `false` when a pending job had its id. */
  add(row: Insertable<JobsTable>): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.running) {
        this.running = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) await this.flush(this.queue.splice(0, this.maxBatch));
    this.running = false;
  }

  private async flush(batch: PendingInsert[]): Promise<void> {
    const firsts = new Map<string, PendingInsert>();
    const duplicates: PendingInsert[] = [];
    for (const pending of batch) {
      const key = rowKey(pending.row.tenant_id, pending.row.job_id);
      if (firsts.has(key)) duplicates.push(pending);
      else firsts.set(key, pending);
    }
    try {
      const inserted = await this.db
        .insertInto('jobs')
        .values([...firsts.values()].map((pending) => pending.row))
        .onConflict((conflict) =>
          conflict.columns(['tenant_id', 'job_id']).where('status', '=', 'pending').doNothing(),
        )
        .returning(['tenant_id', 'job_id'])
        .execute();
      const fresh = new Set(inserted.map((row) => rowKey(row.tenant_id, row.job_id)));
      for (const [key, pending] of firsts) pending.resolve(fresh.has(key));
      for (const pending of duplicates) pending.resolve(false);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
