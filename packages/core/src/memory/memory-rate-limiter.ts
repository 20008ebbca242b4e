/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import type { Clock } from '../ports/clock';
import type { RateLimitOptions, RateLimitResult, RateLimiter } from '../ports/rate-limiter';
import type { TenantScoped } from '../ports/tenant-scoped';
import { systemClock } from '../ports/system-clock';
import { TenantMap, throwIfAborted } from './memory-support';

interface Hit {
  at: number;
  cost: number;
}

/** Options for {@link createMemoryRateLimiter}. */
export interface MemoryRateLimiterOptions {
  /** Time source; default {@link systemClock}. */
  clock?: Clock;
}

/** In-process sliding-log {@link RateLimiter}: exact counts over the last `windowMs`. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly logs = new TenantMap<Hit[]>();
  private readonly clock: Clock;

  /** Creates a limiter with empty counters. */
  constructor(options: MemoryRateLimiterOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  /** {@inheritDoc RateLimiter.consume} */
  async consume(options: RateLimitOptions): Promise<RateLimitResult> {
    throwIfAborted(options.signal);
    return this.check(options, true);
  }

  /** {@inheritDoc RateLimiter.peek} */
  async peek(options: RateLimitOptions): Promise<RateLimitResult> {
    throwIfAborted(options.signal);
    return this.check(options, false);
  }

  /** {@inheritDoc RateLimiter.reset} */
  async reset(options: TenantScoped & { key: string }): Promise<void> {
    throwIfAborted(options.signal);
    this.logs.delete(options.tenantId, options.key);
  }

  private check(options: RateLimitOptions, record: boolean): RateLimitResult {
    const now = this.clock.now();
    const cost = options.cost ?? 1;
    const hits = (this.logs.get(options.tenantId, options.key) ?? []).filter(
      (hit) => hit.at + options.windowMs > now,
    );
    const used = hits.reduce((sum, hit) => sum + hit.cost, 0);
    if (used + cost <= options.limit) {
      if (record) hits.push({ at: now, cost });
      this.store(options, hits);
      return {
        allowed: true,
        remaining: options.limit - used - (record ? cost : 0),
        retryAfterMs: 0,
      };
    }
    this.store(options, hits);
    return {
      allowed: false,
      remaining: Math.max(0, options.limit - used),
      retryAfterMs: retryAfter({ hits, used, options, now }),
    };
  }

  private store(options: RateLimitOptions, hits: Hit[]): void {
    if (hits.length === 0) this.logs.delete(options.tenantId, options.key);
    else this.logs.set(options.tenantId, options.key, hits);
  }
}

function retryAfter({
  hits,
  used,
  options,
  now,
}: {
  hits: Hit[];
  used: number;
  options: RateLimitOptions;
  now: number;
}): number {
  const cost = options.cost ?? 1;
  if (cost > options.limit) return options.windowMs;
  let freed = 0;
  for (const hit of hits) {
    freed += hit.cost;
    if (used - freed + cost <= options.limit) return Math.max(1, hit.at + options.windowMs - now);
  }
  return options.windowMs;
}

/**
 * Creates an in-process sliding-window rate limiter.
 *
 * @example
 * ```ts
 * const limiter = createMemoryRateLimiter({ clock });
 * const { allowed, retryAfterMs } = await limiter.consume({ tenantId, key: `handoff:${contactId}`, limit: 3, windowMs: 3_600_000 });
 * ```
 */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions = {}): MemoryRateLimiter {
  return new MemoryRateLimiter(options);
}
