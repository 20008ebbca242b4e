import { EnterpriseHubError, type Clock } from '@enterprisehub/core';
import type { ChannelRateLimitOptions } from './channel-options';

/** An in-process sliding-window limiter guarding one channel. */
export interface ChannelRateLimiter {
  /** Takes a slot, waiting up to `maxWaitMs` for one; throws `ALERT_CHANNEL_RATE_LIMITED` otherwise. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * Creates a channel rate limiter (`undefined` options disable it).
 *
 * @example
 * ```ts
 * const limiter = createChannelRateLimiter({ clock, channel: 'slack', limit: { limit: 20, windowMs: 60_000 } });
 * await limiter.acquire();
 * ```
 */
export function createChannelRateLimiter(options: {
  clock: Clock;
  channel: string;
  limit: ChannelRateLimitOptions | undefined;
}): ChannelRateLimiter {
  const { clock, channel, limit } = options;
  if (!limit) return { acquire: () => Promise.resolve() };
  const stamps: number[] = [];
  const maxWaitMs = limit.maxWaitMs ?? 30_000;
  const acquire = async (signal?: AbortSignal, waitedMs = 0): Promise<void> => {
    const now = clock.now();
    while (stamps.length > 0 && (stamps[0] ?? now) <= now - limit.windowMs) stamps.shift();
    if (stamps.length < limit.limit) {
      stamps.push(now);
      return;
    }
    const waitMs = (stamps[0] ?? now) + limit.windowMs - now;
    if (waitedMs + waitMs > maxWaitMs) {
      throw new EnterpriseHubError({
        code: 'ALERT_CHANNEL_RATE_LIMITED',
        message: `Channel ${channel} is over its rate limit of ${limit.limit} per ${limit.windowMs} ms.`,
        details: { channel, retryAfterMs: waitMs },
      });
    }
    await clock.sleep(waitMs, signal);
    await acquire(signal, waitedMs + waitMs);
  };
  return { acquire: (signal) => acquire(signal) };
}
