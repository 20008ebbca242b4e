import { RedisScript } from '../redis/redis-script';

/**
 * Claims an ordering key for one job.
 * KEYS: key set (members `<seq>:<bullId>` scored by due time), key lease.
 * ARGV: member, bullId, lease ms, due time.
 * Succeeds when no other job holds the key's lease and this job is the key's earliest pending job
 * (re-adding its member if it went missing). Returns `{1, ''}`, or `{0, <blocking member or bullId>}`.
 *
 * @internal
 */
export const CLAIM_KEY = new RedisScript(`
local holder = redis.call('GET', KEYS[2])
if holder and holder ~= ARGV[2] then return {0, 'lease:' .. holder} end
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
end
local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if head and head ~= ARGV[1] then return {0, 'head:' .. head} end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return {1, ''}
`);

/**
 * Ends or re-schedules one job in the tenant's indexes.
 * KEYS: tenant pending set, [key set, key lease]. ARGV: bullId, mode, score, member.
 * mode `done`: drop it from the pending and key sets; `retry`: move it to `score` in both;
 * `keep`: leave both (the job goes back to the queue). Every mode releases the key lease it holds.
 *
 * @internal
 */
export const SETTLE_JOB = new RedisScript(`
local mode = ARGV[2]
if mode == 'done' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  if #KEYS > 1 then redis.call('ZREM', KEYS[2], ARGV[4]) end
elseif mode == 'retry' then
  redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1])
  if #KEYS > 1 then redis.call('ZADD', KEYS[2], 'XX', ARGV[3], ARGV[4]) end
end
if #KEYS > 2 and redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
return 1
`);

/** KEYS: key lease. ARGV: bullId, lease ms. Extends the lease while `bullId` holds it. @internal */
export const RENEW_LEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

/**
 * Indexes a job being enqueued. KEYS: tenant pending set, [key set]. ARGV: due time, bullId, member.
 *
 * @internal
 */
export const INDEX_JOB = new RedisScript(`
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
if #KEYS > 1 then redis.call('ZADD', KEYS[2], ARGV[1], ARGV[3]) end
return 1
`);

/**
 * Records a dead-lettered job and trims the index. KEYS: failed set. ARGV: bullId, time, max kept.
 *
 * @internal
 */
export const RECORD_FAILED = new RedisScript(`
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
return 1
`);

/**
 * Whether a job may run now: it is its key's earliest pending job and no job holds the key's lease.
 * KEYS: key set, key lease. ARGV: member. Returns 1 or 0.
 *
 * @internal
 */
export const IS_NEXT = new RedisScript(`
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if head == ARGV[1] then return 1 end
return 0
`);
