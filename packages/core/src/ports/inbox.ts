import type { JsonValue } from '../domain/json-value';
import type { TenantScoped } from './tenant-scoped';

/** An accepted event whose processing has not been recorded (see {@link Inbox.listUnprocessed}). */
export interface UnprocessedInboxEntry {
  /** The event id (the one `markSeen` stored the payload with). */
  id: string;
  /** The stored payload. */
  payload: JsonValue;
  /** When it was accepted (`markSeen`), epoch ms. */
  seenAt: number;
}

/**
 * Port: idempotency for inbound events ("seen this webhook / message id?").
 *
 * Ids are scoped per tenant. An id is remembered for `ttlMs` (forever when omitted); after that it may be accepted again.
 */
export interface Inbox {
  /**
   * Atomically records `id` as seen; returns `true` the first time and `false` for a duplicate within the TTL.
   * `payload` (the accepted event) is persisted with it so accepted events survive a crash.
   */
  markSeen(
    options: TenantScoped & { id: string; ttlMs?: number; payload?: JsonValue },
  ): Promise<boolean>;
  /** Whether `id` has been seen and not yet expired. */
  has(options: TenantScoped & { id: string }): Promise<boolean>;
  /** The payload stored with `id`, or `undefined` when unseen, expired or stored without payload. */
  getPayload(options: TenantScoped & { id: string }): Promise<JsonValue | undefined>;
  /**
   * Records that the accepted event `id` has been fully processed, so {@link Inbox.listUnprocessed} no longer returns
   * it. Unknown or expired ids are ignored. Optional: an inbox without it cannot support an inbox replay.
   */
  markProcessed?(options: TenantScoped & { id: string }): Promise<void>;
  /**
   * The tenant's live (not expired) entries stored with a payload, not marked processed and accepted at or before
   * `seenBefore` (and after `seenAfter`, when given; epoch ms), oldest first, at most `limit`. Used to replay accepted
   * events whose job was lost.
   */
  listUnprocessed?(
    options: TenantScoped & { seenBefore: number; seenAfter?: number; limit: number },
  ): Promise<UnprocessedInboxEntry[]>;
}
