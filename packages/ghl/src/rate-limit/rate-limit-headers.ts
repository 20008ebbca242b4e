/** What GHL's `X-RateLimit-*` (and `Retry-After`) response headers said; absent headers are `undefined`. */
export interface RateLimitHeaders {
  /** `X-RateLimit-Max`: requests allowed per burst interval. */
  max: number | undefined;
  /** `X-RateLimit-Remaining`: requests left in the current interval. */
  remaining: number | undefined;
  /** `X-RateLimit-Interval-Milliseconds`: length of the burst interval. */
  intervalMs: number | undefined;
  /** `X-RateLimit-Limit-Daily`: requests allowed per day. */
  dailyLimit: number | undefined;
  /** `X-RateLimit-Daily-Remaining`: requests left today. */
  dailyRemaining: number | undefined;
  /** `Retry-After` (seconds or an HTTP date), as ms from `now`. */
  retryAfterMs: number | undefined;
}

function count(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function retryAfter(headers: Headers, now: number): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Reads GHL's rate-limit headers from a response. */
export function parseRateLimitHeaders(headers: Headers, now: number): RateLimitHeaders {
  return {
    max: count(headers, 'x-ratelimit-max'),
    remaining: count(headers, 'x-ratelimit-remaining'),
    intervalMs: count(headers, 'x-ratelimit-interval-milliseconds'),
    dailyLimit: count(headers, 'x-ratelimit-limit-daily'),
    dailyRemaining: count(headers, 'x-ratelimit-daily-remaining'),
    retryAfterMs: retryAfter(headers, now),
  };
}
