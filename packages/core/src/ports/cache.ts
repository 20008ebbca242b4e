import type { TenantScoped } from './tenant-scoped';

/**
 * Port: a key/value cache with TTL, scoped per tenant (the same key under two tenants is two entries).
 * Values must be JSON-serialisable for networked adapters (Redis). A miss returns `undefined`, never throws.
 */
export interface Cache {
  /** The cached value, or `undefined` on a miss or after expiry. */
  get<T = unknown>(options: TenantScoped & { key: string }): Promise<T | undefined>;
  /** Stores `value` for `ttlMs` milliseconds. */
  set<T = unknown>(options: TenantScoped & { key: string; value: T; ttlMs: number }): Promise<void>;
  /** Removes the entry; a no-op when absent. */
  delete(options: TenantScoped & { key: string }): Promise<void>;
}
