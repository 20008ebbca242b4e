import { describe, expect, it } from 'vitest';
import { ManualClock, createMemoryPorts } from '@enterprisehub/core/testing';
import { createGhlClient } from '@enterprisehub/ghl';
import { createFakeGhl, type FakeGhlCall } from '@enterprisehub/ghl/testing';
import { drive } from './support/drive';
import { setupClient } from './support/setup-client';

/** Largest number of accepted requests the fake saw in any `windowMs` span. */
function busiestWindow(calls: FakeGhlCall[], windowMs: number): number {
  const times = calls.filter((call) => call.status !== 429).map((call) => call.at).sort((left, right) => left - right);
  let best = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('GHL client rate limiting', () => {
  it('adopts a tighter advertised limit from the first response headers: no 429 at all', async () => {
    const { clock, fake, client } = setupClient({ fake: { limits: { burstMax: 20, burstIntervalMs: 2_000 } } });
    const started = clock.now();
    const all = Promise.all(Array.from({ length: 120 }, () => client.workflows.list()));
    await drive(clock, all, { stepMs: 20 });
    expect(fake.rateLimitedCount).toBe(0);
    expect(fake.calls.filter((call) => call.status === 429)).toHaveLength(0);
    expect(client.rateLimitState()).toMatchObject({ burstMax: 20, burstIntervalMs: 2_000 });
    // 120 requests at 20 per 2 s take at least 5 full windows.
    expect(clock.now() - started).toBeGreaterThanOrEqual(10_000);
    expect(busiestWindow(fake.calls, 2_000)).toBeLessThanOrEqual(20);
  });

  it('without header adaptation the same load trips 429s (and still completes through retries)', async () => {
    const { clock, fake, client } = setupClient({ fake: { limits: { burstMax: 20, burstIntervalMs: 2_000 } }, client: { rateLimit: { adaptive: false } } });
    await drive(clock, Promise.all(Array.from({ length: 60 }, () => client.workflows.list())), { stepMs: 20 });
    expect(fake.rateLimitedCount).toBeGreaterThan(0);
  });

  it('counts requests of another client on the same location from X-RateLimit-Remaining', async () => {
    const clock = new ManualClock();
    const fake = createFakeGhl({ clock, limits: { burstMax: 30, burstIntervalMs: 3_000 } });
    const other = createGhlClient({ locationId: fake.locationId, accessToken: 'pit', fetch: fake.fetch, clock, rateLimit: { adaptive: false } });
    await drive(clock, Promise.all(Array.from({ length: 25 }, () => other.workflows.list())));
    const client = createGhlClient({ locationId: fake.locationId, accessToken: 'pit', fetch: fake.fetch, clock });
    await drive(clock, Promise.all(Array.from({ length: 40 }, () => client.workflows.list())), { stepMs: 20 });
    expect(fake.rateLimitedCount).toBe(0);
  });

  it('keeps two instances sharing a limiter within one location budget', async () => {
    const clock = new ManualClock();
    const { rateLimiter } = createMemoryPorts({ clock });
    const fake = createFakeGhl({ clock });
    const make = () =>
      createGhlClient({ locationId: fake.locationId, accessToken: 'pit', fetch: fake.fetch, clock, limiter: rateLimiter, tenantId: 'agency-1', rateLimit: { adaptive: false } });
    const [first, second] = [make(), make()];
    const load = [...Array.from({ length: 150 }, () => first.workflows.list()), ...Array.from({ length: 150 }, () => second.workflows.list())];
    await drive(clock, Promise.all(load), { stepMs: 20 });
    expect(fake.rateLimitedCount).toBe(0);
    expect(busiestWindow(fake.calls, 10_000)).toBeLessThanOrEqual(100);
  });

  it('two instances without a shared limiter (and without headers) overrun the budget — the control case', async () => {
    const clock = new ManualClock();
    const fake = createFakeGhl({ clock });
    const make = () => createGhlClient({ locationId: fake.locationId, accessToken: 'pit', fetch: fake.fetch, clock, rateLimit: { adaptive: false }, retry: { random: () => 0.5 } });
    const [first, second] = [make(), make()];
    await drive(clock, Promise.all([...Array.from({ length: 80 }, () => first.workflows.list()), ...Array.from({ length: 80 }, () => second.workflows.list())]), { stepMs: 20 });
    expect(fake.rateLimitedCount).toBeGreaterThan(0);
  });

  it('serves high-priority requests (replies) before queued low-priority ones (bulk syncs)', async () => {
    const { clock, client } = setupClient({ client: { rateLimit: { concurrency: 1 } } });
    const order: string[] = [];
    const bulk = Array.from({ length: 5 }, (_, index) => client.workflows.list({ priority: 'low' }).then(() => order.push(`bulk-${index}`)));
    const reply = client.users.list({ priority: 'high' }).then(() => order.push('reply'));
    await drive(clock, Promise.all([...bulk, reply]));
    expect(order.indexOf('reply')).toBeLessThanOrEqual(1);
  });

  it('stops before the daily budget GHL reports is spent, without sending', async () => {
    const { clock, fake, client } = setupClient({ fake: { limits: { dailyMax: 3 } } });
    for (let index = 0; index < 3; index += 1) await drive(clock, client.workflows.list());
    const error = await drive(clock, client.workflows.list()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'GHL_DAILY_LIMIT_REACHED', retryable: true });
    expect(fake.calls).toHaveLength(3);
    expect(client.rateLimitState().dailyRemaining).toBeLessThanOrEqual(0);
  });

  it('honours a configured daily budget below GHL’s', async () => {
    const { clock, fake, client } = setupClient({ client: { rateLimit: { dailyMax: 2 } } });
    await drive(clock, client.workflows.list());
    await drive(clock, client.workflows.list());
    await expect(drive(clock, client.workflows.list())).rejects.toMatchObject({ code: 'GHL_DAILY_LIMIT_REACHED' });
    expect(fake.calls).toHaveLength(2);
  });

  it('sends a single probe until the first rate-limit headers arrive', async () => {
    const { clock, fake, client } = setupClient();
    fake.scenarios.slowResponse({ delayMs: 1_000 });
    await drive(clock, Promise.all(Array.from({ length: 5 }, () => client.workflows.list())));
    const [probe, next] = fake.calls;
    expect(fake.calls).toHaveLength(5);
    expect((next?.at ?? 0) - (probe?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(client.rateLimitState().inFlight).toBe(0);
  });
});
