/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import type { Cache } from '../ports/cache';
import type { Clock } from '../ports/clock';
import type { TenantScoped } from '../ports/tenant-scoped';
import { systemClock } from '../ports/system-clock';
import { copy, throwIfAborted } from './memory-support';

interface CacheEntry {
  value: unknown;
  expiresAt: number;
}

/** Options for {@link createMemoryCache}. */
export interface MemoryCacheOptions {
  /** Time source for TTLs; default {@link systemClock}. */
  clock?: Clock;
  /** Maximum entries across tenants; least recently used are evicted beyond it. Default 10,000. */
  maxEntries?: number;
}

/**
 * In-memory {@link Cache} port with TTL and LRU eviction; values are copied in and out like a networked cache.
 * (For the L1 tier with byte limits and single-flight, use `createTieredCache`.)
 */
export class MemoryCache implements Cache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly clock: Clock;
  private readonly maxEntries: number;

  /** Creates an empty cache. */
  constructor(options: MemoryCacheOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** {@inheritDoc Cache.get} */
  async get<T = unknown>(options: TenantScoped & { key: string }): Promise<T | undefined> {
    throwIfAborted(options.signal);
    const id = entryId(options.tenantId, options.key);
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now()) {
      this.entries.delete(id);
      return undefined;
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    return copy(entry.value) as T;
  }

  /** {@inheritDoc Cache.set} */
  async set<T = unknown>(
    options: TenantScoped & { key: string; value: T; ttlMs: number },
  ): Promise<void> {
    throwIfAborted(options.signal);
    const id = entryId(options.tenantId, options.key);
    this.entries.delete(id);
    if (options.ttlMs <= 0) return;
    this.entries.set(id, {
      value: copy(options.value),
      expiresAt: this.clock.now() + options.ttlMs,
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  /** {@inheritDoc Cache.delete} */
  async delete(options: TenantScoped & { key: string }): Promise<void> {
    throwIfAborted(options.signal);
    this.entries.delete(entryId(options.tenantId, options.key));
  }

  /** Number of entries held (expired ones included until touched). */
  get size(): number {
    return this.entries.size;
  }
}

function entryId(tenantId: string, key: string): string {
  return `${tenantId.length}:${tenantId}:${key}`;
}

/**
 * Creates an in-memory cache.
 *
 * @example
 * ```ts
 * const cache = createMemoryCache({ clock, maxEntries: 1000 });
 * await cache.set({ tenantId, key: 'listing:1', value: listing, ttlMs: 60_000 });
 * ```
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): MemoryCache {
  return new MemoryCache(options);
}
