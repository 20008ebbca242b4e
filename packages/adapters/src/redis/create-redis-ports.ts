import type { Clock, Keyring } from '@enterprisehub/core';
import { RedisCache } from './redis-cache';
import { RedisConnection, type RedisConnectionOptions } from './redis-connection';
import { RedisCounters } from './redis-counters';
import { redisHealth, type RedisHealth } from './redis-health';
import { RedisInbox } from './redis-inbox';
import { RedisLockManager } from './redis-lock-manager';
import { RedisRateLimiter } from './redis-rate-limiter';

/** Options for {@link createRedisPorts}: one connection for every Redis adapter. */
export interface RedisPortsOptions extends RedisConnectionOptions {
  /** Time source for lock expiry and lock waits. @defaultValue `systemClock` */
  clock?: Clock;
  /** Encrypts inbox payloads at rest. */
  keyring?: Keyring;
}

/** Every Redis adapter over one shared connection. */
export interface RedisPorts {
  /** The shared connection. */
  connection: RedisConnection;
  /** L2 cache for the tiered cache. */
  cache: RedisCache;
  /** Per-contact locks with fencing tokens. */
  locks: RedisLockManager;
  /** Sliding-window limits shared by every instance. */
  rateLimiter: RedisRateLimiter;
  /** Webhook idempotency. */
  inbox: RedisInbox;
  /** Shared integer counters. */
  counters: RedisCounters;
  /** `PING` probe for `/ready`; never throws. */
  health(): Promise<RedisHealth>;
  /** Closes the connection when it was created from `url`; idempotent. */
  close(): Promise<void>;
}

/**
 * Creates every Redis adapter on one connection (one `ioredis` client for all of them).
 *
 * @example
 * ```ts
 * const redis = createRedisPorts({ url: process.env.REDIS_URL, keyPrefix: 'prod', keyring });
 * const cache = createTieredCache({ l2: redis.cache });
 * process.on('SIGTERM', () => void redis.close());
 * ```
 */
export function createRedisPorts(options: RedisPortsOptions): RedisPorts {
  const connection = new RedisConnection(options);
  return {
    connection,
    cache: new RedisCache({ connection }),
    locks: new RedisLockManager({
      connection,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    }),
    rateLimiter: new RedisRateLimiter({ connection }),
    inbox: new RedisInbox({
      connection,
      ...(options.keyring === undefined ? {} : { keyring: options.keyring }),
    }),
    counters: new RedisCounters({ connection }),
    health: () => redisHealth(connection),
    close: () => connection.close(),
  };
}
