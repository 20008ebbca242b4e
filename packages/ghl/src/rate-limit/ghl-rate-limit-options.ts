/** Rate-limit settings of a GHL client, per location; defaults follow GHL's published limits. */
export interface GhlRateLimitOptions {
  /**
   * Requests allowed per burst interval. When left at the default, GHL's advertised `X-RateLimit-Max` /
   * `X-RateLimit-Interval-Milliseconds` replace it; when set, it stays a ceiling (converted to the advertised interval).
   * @defaultValue `100`
   */
  burstMax?: number;
  /** Burst interval, ms (see `burstMax`). @defaultValue `10000` */
  burstIntervalMs?: number;
  /** Requests allowed per day. @defaultValue `200000` */
  dailyMax?: number;
  /** Requests in flight at once (p-queue concurrency). @defaultValue `10` */
  concurrency?: number;
  /**
   * Follow GHL's `X-RateLimit-*` headers: adopt a tighter advertised limit, count requests other clients
   * made against the same budget, send a single probe until the first headers arrive. @defaultValue `true`
   */
  adaptive?: boolean;
  /** Added to the interval so requests that arrive late still fall into the right window, ms. @defaultValue 1% of the interval, at most 100 */
  safetyMarginMs?: number;
}

/** A point-in-time view of a location's rate-limit state. */
export interface GhlRateLimitSnapshot {
  /** Effective burst limit in use. */
  burstMax: number;
  /** Effective burst interval in use, ms. */
  burstIntervalMs: number;
  /** Requests (ours and, when adaptive, other clients') counted in the current window. */
  burstUsed: number;
  /** Last `X-RateLimit-Remaining` GHL sent. */
  serverRemaining: number | undefined;
  /** Estimated requests left today (from `X-RateLimit-Daily-Remaining`, else our own count). */
  dailyRemaining: number;
  /** Requests in flight. */
  inFlight: number;
  /** Requests that had to wait for budget. */
  waits: number;
  /** Total time spent waiting for budget, ms. */
  totalWaitMs: number;
  /** 429 answers received. */
  rateLimitedResponses: number;
}
