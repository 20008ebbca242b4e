import { describe, expect, it } from 'vitest';
import { ManualClock, createMemoryPorts } from '@enterprisehub/core/testing';
import { LocationRateLimiter } from './location-rate-limiter';
import { parseRateLimitHeaders, type RateLimitHeaders } from './rate-limit-headers';
import { SlidingWindowLog } from './sliding-window-log';

const headers = (values: Partial<RateLimitHeaders>): RateLimitHeaders => ({
  max: undefined, remaining: undefined, intervalMs: undefined, dailyLimit: undefined, dailyRemaining: undefined, retryAfterMs: undefined, ...values,
});

function limiter(config: ConstructorParameters<typeof LocationRateLimiter>[0]['config'] = {}, extra: Partial<ConstructorParameters<typeof LocationRateLimiter>[0]> = {}) {
  const clock = new ManualClock();
  return { clock, limiter: new LocationRateLimiter({ config: { adaptive: false, ...config }, clock, tenantId: 't', locationId: 'l', ...extra }) };
}

/** Acquires and completes `count` permits at the current time. */
async function spend(subject: LocationRateLimiter, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) subject.complete(await subject.acquire(), undefined, 200);
}

describe('LocationRateLimiter', () => {
  it('grants the burst, then waits for the window (plus margin) to slide', async () => {
    const { clock, limiter: subject } = limiter({ burstMax: 3, burstIntervalMs: 1_000 });
    await spend(subject, 3);
    let granted = false;
    const next = subject.acquire().then(() => (granted = true));
    await clock.advanceAsync(999);
    expect(granted).toBe(false);
    await clock.advanceAsync(20);
    await next;
    expect(subject.snapshot()).toMatchObject({ waits: 1, inFlight: 1 });
  });

  it('fills the window after a 429 and returns the advertised interval as wait', async () => {
    const { limiter: subject } = limiter({ burstMax: 10, burstIntervalMs: 1_000 });
    const permit = await subject.acquire();
    expect(subject.complete(permit, headers({ retryAfterMs: 3_000 }), 429)).toBe(3_000);
    expect(subject.snapshot()).toMatchObject({ burstUsed: 10, rateLimitedResponses: 1 });
  });

  it('adopts advertised limits by default but keeps an explicit configuration as a ceiling', async () => {
    const defaults = limiter({ adaptive: true }).limiter;
    defaults.complete(await defaults.acquire(), headers({ max: 200, intervalMs: 10_000, remaining: 199 }), 200);
    expect(defaults.snapshot().burstMax).toBe(200);
    const explicit = limiter({ adaptive: true, burstMax: 50, burstIntervalMs: 10_000 }).limiter;
    explicit.complete(await explicit.acquire(), headers({ max: 20, intervalMs: 2_000, remaining: 19 }), 200);
    expect(explicit.snapshot()).toMatchObject({ burstMax: 10, burstIntervalMs: 2_000 });
  });

  it('counts budget other clients spent when GHL reports less remaining than we used', async () => {
    const { limiter: subject } = limiter({ adaptive: true });
    subject.complete(await subject.acquire(), headers({ max: 100, intervalMs: 10_000, remaining: 40 }), 200);
    expect(subject.snapshot().burstUsed).toBe(60);
  });

  it('waits for the shared limiter when another instance holds the budget', async () => {
    const clock = new ManualClock();
    const { rateLimiter } = createMemoryPorts({ clock });
    const make = () => new LocationRateLimiter({ config: { adaptive: false, burstMax: 2, burstIntervalMs: 1_000 }, clock, tenantId: 't', locationId: 'l', limiter: rateLimiter });
    const [first, second] = [make(), make()];
    await spend(first, 2);
    let granted = false;
    const pending = second.acquire().then(() => (granted = true));
    await clock.advanceAsync(500);
    expect(granted).toBe(false);
    await clock.advanceAsync(600);
    await pending;
  });

  it('refuses with GHL_DAILY_LIMIT_REACHED once the configured day is spent and resets a day later', async () => {
    const { clock, limiter: subject } = limiter({ dailyMax: 2 });
    await spend(subject, 2);
    await expect(subject.acquire()).rejects.toMatchObject({ code: 'GHL_DAILY_LIMIT_REACHED', retryable: true });
    clock.advance(86_400_000);
    await expect(subject.acquire()).resolves.toBeDefined();
  });

  it('stops waiting when aborted', async () => {
    const { limiter: subject } = limiter({ burstMax: 1, burstIntervalMs: 10_000 });
    await spend(subject, 1);
    const controller = new AbortController();
    const pending = subject.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});

describe('SlidingWindowLog', () => {
  it('tells how long until a slot frees', () => {
    const log = new SlidingWindowLog();
    log.add(0, 2);
    log.add(400);
    log.prune(500, 1_000);
    expect(log.waitForSlot(500, 1_000, 4)).toBe(0);
    expect(log.waitForSlot(500, 1_000, 3)).toBe(500);
    expect(log.waitForSlot(500, 1_000, 1)).toBe(900);
  });
});

describe('parseRateLimitHeaders', () => {
  it('reads GHL’s headers and Retry-After in seconds or as a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const parsed = parseRateLimitHeaders(
      new Headers({ 'X-RateLimit-Max': '100', 'X-RateLimit-Remaining': '7', 'X-RateLimit-Interval-Milliseconds': '10000', 'X-RateLimit-Limit-Daily': '200000', 'X-RateLimit-Daily-Remaining': '199990', 'Retry-After': '2' }),
      now,
    );
    expect(parsed).toEqual({ max: 100, remaining: 7, intervalMs: 10_000, dailyLimit: 200_000, dailyRemaining: 199_990, retryAfterMs: 2_000 });
    expect(parseRateLimitHeaders(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now).retryAfterMs).toBe(5_000);
    expect(parseRateLimitHeaders(new Headers({ 'x-ratelimit-max': 'lots' }), now).max).toBeUndefined();
  });
});
