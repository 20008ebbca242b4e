import type { Cache, TenantScoped } from '@enterprisehub/core';
import { adapterConnection, type RedisAdapterOptions } from './redis-adapter-options';
import type { RedisConnection } from './redis-connection';

/** Options for {@link createRedisCache}. */
export type RedisCacheOptions = RedisAdapterOptions;

/** Identifies one cache entry: the tenant and its key. */
export type RedisCacheKeyOptions = TenantScoped & { key: string };

/**
 * {@link Cache} port on Redis (`GET` / `SET … PX` / `DEL`), values stored as JSON, keys
 * `<prefix>:{<tenant>}:cache:<key>`. Meant as the L2 tier of core's `createTieredCache`: a Redis
 * failure is thrown as `REDIS_UNAVAILABLE` so the tiered cache's circuit breaker opens and it
 * carries on from L1.
 */
export class RedisCache implements Cache {
  private readonly connection: RedisConnection;
  private readonly owned: boolean;

  /** Creates the cache; nothing connects until the first call. */
  constructor(options: RedisCacheOptions) {
    ({ connection: this.connection, owned: this.owned } = adapterConnection(options));
  }

  /** The cached value, or `undefined` on a miss; throws `REDIS_UNAVAILABLE` when Redis is down. */
  async get<T = unknown>(options: RedisCacheKeyOptions): Promise<T | undefined> {
    const stored = await this.connection.command(
      'cache.get',
      ['GET', this.key(options)],
      options.signal,
    );
    if (typeof stored !== 'string') return undefined;
    try {
      return JSON.parse(stored) as T;
    } catch {
      return undefined; // not written by this adapter: a miss
    }
  }

  /** Stores `value` as JSON for `ttlMs`; a `ttlMs` ≤ 0 or an `undefined` value deletes the entry. */
  async set<T = unknown>(
    options: RedisCacheKeyOptions & { value: T; ttlMs: number },
  ): Promise<void> {
    const json = options.value === undefined ? undefined : JSON.stringify(options.value);
    const ttlMs = Math.ceil(options.ttlMs);
    if (json === undefined || ttlMs <= 0) {
      await this.delete(options);
      return;
    }
    await this.connection.command(
      'cache.set',
      ['SET', this.key(options), json, 'PX', ttlMs],
      options.signal,
    );
  }

  /** Removes the entry; a no-op when absent. */
  async delete(options: RedisCacheKeyOptions): Promise<void> {
    await this.connection.command('cache.delete', ['DEL', this.key(options)], options.signal);
  }

  /** Closes the connection if this cache created it. */
  async close(): Promise<void> {
    if (this.owned) await this.connection.close();
  }

  private key(options: RedisCacheKeyOptions): string {
    return this.connection.key(options.tenantId, 'cache', options.key);
  }
}

/**
 * Creates a Redis cache, usually as the L2 tier of a tiered cache.
 *
 * @example
 * ```ts
 * const l2 = createRedisCache({ url: process.env.REDIS_URL });
 * const cache = createTieredCache({ l2, breaker: { failureThreshold: 5, resetTimeoutMs: 30_000 } });
 * ```
 */
export function createRedisCache(options: RedisCacheOptions): RedisCache {
  return new RedisCache(options);
}
