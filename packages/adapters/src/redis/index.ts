/**
 * `@enterprisehub/adapters/redis`: the cache, lock manager, rate limiter, inbox and counters on
 * Redis (`ioredis`, an optional peer loaded only when a client is created from a URL), plus a
 * health probe. Every key is `<prefix>:{<tenant>}:<kind>:<key>`.
 *
 * @module
 */
export { createRedisPorts, type RedisPorts, type RedisPortsOptions } from './create-redis-ports';
export type { RedisAdapterOptions } from './redis-adapter-options';
export {
  RedisCache,
  createRedisCache,
  type RedisCacheKeyOptions,
  type RedisCacheOptions,
} from './redis-cache';
export type { RedisClientLike, RedisClientSource } from './redis-client-like';
export {
  RedisConnection,
  createRedisConnection,
  type RedisConnectionOptions,
} from './redis-connection';
export {
  RedisCounters,
  createRedisCounters,
  type RedisCounterKey,
  type RedisCountersOptions,
} from './redis-counters';
export type { RedisScript } from './redis-script';
export { redisHealth, type RedisHealth, type RedisHealthOptions } from './redis-health';
export {
  RedisInbox,
  createRedisInbox,
  type RedisInboxIdOptions,
  type RedisInboxOptions,
} from './redis-inbox';
export {
  RedisLockManager,
  createRedisLockManager,
  type RedisLockAcquireOptions,
  type RedisLockManagerOptions,
} from './redis-lock-manager';
export {
  RedisRateLimiter,
  createRedisRateLimiter,
  type RedisRateLimiterOptions,
} from './redis-rate-limiter';
