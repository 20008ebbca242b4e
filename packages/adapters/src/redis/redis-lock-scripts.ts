import { RedisScript } from './redis-script';

/**
 * KEYS: lock, fencing counter. ARGV: token, ttl ms.
 * Takes the lock with `SET NX PX`; on success draws the next fencing token from the tenant's
 * counter (`INCR`). Returns `{1, fencingToken}` or `{0, pttlOfHolder}`.
 *
 * @internal
 */
export const ACQUIRE_LOCK = new RedisScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('INCR', KEYS[2])}
end
return {0, redis.call('PTTL', KEYS[1])}
`);

/** KEYS: lock. ARGV: token. Deletes the lock only while `token` owns it; returns 1 or 0. @internal */
export const RELEASE_LOCK = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

/** KEYS: lock. ARGV: token, ttl ms. Resets the TTL only while `token` owns it; returns 1 or 0. @internal */
export const EXTEND_LOCK = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`);
