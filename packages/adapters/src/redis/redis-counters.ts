import { EnterpriseHubError, type TenantScoped } from '@enterprisehub/core';
import { adapterConnection, type RedisAdapterOptions } from './redis-adapter-options';
import type { RedisConnection } from './redis-connection';
import { RedisScript } from './redis-script';

/** Options for {@link createRedisCounters}. */
export type RedisCountersOptions = RedisAdapterOptions;

/** KEYS: counter. ARGV: amount, ttl ms (0 = none). INCRBY, then set the TTL once (on creation). */
const INCREMENT = new RedisScript(`
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if tonumber(ARGV[2]) > 0 and redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return value
`);

/** Identifies one counter: the tenant and its key. */
export type RedisCounterKey = TenantScoped & { key: string };

/**
 * Integer counters shared by every instance (e.g. handoffs per contact per day, GHL calls per
 * location today), keyed `<prefix>:{<tenant>}:counter:<key>`. A counter created with `ttlMs`
 * expires that long after its first increment (a fixed window); use the rate limiter for a
 * sliding one. Redis down: throws the retryable `REDIS_UNAVAILABLE`.
 */
export class RedisCounters {
  private readonly connection: RedisConnection;
  private readonly owned: boolean;

  /** Creates the counters; nothing connects until the first call. */
  constructor(options: RedisCountersOptions) {
    ({ connection: this.connection, owned: this.owned } = adapterConnection(options));
  }

  /** Adds `by` (default 1, may be negative) and returns the new value; `ttlMs` applies when the counter is created. */
  async increment(options: RedisCounterKey & { by?: number; ttlMs?: number }): Promise<number> {
    const by = options.by ?? 1;
    if (!Number.isSafeInteger(by)) {
      throw new EnterpriseHubError({
        code: 'VALIDATION_FAILED',
        message: 'A counter increment must be an integer.',
      });
    }
    const reply = await this.connection.script('counter.increment', INCREMENT, {
      keys: [this.key(options)],
      args: [by, Math.max(0, Math.ceil(options.ttlMs ?? 0))],
      signal: options.signal,
    });
    return Number(reply);
  }

  /** The counter's value; 0 when it does not exist or expired. */
  async get(options: RedisCounterKey): Promise<number> {
    const reply = await this.connection.command(
      'counter.get',
      ['GET', this.key(options)],
      options.signal,
    );
    return typeof reply === 'string' ? Number(reply) : 0;
  }

  /** Deletes the counter. */
  async reset(options: RedisCounterKey): Promise<void> {
    await this.connection.command('counter.reset', ['DEL', this.key(options)], options.signal);
  }

  /** Closes the connection if these counters created it. */
  async close(): Promise<void> {
    if (this.owned) await this.connection.close();
  }

  private key(options: RedisCounterKey): string {
    return this.connection.key(options.tenantId, 'counter', options.key);
  }
}

/**
 * Creates shared Redis counters.
 *
 * @example
 * ```ts
 * const counters = createRedisCounters({ connection });
 * const today = await counters.increment({ tenantId, key: `handoffs:day:${contactId}`, ttlMs: 86_400_000 });
 * ```
 */
export function createRedisCounters(options: RedisCountersOptions): RedisCounters {
  return new RedisCounters(options);
}
