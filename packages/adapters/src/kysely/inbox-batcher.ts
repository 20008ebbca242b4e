import type { Insertable } from 'kysely';
import type { InboxTable } from './database';

/** One pending `markSeen` waiting for the next group commit. @internal */
interface PendingMark {
  row: Insertable<InboxTable>;
  resolve: (first: boolean) => void;
  reject: (error: unknown) => void;
}

/** Writes a batch of rows and returns the `tenant_id\u0000message_id` keys that were new. @internal */
export type InboxBatchWriter = (rows: Insertable<InboxTable>[]) => Promise<Set<string>>;

/** Key of one inbox row inside a batch. @internal */
export function inboxKey(tenantId: string, messageId: string): string {
  return `${tenantId}\u0000${messageId}`;
}

/**
 * Group commit for the inbox: `markSeen` calls that arrive while a write is in flight are
 * collected and written together as one multi-row INSERT … ON CONFLICT. No timer is involved:
 * a lone call is written on the next microtask, so latency only grows under load, when
 * batching pays (one PGlite statement costs ~0.3 ms whatever its row count up to hundreds).
 *
 * @internal
 */
export class InboxBatcher {
  readonly #write: InboxBatchWriter;
  readonly #maxBatch: number;
  #queue: PendingMark[] = [];
  #running = false;

  constructor(write: InboxBatchWriter, maxBatch = 500) {
    this.#write = write;
    this.#maxBatch = maxBatch;
  }

  /** Queues a row; resolves `true` when it was new (or replaced an expired one). */
  add(row: Insertable<InboxTable>): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.#queue.push({ row, resolve, reject });
      if (!this.#running) {
        this.#running = true;
        queueMicrotask(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      await this.#flush(batch);
    }
    this.#running = false;
  }

  async #flush(batch: PendingMark[]): Promise<void> {
    // A second mark of the same id in one batch is a duplicate of the first.
    const firsts = new Map<string, PendingMark>();
    const duplicates: PendingMark[] = [];
    for (const pending of batch) {
      const key = inboxKey(pending.row.tenant_id, pending.row.message_id);
      if (firsts.has(key)) duplicates.push(pending);
      else firsts.set(key, pending);
    }
    try {
      const fresh = await this.#write([...firsts.values()].map((pending) => pending.row));
      for (const [key, pending] of firsts) pending.resolve(fresh.has(key));
      for (const pending of duplicates) pending.resolve(false);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
