/**
 * Budget benchmark: 10,000 calls through one GHL client against the fake at its limit.
 *
 * 1. Virtual time at GHL's published limit (100 per 10 s): the clock jumps to the next timer whenever the
 *    program is idle, so ~17 minutes of pacing run in seconds and the share of the budget is exact.
 * 2. Real time with a compressed window (100 per 250 ms, ~25 s): real timers and event-loop latency; the
 *    40× compression makes every millisecond of latency weigh 40× more than against GHL.
 *
 * Prints the achieved rate as a share of the budget (target ≥ 95%), the 429 count (target 0) and the
 * limiter's own overhead per call. Run: `pnpm bench budget`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MemoryRateLimiter, systemClock, type Clock } from '@enterprisehub/core';
import { createGhlClient } from '@enterprisehub/ghl';
import { createFakeGhl } from '@enterprisehub/ghl/testing';
import { LocationRateLimiter } from '../src/rate-limit/location-rate-limiter';
import { VirtualClock } from './virtual-clock';

const CALLS = 10_000;
const out = (line: string): void => void process.stdout.write(`${line}\n`);

/** A figure for `bench/results/budget.json` (read by `pnpm bench`'s summary). */
interface Figure {
  figure: string;
  value: number | null;
  unit: string;
  target?: string;
  met?: boolean | null;
  note?: string;
}
const figures: Figure[] = [];

function writeResults(): void {
  const dir = resolve(import.meta.dirname, '../../../bench/results');
  mkdirSync(dir, { recursive: true });
  const cpus = os.cpus();
  const machine = {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
  };
  writeFileSync(
    join(dir, 'budget.json'),
    `${JSON.stringify({ bench: 'budget', at: new Date().toISOString(), machine, figures }, null, 2)}\n`,
  );
}

async function atTheLimit(options: {
  label: string;
  clock: Clock;
  burstMax: number;
  intervalMs: number;
  run: <T>(work: Promise<T>) => Promise<T>;
}): Promise<void> {
  const { clock, burstMax, intervalMs } = options;
  const fake = createFakeGhl({ clock, limits: { burstMax, burstIntervalMs: intervalMs } });
  const client = createGhlClient({
    locationId: fake.locationId,
    accessToken: 'pit',
    fetch: fake.fetch,
    clock,
    rateLimit: { concurrency: 10 },
  });
  const wallStarted = performance.now();
  await options.run(Promise.all(Array.from({ length: CALLS }, () => client.workflows.list())));
  const wallMs = performance.now() - wallStarted;
  const accepted = fake.calls.filter((call) => call.status === 200);
  const spanMs = (accepted.at(-1)?.at ?? 0) - (accepted[0]?.at ?? 0);
  // N calls at B per I ms need at least (N - B) / B × I ms after the first burst.
  const idealSpanMs = ((CALLS - burstMax) / burstMax) * intervalMs;
  const state = client.rateLimitState();
  out(`calls                      ${CALLS} at a budget of ${burstMax} per ${intervalMs} ms`);
  out(
    `span of accepted calls     ${(spanMs / 1000).toFixed(1)} s (ideal ${(idealSpanMs / 1000).toFixed(1)} s), wall time ${(wallMs / 1000).toFixed(1)} s`,
  );
  out(
    `achieved rate              ${((CALLS / spanMs) * 1000).toFixed(1)}/s of ${((burstMax / intervalMs) * 1000).toFixed(1)}/s`,
  );
  out(`share of budget            ${((idealSpanMs / spanMs) * 100).toFixed(1)}% (target ≥ 95%)`);
  out(
    `429 answers                ${fake.calls.filter((call) => call.status === 429).length} (target 0)`,
  );
  out(`client waits               ${state.waits} requests waited for budget`);
  const share = spanMs > 0 ? Math.round((idealSpanMs / spanMs) * 1000) / 10 : null;
  const rejected = fake.calls.filter((call) => call.status === 429).length;
  figures.push(
    {
      figure: `GHL budget ${options.label}: share of budget`,
      value: share,
      unit: '%',
      target: '≥ 95',
      met: share === null ? null : share >= 95,
      note: `${CALLS} calls at ${burstMax} per ${intervalMs} ms`,
    },
    {
      figure: `GHL budget ${options.label}: 429 answers`,
      value: rejected,
      unit: '',
      target: '0',
      met: rejected === 0,
    },
  );
}

async function limiterOverhead(): Promise<void> {
  const iterations = 200_000;
  const measure = async (limiter: LocationRateLimiter): Promise<number> => {
    const started = performance.now();
    for (let index = 0; index < iterations; index += 1) {
      const permit = await limiter.acquire();
      limiter.complete(permit, undefined, 200);
    }
    return ((performance.now() - started) * 1_000_000) / iterations;
  };
  const unlimited = { burstMax: Number.MAX_SAFE_INTEGER, dailyMax: Number.MAX_SAFE_INTEGER };
  const local = new LocationRateLimiter({
    config: unlimited,
    clock: systemClock,
    tenantId: 't',
    locationId: 'l',
  });
  const shared = new LocationRateLimiter({
    config: { ...unlimited, burstIntervalMs: 1 },
    clock: systemClock,
    tenantId: 't',
    locationId: 'l',
    limiter: new MemoryRateLimiter(),
  });
  out(
    `limiter overhead per call  ${(await measure(local)).toFixed(0)} ns (local window + daily budget, no wait)`,
  );
  const sharedIterations = 20_000;
  const started = performance.now();
  for (let index = 0; index < sharedIterations; index += 1) {
    const permit = await shared.acquire();
    shared.complete(permit, undefined, 200);
  }
  out(
    `  with a shared limiter    ${(((performance.now() - started) * 1_000_000) / sharedIterations).toFixed(0)} ns (in-memory RateLimiter port; Redis adds a round trip)`,
  );
}

async function naivePeer(): Promise<void> {
  const fake = createFakeGhl({ limits: { burstMax: 20, burstIntervalMs: 2_000 } });
  const responses = await Promise.all(
    Array.from({ length: 120 }, () =>
      fake.fetch('https://services.leadconnectorhq.com/workflows/?locationId=fake-location', {
        headers: { authorization: 'Bearer pit', version: '2021-07-28' },
      }),
    ),
  );
  out(
    `naive peer (no pacing)     ${responses.filter((response) => response.status === 429).length} of 120 concurrent calls got 429 at 20 per 2 s`,
  );
}

out("━━ 1. virtual time, GHL's published limit");
const virtual = new VirtualClock();
await atTheLimit({
  label: 'virtual time, 100/10 s',
  clock: virtual,
  burstMax: 100,
  intervalMs: 10_000,
  run: (work) => virtual.run(work),
});
out('━━ 2. real time, compressed window');
await atTheLimit({
  label: 'real time, 100/250 ms',
  clock: systemClock,
  burstMax: 100,
  intervalMs: 250,
  run: (work) => work,
});
out('━━ limiter overhead');
await limiterOverhead();
out('━━ for comparison');
await naivePeer();
writeResults();
