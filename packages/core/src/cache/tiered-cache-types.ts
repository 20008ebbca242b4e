import type { EventBus } from '../events/create-event-bus';
import type { Cache } from '../ports/cache';
import type { Clock } from '../ports/clock';
import type { TenantScoped } from '../ports/tenant-scoped';
import type { CircuitState } from './circuit-breaker';

/** Options of the in-process L1 tier of {@link createTieredCache}. */
export interface TieredCacheL1Options {
  /**
   * Maximum keys held; the least recently used key is evicted beyond it (the same key under several tenants counts
   * once and is evicted together). @defaultValue 10_000
   */
  maxEntries?: number;
  /** Maximum estimated bytes across entries (a larger single value is not kept in L1). Unset = no byte limit. */
  maxBytes?: number;
  /** Estimates a value's size in bytes for `maxBytes`; default: UTF-16 length of its JSON form (min 1). */
  sizeOf?: (value: unknown) => number;
  /**
   * How long a value found in L2 is kept in L1 (L2 does not report its remaining TTL); `getOrSet` uses the smaller
   * of this and its `ttlMs`. Bounds how stale another instance's change can look here. @defaultValue 30_000
   */
  promotedTtlMs?: number;
}

/** Circuit-breaker settings for the L2 tier of {@link createTieredCache}. */
export interface TieredCacheBreakerOptions {
  /** Consecutive L2 failures (timeouts included) that open the circuit. @defaultValue 5 */
  failureThreshold?: number;
  /** How long L2 is skipped once the circuit opens, before one probe call. @defaultValue 30_000 */
  resetTimeoutMs?: number;
  /** Longest an L2 call may take before it is abandoned and counted as a failure. @defaultValue 100 */
  l2TimeoutMs?: number;
}

/** Options for {@link createTieredCache}. */
export interface TieredCacheOptions {
  /** L1 (in-process lru-cache) limits. */
  l1?: TieredCacheL1Options;
  /** Optional shared L2 (a {@link Cache} port, Redis in production), called behind a circuit breaker. */
  l2?: Cache;
  /** Circuit breaker around L2. */
  breaker?: TieredCacheBreakerOptions;
  /** Time source for TTLs, the breaker and L2 timeouts. @defaultValue {@link systemClock} */
  clock?: Clock;
  /**
   * How long after expiry `getOrSet` may still answer with the stale value while one background load refreshes
   * it. `get` never returns stale values. @defaultValue 0 (off)
   */
  staleWhileRevalidateMs?: number;
  /** How long a loader's `undefined` result is remembered (L1 only), so misses are not reloaded. @defaultValue 0 (off) */
  negativeTtlMs?: number;
  /** Event bus receiving `cache.accessed` for every tier lookup (feeds the cache hit-rate metric). */
  events?: Pick<EventBus, 'emit'>;
}

/** Options of {@link TieredCache.getOrSet}. */
export interface GetOrSetOptions<T> extends TenantScoped {
  /** Key, unique within the tenant. */
  key: string;
  /** Lifetime of a freshly loaded value. */
  ttlMs: number;
  /**
   * Produces the value on a miss. Runs once per (tenant, key) however many callers wait; its error reaches every
   * waiter and is not cached. Returning `undefined` is cached only when `negativeTtlMs` is set.
   */
  load: () => Promise<T> | T;
}

/** Hit/miss counters of a {@link TieredCache}, per tier. */
export interface TieredCacheStats {
  /** In-process tier. */
  l1: { hits: number; misses: number };
  /** Shared tier; `errors` counts failed or timed-out calls, `breaker` is the circuit state. */
  l2: { hits: number; misses: number; errors: number; breaker: CircuitState };
}

/**
 * A two-tier cache: L1 in-process LRU in front of an optional L2 {@link Cache} behind a circuit breaker, with
 * single-flight loading, stale-while-revalidate and negative caching. Keys are scoped per tenant.
 * L1 keeps values by reference: treat cached values as immutable.
 */
export interface TieredCache extends Cache {
  /**
   * Returns the cached value, or runs `load` once for all concurrent callers of the same (tenant, key) and caches
   * its result in L1 and L2.
   */
  getOrSet<T>(options: GetOrSetOptions<T>): Promise<T>;
  /** The fresh cached value (L1, then L2), or `undefined`; an L2 failure reads as a miss, never throws. */
  get<T = unknown>(options: TenantScoped & { key: string }): Promise<T | undefined>;
  /** Stores `value` in L1 and L2 for `ttlMs` (≤ 0 or `undefined` deletes); an in-flight load of the key is discarded. */
  set<T = unknown>(options: TenantScoped & { key: string; value: T; ttlMs: number }): Promise<void>;
  /** Removes the entry from both tiers; an in-flight load of the key is discarded. */
  delete(options: TenantScoped & { key: string }): Promise<void>;
  /** A snapshot of per-tier hit/miss counters and the L2 breaker state. */
  stats(): TieredCacheStats;
}
