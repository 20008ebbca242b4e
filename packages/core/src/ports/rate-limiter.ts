import type { TenantScoped } from './tenant-scoped';

/** Options for {@link RateLimiter.consume} and {@link RateLimiter.peek}. */
export interface RateLimitOptions extends TenantScoped {
  /** Counter key within the tenant, e.g. `handoff:hour:<contactId>`. */
  key: string;
  /** Maximum cost allowed within any window of `windowMs`. */
  limit: number;
  /** Sliding window length, ms. */
  windowMs: number;
  /** Units this call consumes; default 1. */
  cost?: number;
}

/** Outcome of a rate-limit check. */
export interface RateLimitResult {
  /** Whether the call is within the limit (and, for `consume`, was counted). */
  allowed: boolean;
  /** Units left in the current window after this call. */
  remaining: number;
  /** When not allowed: ms until enough units free up; 0 when allowed. */
  retryAfterMs: number;
}

/**
 * Port: sliding-window counters per (tenant, key), shared by every instance using the same backend
 * (handoff limits, API-key limits, GHL budget).
 */
export interface RateLimiter {
  /** Counts `cost` units if they fit within the limit; a refused call consumes nothing. */
  consume(options: RateLimitOptions): Promise<RateLimitResult>;
  /** Reports what `consume` would answer, without counting. */
  peek(options: RateLimitOptions): Promise<RateLimitResult>;
  /** Clears the counter. */
  reset(options: TenantScoped & { key: string }): Promise<void>;
}
