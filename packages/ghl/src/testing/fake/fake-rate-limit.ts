/** Rate limits the fake enforces per location; defaults are GHL's published ones. */
export interface FakeGhlLimits {
  /** Requests per burst interval. @defaultValue `100` */
  burstMax?: number;
  /** Burst interval, ms. @defaultValue `10000` */
  burstIntervalMs?: number;
  /** Requests per day. @defaultValue `200000` */
  dailyMax?: number;
  /** `sliding` counts any interval-long span (strictest); `fixed` resets at interval boundaries. @defaultValue `'sliding'` */
  window?: 'sliding' | 'fixed';
}

interface Bucket {
  /** Accepted request times (sliding), oldest first from `head`. */
  times: number[];
  head: number;
  windowStart: number;
  count: number;
  dayStart: number;
  dayCount: number;
}

/** Outcome of one rate-limit check: allowed or not, and the `X-RateLimit-*` headers to answer with. @internal */
export interface FakeRateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** GHL-like rate limiting per location with the real `X-RateLimit-*` headers. @internal */
export class FakeRateLimit {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limits: FakeGhlLimits) {}

  /** Counts a request against `bucketKey` unless over the limit (429s are not counted). */
  check(bucketKey: string, now: number): FakeRateDecision {
    const max = this.limits.burstMax ?? 100;
    const intervalMs = this.limits.burstIntervalMs ?? 10_000;
    const dailyMax = this.limits.dailyMax ?? 200_000;
    const bucket = this.bucket(bucketKey, now);
    if (now - bucket.dayStart >= 86_400_000) {
      bucket.dayStart = now;
      bucket.dayCount = 0;
    }
    let used: number;
    if (this.limits.window === 'fixed') {
      if (now - bucket.windowStart >= intervalMs) {
        bucket.windowStart = now - ((now - bucket.windowStart) % intervalMs);
        bucket.count = 0;
      }
      used = bucket.count;
    } else {
      while (bucket.head < bucket.times.length && (bucket.times[bucket.head] ?? Infinity) <= now - intervalMs) bucket.head += 1;
      if (bucket.head > 4096) {
        bucket.times = bucket.times.slice(bucket.head);
        bucket.head = 0;
      }
      used = bucket.times.length - bucket.head;
    }
    const allowed = used < max && bucket.dayCount < dailyMax;
    if (allowed) {
      bucket.count += 1;
      if (this.limits.window !== 'fixed') bucket.times.push(now);
      bucket.dayCount += 1;
      used += 1;
    }
    return {
      allowed,
      headers: {
        'x-ratelimit-limit-daily': String(dailyMax),
        'x-ratelimit-daily-remaining': String(Math.max(0, dailyMax - bucket.dayCount)),
        'x-ratelimit-interval-milliseconds': String(intervalMs),
        'x-ratelimit-max': String(max),
        'x-ratelimit-remaining': String(Math.max(0, max - used)),
      },
    };
  }

  /** The headers of a 429 that was not counted (a scenario storm): nothing remaining in the window. */
  exhaustedHeaders(): Record<string, string> {
    const max = this.limits.burstMax ?? 100;
    return {
      'x-ratelimit-limit-daily': String(this.limits.dailyMax ?? 200_000),
      'x-ratelimit-interval-milliseconds': String(this.limits.burstIntervalMs ?? 10_000),
      'x-ratelimit-max': String(max),
      'x-ratelimit-remaining': '0',
    };
  }

  private bucket(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { times: [], head: 0, windowStart: now, count: 0, dayStart: now, dayCount: 0 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
