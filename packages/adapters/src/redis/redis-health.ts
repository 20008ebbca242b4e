import type { RedisClientLike } from './redis-client-like';
import { RedisConnection } from './redis-connection';
import { toRedisError } from './redis-error';

/** What {@link redisHealth} reports, in the shape of the stores' `health()`. */
export type RedisHealth =
  | { status: 'up'; latencyMs: number }
  | { status: 'down'; latencyMs: number; errorCode: string; retryable: boolean };

/** Options of {@link redisHealth}. */
export interface RedisHealthOptions {
  /** Longest the `PING` may take before Redis reports down. @defaultValue 1000 */
  timeoutMs?: number;
}

/**
 * Probes Redis with `PING` and reports up or down with the round-trip time, for a server's `/ready`
 * and `/health`. Never throws.
 *
 * @example
 * ```ts
 * app.get('/ready', async (_request, response) => {
 *   const redis = await redisHealth(connection);
 *   response.status(redis.status === 'up' ? 200 : 503).json({ redis });
 * });
 * ```
 */
export async function redisHealth(
  client: RedisClientLike | RedisConnection,
  options: RedisHealthOptions = {},
): Promise<RedisHealth> {
  const connection =
    client instanceof RedisConnection
      ? client
      : new RedisConnection({ client, commandTimeoutMs: options.timeoutMs ?? 1000 });
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 100) / 100;
  try {
    await connection.command('health', ['PING']);
    return { status: 'up', latencyMs: elapsed() };
  } catch (error) {
    const failure = toRedisError(error, 'health');
    return {
      status: 'down',
      latencyMs: elapsed(),
      errorCode: failure.code,
      retryable: failure.retryable,
    };
  }
}
