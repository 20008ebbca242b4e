import type { AlertFeed, AlertFeedMetricName, AlertFeedSupplementaryName } from './alert-feed';
import type { MetricsScope } from './metrics-scope';

/** Windows an alert feed is computed over, ms. */
export interface AlertFeedWindows {
  /** Rates (error, cache hit, handoff failure, rate limit, LLM error). */
  windowMs: number;
  /** Response-time percentiles (the SLA is defined on the 1h window). */
  latencyWindowMs: number;
  /** Blocked-handoff counts (the seed rule counts "in 1 h"). */
  countWindowMs: number;
}

const BOTS = ['lead', 'buyer', 'seller'] as const;
const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** Computes the seven alerting metrics (and the supplementary signals) of one scope. */
export function buildAlertFeed(
  scope: MetricsScope,
  now: number,
  windows: AlertFeedWindows,
): Omit<AlertFeed, 'tenantId'> {
  const rates = scope.counters.sums(now, windows.windowMs);
  const counts = scope.counters.sums(now, windows.countWindowMs);
  const rate = (name: string): number => rates.get(name) ?? 0;
  const count = (name: string): number => counts.get(name) ?? 0;

  const metrics = {} as Record<AlertFeedMetricName, number>;
  const samples = {} as Record<AlertFeedMetricName, number>;
  const set = (name: AlertFeedMetricName, value: number, sampleCount: number): void => {
    metrics[name] = sampleCount > 0 ? value : 0;
    samples[name] = sampleCount;
  };

  const turns = BOTS.reduce((sum, bot) => sum + rate(`turns:${bot}`), 0) + rate('handoff_turns');
  const failedTurns =
    BOTS.reduce((sum, bot) => sum + rate(`turn_errors:${bot}`), 0) + rate('handoff_turn_failures');
  set('error_rate', ratio(failedTurns, turns), turns);

  const l1Reads = rate('cache:l1:hit') + rate('cache:l1:miss');
  const reads = l1Reads > 0 ? l1Reads : rate('cache:l2:hit') + rate('cache:l2:miss');
  set(
    'cache_hit_rate',
    Math.min(1, ratio(rate('cache:l1:hit') + rate('cache:l2:hit'), reads)),
    reads,
  );

  for (const bot of BOTS) {
    const latency = scope.latency(bot, now, windows.latencyWindowMs);
    set(`${bot}_bot.response_time_p95`, latency.p95, latency.count);
  }
  const handoffLatency = scope.latency('handoff', now, windows.latencyWindowMs);
  set('handoff.response_time_p95', handoffLatency.p95, handoffLatency.count);

  const attempts = rate('handoffs_completed') + rate('handoff_turn_failures');
  set('handoff.failure_rate', ratio(rate('handoff_turn_failures'), attempts), attempts);

  const supplementary = {} as Record<AlertFeedSupplementaryName, number>;
  const supplementarySamples = {} as Record<AlertFeedSupplementaryName, number>;
  const extra = (name: AlertFeedSupplementaryName, value: number, sampleCount: number): void => {
    supplementary[name] = sampleCount > 0 ? value : 0;
    supplementarySamples[name] = sampleCount;
  };

  // Samples: messages waiting plus bot activity seen in the window, so a reply that clears the wait
  // is fresh evidence (the alert resolves) while a quiet night has none (nothing can fire).
  const waiting = scope.waiting(now);
  const activity = rate('replies') + turns;
  extra('bot.last_response_age_ms', waiting.ageMs, waiting.messages + activity);

  let blocked = 0;
  for (const [name, value] of counts) if (name.startsWith('handoff_blocked:')) blocked += value;
  const handoffDecisions = blocked + count('handoffs_completed') + count('handoff_turn_failures');
  extra('handoff.blocked_count', blocked, handoffDecisions);
  extra('handoff.circular_blocked_count', count('handoff_blocked:circular'), handoffDecisions);

  let rateLimited = 0;
  for (const [name, value] of rates) if (name.startsWith('rate_limit:')) rateLimited += value;
  const outbound = rateLimited + rate('llm:calls') + rate('crm:delivered') + rate('crm:failed');
  extra('rate_limit.error_rate', Math.min(1, ratio(rateLimited, outbound)), outbound);
  extra('llm.error_rate', ratio(rate('llm:errors'), rate('llm:calls')), rate('llm:calls'));

  return {
    at: now,
    windowMs: windows.windowMs,
    latencyWindowMs: windows.latencyWindowMs,
    countWindowMs: windows.countWindowMs,
    metrics,
    samples,
    supplementary,
    supplementarySamples,
  };
}
