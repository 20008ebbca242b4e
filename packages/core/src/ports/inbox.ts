import type { JsonValue } from '../domain/json-value';
import type { TenantScoped } from './tenant-scoped';

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
}
