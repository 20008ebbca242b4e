/**
 * Latency of handoff decisions on the in-memory limiter and lock manager (one thread): allowed decisions (lock,
 * peek, consume, release), low-confidence refusals and circular refusals, plus the compliance guard on an outgoing
 * text and lead scoring. Prints decisions per second and p50/p95/p99 (target: decision p95 < 1 ms).
 *
 *   pnpm bench handoff
 */
import os from 'node:os';
import { DEMO_TENANT, type BotName, type HandoffRecord } from '@enterprisehub/core';
import { ManualClock, createMemoryPorts } from '@enterprisehub/core/testing';
import { createComplianceGuard, createHandoffGovernor, scoreLead } from '../src/index';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20_000);
const clock = new ManualClock();
const ports = createMemoryPorts({ clock });
const governor = createHandoffGovernor({ limiter: ports.rateLimiter, locks: ports.locks, clock });
const guard = createComplianceGuard();
const noon = Date.UTC(2026, 0, 6, 18);

async function measure(
  label: string,
  run: (index: number) => unknown,
): Promise<void> {
  for (let index = 0; index < 1000; index += 1) await run(-index - 1);
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 0; index < ROUNDS; index += 1) {
    const before = performance.now();
    await run(index);
    latencies.push(performance.now() - before);
  }
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const quantile = (q: number): string =>
    (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(4);
  console.log(
    `${label.padEnd(30)} ${Math.round((ROUNDS / elapsedMs) * 1000)
      .toString()
      .padStart(8)} ops/s   ` +
      `p50 ${quantile(0.5)} ms  p95 ${quantile(0.95)} ms  p99 ${quantile(0.99)} ms`,
  );
}

const decide = (
  index: number,
  extra: { from: BotName; to: BotName; confidence: number; history: HandoffRecord[] },
) => governor.decide({ tenantId: DEMO_TENANT.id, contactId: `contact-${index}`, ...extra });

console.log(
  `handoff governor and guard, ${ROUNDS} calls each (load average ${os.loadavg()[0]?.toFixed(1)})`,
);
await measure('decide: allowed', (index) =>
  decide(index, { from: 'lead', to: 'buyer', confidence: 0.9, history: [] }),
);
await measure('decide: low confidence', (index) =>
  decide(index, { from: 'lead', to: 'buyer', confidence: 0.3, history: [] }),
);
const recent: HandoffRecord[] = [{ from: 'buyer', to: 'seller', confidence: 0.9, at: clock.now() }];
await measure('decide: circular', (index) =>
  decide(index, { from: 'seller', to: 'buyer', confidence: 0.9, history: recent }),
);
await measure('compliance check (clean text)', () =>
  guard.check({
    text: 'The 3 bed 2 bath on Oak St is listed at $450,000. Want to tour Saturday?',
    now: noon,
  }),
);
await measure('compliance check (rewrite)', () =>
  guard.check({
    text: 'It is a safe neighborhood, perfect for families, near great schools.',
    now: noon,
  }),
);
await measure('scoreLead', () =>
  scoreLead({
    facts: { preApproved: true, timelineMonths: 2, budgetMax: 550_000, areas: ['Cedar Park'] },
    market: DEMO_TENANT.market,
  }),
);
