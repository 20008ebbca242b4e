import { RedisScript } from './redis-script';

/**
 * Exact sliding-log rate limiter, atomic on the server.
 *
 * KEYS: log (sorted set: member `<id>:<cost>`, score = time ms), total (sum of the log's costs).
 * ARGV: limit, window ms, cost, consume (1) or peek (0), unique member id.
 * Time is the Redis server's `TIME`, so every instance shares one clock.
 * Returns `{allowed (1/0), remaining, retryAfterMs}`.
 *
 * Expired entries are removed (and subtracted from the total) as calls arrive, so each call costs
 * O(log n + expired); both keys expire after one idle window. A refused call walks the oldest
 * entries until enough cost would free up, to report when it may be retried.
 *
 * @internal
 */
export const SLIDING_LOG = new RedisScript(`
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local consume = ARGV[4] == '1'
local cutoff = now - window
local function cost_of(member)
  return tonumber(string.match(member, ':(%d+)$')) or 0
end
local used = tonumber(redis.call('GET', KEYS[2]) or '0')
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', cutoff)
if #expired > 0 then
  for i = 1, #expired do used = used - cost_of(expired[i]) end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', cutoff)
end
if redis.call('ZCARD', KEYS[1]) == 0 then
  used = 0
elseif used < 0 or redis.call('EXISTS', KEYS[2]) == 0 then
  used = 0
  for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do used = used + cost_of(member) end
end
if used + cost <= limit then
  if consume then
    redis.call('ZADD', KEYS[1], now, ARGV[5] .. ':' .. cost)
    used = used + cost
  end
  if used > 0 then
    redis.call('SET', KEYS[2], used, 'PX', window)
    redis.call('PEXPIRE', KEYS[1], window)
  else
    redis.call('DEL', KEYS[1], KEYS[2])
  end
  return {1, limit - used, 0}
end
if #expired > 0 then redis.call('SET', KEYS[2], used, 'PX', window) end
local remaining = math.max(0, limit - used)
if cost > limit then return {0, remaining, window} end
local need = used + cost - limit
local freed = 0
local start = 0
while true do
  local batch = redis.call('ZRANGE', KEYS[1], start, start + 99, 'WITHSCORES')
  if #batch == 0 then break end
  for i = 1, #batch, 2 do
    freed = freed + cost_of(batch[i])
    if freed >= need then
      return {0, remaining, math.max(1, tonumber(batch[i + 1]) + window - now)}
    end
  end
  start = start + 100
end
return {0, remaining, window}
`);
