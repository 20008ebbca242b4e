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
 * Group commit for the inbox: `markSeen` calls that arrive while a write is in flight, or in the same turn of the
 * event loop, are collected and written together as one multi-row INSERT … ON CONFLICT. The first call schedules the
 * write with `setImmediate`, so every request whose bytes the loop has already read (the poll phase runs before the
 * immediates) joins the batch — this matters on PGlite, which runs each statement synchronously on the caller's
 * thread, so nothing new arrives *during* a write. A lone call waits one loop turn (well under a millisecond); one
 * PGlite statement costs about the same whatever its row count up to hundreds, so batching divides the cost per
 * webhook by the batch size.
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
        setImmediate(() => void this.#drain());
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

/** One pending `has` waiting for the next grouped read. @internal */
interface PendingLookup {
  tenantId: string;
  id: string;
  resolve: (seen: boolean) => void;
  reject: (error: unknown) => void;
}

/** Reads which of the `(tenantId, id)` pairs are stored and unexpired; returns their {@link inboxKey}s. @internal */
export type InboxBatchReader = (pairs: { tenantId: string; id: string }[]) => Promise<Set<string>>;

/**
 * Grouped reads for `Inbox.has`, the read-side twin of {@link InboxBatcher}: lookups that arrive while a read is in
 * flight or in the same turn of the event loop are answered together by one SELECT (scheduled with `setImmediate`,
 * like {@link InboxBatcher}). Each lookup is answered
 * from a read that started after it was made, so it never sees older state than an unbatched read would.
 *
 * @internal
 */
export class InboxLookupBatcher {
  readonly #read: InboxBatchReader;
  readonly #maxBatch: number;
  #queue: PendingLookup[] = [];
  #running = false;

  constructor(read: InboxBatchReader, maxBatch = 500) {
    this.#read = read;
    this.#maxBatch = maxBatch;
  }

  /** Queues a lookup; resolves `true` when the id is stored and unexpired. */
  has(tenantId: string, id: string): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.#queue.push({ tenantId, id, resolve, reject });
      if (!this.#running) {
        this.#running = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      try {
        const found = await this.#read(batch.map(({ tenantId, id }) => ({ tenantId, id })));
        for (const pending of batch)
          pending.resolve(found.has(inboxKey(pending.tenantId, pending.id)));
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.#running = false;
  }
}
