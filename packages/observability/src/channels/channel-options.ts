import type { Clock } from '@enterprisehub/core';

/** Retry policy of a channel: 429, 5xx, timeouts and network errors are retried; other 4xx are not. */
export interface ChannelRetryOptions {
  /** Attempts in total, including the first. @defaultValue 3 */
  maxAttempts?: number;
  /** First backoff delay, doubled per attempt (with jitter), ms. @defaultValue 500 */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay, also for `Retry-After`, ms. @defaultValue 10000 */
  maxDelayMs?: number;
}

/** Per-channel rate limit: at most `limit` notifications per `windowMs`; waits up to `maxWaitMs` for a slot. */
export interface ChannelRateLimitOptions {
  /** Notifications per window. */
  limit: number;
  /** Window length, ms. */
  windowMs: number;
  /** Longest wait for a free slot before failing with `ALERT_CHANNEL_RATE_LIMITED`, ms. @defaultValue 30000 */
  maxWaitMs?: number;
}

/** Options every channel factory accepts. */
export interface ChannelCommonOptions {
  /** Channel instance name (rules and escalation levels may refer to it); defaults to the kind. */
  name?: string;
  /** Clock for backoff, timeouts and the rate limit. @defaultValue systemClock */
  clock?: Clock;
  /** Timeout of one attempt, ms. @defaultValue 10000 */
  timeoutMs?: number;
  /** Retry policy. */
  retry?: ChannelRetryOptions;
  /** Rate limit; each channel has a sensible default, `false` disables it. */
  rateLimit?: ChannelRateLimitOptions | false;
  /** Whether the channel receives resolved notices. @defaultValue true */
  sendResolved?: boolean;
}

/** Options of the HTTP channels. */
export interface HttpChannelOptions extends ChannelCommonOptions {
  /** `fetch` implementation (tests, proxies). @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
}
