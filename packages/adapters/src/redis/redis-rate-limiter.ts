import { randomUUID } from 'node:crypto';
import {
  EnterpriseHubError,
  type RateLimitOptions,
  type RateLimitResult,
  type RateLimiter,
  type TenantScoped,
} from '@enterprisehub/core';
import { adapterConnection, type RedisAdapterOptions } from './redis-adapter-options';
import type { RedisConnection } from './redis-connection';
import { SLIDING_LOG } from './redis-rate-limit-script';

/** Options for {@link createRedisRateLimiter}. */
export type RedisRateLimiterOptions = RedisAdapterOptions;

function validate(options: RateLimitOptions): number {
  const cost = options.cost ?? 1;
  const valid =
    Number.isInteger(cost) &&
    cost >= 0 &&
    Number.isFinite(options.limit) &&
    options.limit >= 0 &&
    Number.isInteger(options.windowMs) &&
    options.windowMs > 0;
  if (!valid) {
    throw new EnterpriseHubError({
      code: 'VALIDATION_FAILED',
      message: 'Rate limits need an integer cost ≥ 0, a limit ≥ 0 and an integer windowMs > 0.',
    });
  }
  return cost;
}

function toResult(reply: unknown): RateLimitResult {
  if (!Array.isArray(reply) || reply.length !== 3) {
    throw new EnterpriseHubError({
      code: 'INTERNAL',
      message: 'The Redis rate-limit script answered in an unexpected shape.',
    });
  }
  return {
    allowed: Number(reply[0]) === 1,
    remaining: Number(reply[1]),
    retryAfterMs: Number(reply[2]),
  };
}

/**
 * {@link RateLimiter} on Redis: an exact sliding log (the same answers as core's memory limiter)
 * evaluated in one Lua script, so concurrent calls from any number of instances never exceed the
 * limit. Time comes from the Redis server, not the caller. Keys `<prefix>:{<tenant>}:rl:<key>`
 * (log) and `…:rlsum:<key>` (running total) expire after an idle window.
 *
 * Redis down: every call throws the retryable `REDIS_UNAVAILABLE` — the limiter fails closed
 * and never answers "allowed" without having counted.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly connection: RedisConnection;
  private readonly owned: boolean;

  /** Creates the limiter; nothing connects until the first call. */
  constructor(options: RedisRateLimiterOptions) {
    ({ connection: this.connection, owned: this.owned } = adapterConnection(options));
  }

  /** Counts `cost` units if they fit in the window; a refused call counts nothing. */
  consume(options: RateLimitOptions): Promise<RateLimitResult> {
    return this.evaluate(options, true);
  }

  /** What `consume` would answer, without counting. */
  peek(options: RateLimitOptions): Promise<RateLimitResult> {
    return this.evaluate(options, false);
  }

  /** Clears the counter. */
  async reset(options: TenantScoped & { key: string }): Promise<void> {
    await this.connection.command(
      'rateLimit.reset',
      ['DEL', ...this.keys(options)],
      options.signal,
    );
  }

  /** Closes the connection if this limiter created it. */
  async close(): Promise<void> {
    if (this.owned) await this.connection.close();
  }

  private async evaluate(options: RateLimitOptions, consume: boolean): Promise<RateLimitResult> {
    const cost = validate(options);
    const reply = await this.connection.script(
      consume ? 'rateLimit.consume' : 'rateLimit.peek',
      SLIDING_LOG,
      {
        keys: this.keys(options),
        args: [options.limit, options.windowMs, cost, consume ? 1 : 0, randomUUID()],
        signal: options.signal,
      },
    );
    return toResult(reply);
  }

  private keys(options: TenantScoped & { key: string }): string[] {
    return [
      this.connection.key(options.tenantId, 'rl', options.key),
      this.connection.key(options.tenantId, 'rlsum', options.key),
    ];
  }
}

/**
 * Creates a Redis sliding-window rate limiter shared by every instance.
 *
 * @example
 * ```ts
 * const limiter = createRedisRateLimiter({ connection });
 * const { allowed, retryAfterMs } = await limiter.consume({ tenantId, key: `handoff:hour:${contactId}`, limit: 3, windowMs: 3_600_000 });
 * ```
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  return new RedisRateLimiter(options);
}
