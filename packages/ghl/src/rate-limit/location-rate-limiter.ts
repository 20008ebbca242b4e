import { EnterpriseHubError, type Clock, type RateLimiter } from '@enterprisehub/core';
import type { GhlRateLimitOptions, GhlRateLimitSnapshot } from './ghl-rate-limit-options';
import type { RateLimitHeaders } from './rate-limit-headers';
import { SlidingWindowLog } from './sliding-window-log';

const DAY_MS = 86_400_000;
const DAILY_PROBE_MS = 60_000;

/** Construction options of {@link LocationRateLimiter}. @internal */
export interface LocationRateLimiterOptions {
  config: GhlRateLimitOptions;
  clock: Clock;
  tenantId: string;
  locationId: string;
  /** Shared budget across instances (core RateLimiter port). */
  limiter?: RateLimiter | undefined;
  /** Called once per acquire that had to wait. */
  onWait?: ((waitMs: number) => void) | undefined;
}

/** A granted request slot; report its outcome with {@link LocationRateLimiter.complete}. @internal */
export interface RatePermit {
  readonly sequence: number;
}

/**
 * Paces one location's requests: a sliding-window burst limit, a daily budget, GHL's `X-RateLimit-*`
 * headers (adaptive) and optionally a shared {@link RateLimiter} so several instances share one budget. @internal
 */
export class LocationRateLimiter {
  private readonly log = new SlidingWindowLog();
  private readonly configuredMax: number;
  private readonly configuredIntervalMs: number;
  private burstMax: number;
  private intervalMs: number;
  private headersSeen = false;
  private inFlight = 0;
  private sequence = 0;
  private releaseWaiters: (() => void)[] = [];
  private dailyWindowStart: number | undefined;
  private dailyCount = 0;
  private serverDaily: { remaining: number; observedAt: number } | undefined;
  private serverRemaining: number | undefined;
  private waits = 0;
  private totalWaitMs = 0;
  private rateLimitedResponses = 0;

  constructor(private readonly options: LocationRateLimiterOptions) {
    this.configuredMax = options.config.burstMax ?? 100;
    this.configuredIntervalMs = options.config.burstIntervalMs ?? 10_000;
    this.burstMax = this.configuredMax;
    this.intervalMs = this.configuredIntervalMs;
  }

  private get adaptive(): boolean {
    return this.options.config.adaptive !== false;
  }

  private get windowMs(): number {
    return this.intervalMs + (this.options.config.safetyMarginMs ?? Math.min(100, Math.ceil(this.intervalMs * 0.01)));
  }

  /** Waits until a request may be sent and counts it. Throws `GHL_DAILY_LIMIT_REACHED` when the day's budget is spent. */
  async acquire(signal?: AbortSignal): Promise<RatePermit> {
    const { clock } = this.options;
    let waitedMs = 0;
    for (;;) {
      signal?.throwIfAborted();
      const now = clock.now();
      this.checkDaily(now);
      if (this.adaptive && !this.headersSeen && this.inFlight > 0) {
        const started = clock.now();
        await this.waitForRelease(signal);
        waitedMs += clock.now() - started;
        continue;
      }
      this.log.prune(now, this.windowMs);
      // In-flight requests count as sent "now"; finished ones at their completion time (never earlier than GHL saw them).
      const room = this.burstMax - this.inFlight;
      if (room <= 0) {
        const started = clock.now();
        await this.waitForRelease(signal);
        waitedMs += clock.now() - started;
        continue;
      }
      const wait = this.log.waitForSlot(now, this.windowMs, room);
      if (wait > 0) {
        waitedMs += wait;
        await clock.sleep(wait, signal);
        continue;
      }
      // Count the request synchronously, before any await, so concurrent acquires see it.
      this.dailyCount += 1;
      if (this.serverDaily !== undefined) this.serverDaily.remaining -= 1;
      this.inFlight += 1;
      this.sequence += 1;
      break;
    }
    // Holding a local slot, wait for the budget shared with other instances.
    try {
      for (let shared = await this.consumeShared(signal); shared > 0; shared = await this.consumeShared(signal)) {
        waitedMs += shared;
        await clock.sleep(shared, signal);
      }
    } catch (error) {
      this.log.add(clock.now());
      this.release();
      throw error;
    }
    if (waitedMs > 0) {
      this.waits += 1;
      this.totalWaitMs += waitedMs;
      this.options.onWait?.(waitedMs);
    }
    return { sequence: this.sequence };
  }

  /**
   * Records a permit's outcome: the response's rate-limit headers (when a response arrived) and its status.
   * Returns how long to wait before retrying when GHL answered 429.
   */
  complete(_permit: RatePermit, headers: RateLimitHeaders | undefined, status: number | undefined): number | undefined {
    const now = this.options.clock.now();
    this.log.add(now);
    this.release();
    if (headers !== undefined && this.adaptive) this.adapt(headers, now);
    if (status !== 429) return undefined;
    this.rateLimitedResponses += 1;
    this.log.prune(now, this.windowMs);
    this.log.add(now, Math.max(0, this.burstMax - this.log.size - this.inFlight));
    return headers?.retryAfterMs ?? this.intervalMs;
  }

  /** Current state, for metrics and dashboards. */
  snapshot(): GhlRateLimitSnapshot {
    const now = this.options.clock.now();
    this.log.prune(now, this.windowMs);
    return {
      burstMax: this.burstMax,
      burstIntervalMs: this.intervalMs,
      burstUsed: this.log.size + this.inFlight,
      serverRemaining: this.serverRemaining,
      dailyRemaining: Math.min(this.serverDaily?.remaining ?? Infinity, (this.options.config.dailyMax ?? 200_000) - this.dailyCount),
      inFlight: this.inFlight,
      waits: this.waits,
      totalWaitMs: this.totalWaitMs,
      rateLimitedResponses: this.rateLimitedResponses,
    };
  }

  private adapt(headers: RateLimitHeaders, now: number): void {
    if (headers.max !== undefined && headers.intervalMs !== undefined && headers.max > 0 && headers.intervalMs > 0) {
      // Defaults yield to what GHL advertises; an explicit configuration stays a ceiling (at the same rate).
      const explicit = this.options.config.burstMax !== undefined || this.options.config.burstIntervalMs !== undefined;
      const rateEquivalent = Math.floor((this.configuredMax * headers.intervalMs) / this.configuredIntervalMs);
      this.burstMax = Math.max(1, explicit ? Math.min(headers.max, rateEquivalent) : headers.max);
      this.intervalMs = headers.intervalMs;
      this.headersSeen = true;
    }
    if (headers.remaining !== undefined) {
      this.headersSeen = true;
      this.serverRemaining = headers.remaining;
      this.log.prune(now, this.windowMs);
      // GHL counted more requests in its window than we finished in ours: someone else (another instance or
      // app) spends this budget. Count the difference as if sent now.
      const usedByServer = this.burstMax - headers.remaining;
      if (usedByServer > this.log.size) this.log.add(now, Math.min(usedByServer, this.burstMax) - this.log.size);
    }
    if (headers.dailyRemaining !== undefined) {
      this.serverDaily = { remaining: headers.dailyRemaining - this.inFlight, observedAt: now };
    }
  }

  private release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    const waiters = this.releaseWaiters;
    this.releaseWaiters = [];
    for (const wake of waiters) wake();
  }

  private checkDaily(now: number): void {
    if (this.dailyWindowStart === undefined || now - this.dailyWindowStart >= DAY_MS) {
      this.dailyWindowStart = now;
      this.dailyCount = 0;
    }
    const localSpent = this.dailyCount >= (this.options.config.dailyMax ?? 200_000);
    const serverSpent =
      this.serverDaily !== undefined && this.serverDaily.remaining <= 0 && now - this.serverDaily.observedAt < DAILY_PROBE_MS;
    if (!localSpent && !serverSpent) return;
    const retryAfterMs = serverSpent ? DAILY_PROBE_MS : this.dailyWindowStart + DAY_MS - now;
    throw new EnterpriseHubError({
      code: 'GHL_DAILY_LIMIT_REACHED',
      message: `The daily GHL request budget of location ${this.options.locationId} is spent.`,
      details: { locationId: this.options.locationId, retryAfterMs },
    });
  }

  private async consumeShared(signal: AbortSignal | undefined): Promise<number> {
    const { limiter } = this.options;
    if (limiter === undefined) return 0;
    const result = await limiter.consume({
      tenantId: this.options.tenantId,
      key: `ghl:burst:${this.options.locationId}`,
      limit: this.burstMax,
      windowMs: this.windowMs,
      ...(signal === undefined ? {} : { signal }),
    });
    return result.allowed ? 0 : Math.max(1, result.retryAfterMs);
  }

  private waitForRelease(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.releaseWaiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }
}
