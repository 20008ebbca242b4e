/**
 * Performance tracker benchmark: record() throughput, stats() latency for the exact 1h window at
 * 10,000 entries and for the sketched 7d window, and memory for 3 bots × 4 operations × 7 days.
 * Run: `pnpm bench tracker` (or `node --expose-gc --import tsx packages/observability/bench/tracker.bench.ts`).
 */
import type { Clock } from '@enterprisehub/core';
import { createPerformanceTracker } from '@enterprisehub/observability';

const BOTS = ['lead', 'buyer', 'seller'] as const;
const OPERATIONS = ['process', 'full_qualification', 'handoff', 'execute'] as const;
const HOUR = 3_600_000;

const current = Date.UTC(2026, 0, 1);
const clock: Clock = {
  now: () => current,
  sleep: () => Promise.resolve(),
  setTimer: () => ({ cancel: () => undefined }),
};

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMb = (): number => process.memoryUsage().heapUsed / 1_048_576;
const format = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function measureRecord(label: string, withTenant: boolean): void {
  const tracker = createPerformanceTracker({ clock });
  const total = 3_000_000;
  const durations = Float64Array.from({ length: 4096 }, (_, index) => 50 + ((index * 7919) % 2500));
  for (let round = 0; round < 2; round += 1) {
    const started = performance.now();
    for (let index = 0; index < total; index += 1) {
      tracker.record({
        ...(withTenant ? { tenantId: 't1' } : {}),
        bot: BOTS[index % 3] ?? 'lead',
        operation: OPERATIONS[index & 3] ?? 'process',
        durationMs: durations[index & 4095] ?? 100,
        success: (index & 63) !== 0,
        at: current + index,
      });
    }
    const seconds = (performance.now() - started) / 1000;
    if (round === 1) console.log(`record() ${label}: ${format(total / seconds)} records/s`);
  }
}

function timeCalls(calls: number, run: () => void): { meanUs: number; p99Us: number } {
  const samples: number[] = [];
  for (let index = 0; index < calls; index += 1) {
    const started = performance.now();
    run();
    samples.push((performance.now() - started) * 1000);
  }
  samples.sort((left, right) => left - right);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return { meanUs: mean, p99Us: samples[Math.ceil(0.99 * samples.length) - 1] ?? 0 };
}

function measureStats(): void {
  const tracker = createPerformanceTracker({ clock });
  for (let index = 0; index < 10_000; index += 1) {
    tracker.record({
      bot: 'lead',
      operation: 'process',
      durationMs: 50 + ((index * 7919) % 2500),
      success: true,
      at: current - HOUR + 1 + index * 300,
    });
  }
  const exact = timeCalls(2000, () =>
    tracker.stats({ bot: 'lead', operation: 'process', window: '1h' }),
  );
  const count = tracker.stats({ bot: 'lead', operation: 'process', window: '1h' }).count;
  console.log(
    `stats() exact 1h at ${format(count)} entries: mean ${format(exact.meanUs, 1)} µs, p99 ${format(exact.p99Us, 1)} µs`,
  );
}

function fillWeek(recordsPerSecond: number): {
  tracker: ReturnType<typeof createPerformanceTracker>;
  records: number;
  seconds: number;
} {
  const tracker = createPerformanceTracker({ clock });
  const start = current - 7 * 24 * HOUR;
  const step = 1000 / recordsPerSecond;
  const total = Math.floor((7 * 24 * HOUR) / step);
  const started = performance.now();
  for (let index = 0; index < total; index += 1) {
    const series = index % 12;
    tracker.record({
      tenantId: 't1',
      bot: BOTS[series % 3] ?? 'lead',
      operation: OPERATIONS[Math.floor(series / 3)] ?? 'process',
      durationMs: 40 + ((index * 7919) % 3000),
      success: index % 97 !== 0,
      at: start + index * step,
    });
  }
  return { tracker, records: total, seconds: (performance.now() - started) / 1000 };
}

function measureWeek(recordsPerSecond: number, label: string): void {
  collectGarbage();
  const before = heapMb();
  const { tracker, records, seconds } = fillWeek(recordsPerSecond);
  collectGarbage();
  const after = heapMb();
  const week = timeCalls(500, () =>
    tracker.stats({ bot: 'buyer', operation: 'handoff', window: '7d' }),
  );
  const day = timeCalls(500, () =>
    tracker.stats({ bot: 'buyer', operation: 'handoff', window: '24h' }),
  );
  const tenantWeek = timeCalls(500, () =>
    tracker.stats({ tenantId: 't1', bot: 'buyer', operation: 'handoff', window: '7d' }),
  );
  console.log(
    `7 days, 3 bots × 4 operations, ${label}: ${format(records)} records filled in ${format(seconds, 1)} s`,
  );
  console.log(`  heap for tracker (deployment + tenant series): ${format(after - before, 1)} MB`);
  console.log(
    `  stats() 7d: mean ${format(week.meanUs, 1)} µs, p99 ${format(week.p99Us, 1)} µs (tenant-scoped: mean ${format(tenantWeek.meanUs, 1)} µs)`,
  );
  console.log(`  stats() 24h: mean ${format(day.meanUs, 1)} µs, p99 ${format(day.p99Us, 1)} µs`);
  if (tracker.stats({ bot: 'lead', operation: 'process', window: '7d' }).count === 0)
    throw new Error('nothing recorded');
}

measureRecord('deployment-wide (no tenant)', false);
measureRecord('with tenantId (deployment + tenant series)', true);
measureStats();
measureWeek(10, '10 records/s in total');
if (process.argv.includes('--heavy')) measureWeek(120, '10 records/s per series (120/s)');
