/**
 * Alert engine benchmark: cost of one evaluation of the seven default rules for one deployment-wide feed and for
 * 500 tenant feeds (healthy, and with 10% of tenants breaching so notifications are built and delivered).
 * Run: `pnpm bench alerting` (or `node --import tsx packages/observability/bench/alerting.bench.ts`).
 */
import { createMemoryNotifier, type Clock } from '@enterprisehub/core';
import { createAlertEngine, type AlertSourceSnapshot } from '@enterprisehub/observability';

let current = Date.UTC(2026, 0, 1);
const clock: Clock = {
  now: () => current,
  sleep: () => Promise.resolve(),
  setTimer: () => ({ cancel: () => undefined }),
};

function snapshot(tenantId: string | undefined, breaching: boolean): AlertSourceSnapshot {
  const metrics: Record<string, number> = {
    error_rate: breaching ? 0.2 : 0.001,
    cache_hit_rate: 0.9,
    'lead_bot.response_time_p95': 800,
    'buyer_bot.response_time_p95': 900,
    'seller_bot.response_time_p95': 900,
    'handoff.response_time_p95': 100,
    'handoff.failure_rate': 0,
  };
  const supplementary: Record<string, number> = {
    'bot.last_response_age_ms': 0,
    'handoff.blocked_count': 0,
    'handoff.circular_blocked_count': 0,
    'rate_limit.error_rate': 0,
    'llm.error_rate': 0,
  };
  const count = (values: Record<string, number>) =>
    Object.fromEntries(Object.keys(values).map((name) => [name, 200]));
  return {
    ...(tenantId === undefined ? {} : { tenantId }),
    metrics,
    samples: count(metrics),
    supplementary,
    supplementarySamples: count(supplementary),
  };
}

async function measure(
  label: string,
  snapshots: AlertSourceSnapshot[],
  iterations: number,
): Promise<void> {
  const channels = ['email', 'slack', 'webhook', 'pagerduty', 'opsgenie'].map((kind) =>
    createMemoryNotifier({ name: kind, kind }),
  );
  const engine = createAlertEngine({ clock, channels, source: () => snapshots });
  await engine.evaluate(); // warm-up (first firing notifications)
  const started = process.hrtime.bigint();
  for (let index = 0; index < iterations; index += 1) {
    current += 30_000;
    await engine.evaluate();
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const perEvaluation = elapsedMs / iterations;
  const firing = engine.alerts({ state: 'firing' }).length;
  console.log(
    `${label.padEnd(44)} ${perEvaluation.toFixed(3).padStart(9)} ms/evaluation  ${Math.round(
      1000 / perEvaluation,
    )
      .toString()
      .padStart(7)} evaluations/s  firing=${firing}`,
  );
}

await measure('7 rules, 1 deployment-wide feed', [snapshot(undefined, false)], 2000);
await measure(
  '7 rules, 500 tenant feeds, all healthy',
  Array.from({ length: 500 }, (_, index) => snapshot(`t${index}`, false)),
  50,
);
await measure(
  '7 rules, 500 tenant feeds, 10% breaching',
  Array.from({ length: 500 }, (_, index) => snapshot(`t${index}`, index % 10 === 0)),
  50,
);
