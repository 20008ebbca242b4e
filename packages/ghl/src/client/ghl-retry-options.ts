/** Retry settings of a GHL client. */
export interface GhlRetryOptions {
  /** Attempts for a request that fails with 5xx, a timeout or a network error (idempotent requests only). @defaultValue `4` */
  maxAttempts?: number;
  /** Retries after 429 answers (always safe: GHL did not process the request). @defaultValue `6` */
  maxRateLimitRetries?: number;
  /** First backoff, ms; doubles per attempt. @defaultValue `250` */
  baseDelayMs?: number;
  /** Largest backoff, ms. @defaultValue `8000` */
  maxDelayMs?: number;
  /** Random source for jitter, `[0, 1)`. @defaultValue `Math.random` */
  random?: () => number;
}

/** Exponential backoff with equal jitter: half the capped delay plus a random half. @internal */
export function backoffDelay(attempt: number, options: GhlRetryOptions): number {
  const cap = Math.min(options.maxDelayMs ?? 8000, (options.baseDelayMs ?? 250) * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + ((options.random ?? Math.random)() * cap) / 2);
}
