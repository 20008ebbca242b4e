/**
 * Observability on its own: record turn timings into the performance tracker (from your own service — no bots
 * package needed), turn its windows into an alert feed, and let the alert engine notify Slack when latency or
 * errors cross a threshold, and again when they recover.
 */
import type { Clock } from '@enterprisehub/core';
import {
  createAlertEngine,
  createPerformanceTracker,
  createSlackNotifier,
  type AlertEngine,
  type AlertRuleInput,
  type AlertSource,
  type PerformanceTracker,
} from '@enterprisehub/observability';

/** The series this service tracks: one per bot, operation `process` (a full turn). */
export const TRACKED = [
  { bot: 'lead', operation: 'process' },
  { bot: 'buyer', operation: 'process' },
  { bot: 'seller', operation: 'process' },
] as const;

/** Rules on the feed below: one alert series per bot through the `{bot}` placeholder. */
export const LATENCY_RULES: AlertRuleInput[] = [
  {
    id: 'turn_latency',
    name: 'Bot turn latency p95',
    severity: 'critical',
    metric: '{bot}.process.p95_ms',
    operator: '>',
    threshold: 2_000,
    warningThreshold: 1_000,
    minSamples: 5,
    forMs: 60_000,
    cooldownMs: 15 * 60_000,
    channels: ['slack'],
    annotations: { runbook_url: 'https://wiki.example.com/runbooks/bot-latency' },
  },
  {
    id: 'turn_errors',
    name: 'Bot turn error rate',
    severity: 'critical',
    metric: '{bot}.process.error_rate',
    operator: '>',
    threshold: 0.05,
    minSamples: 20,
    channels: ['slack'],
  },
];

/** Turns the tracker's exact 1h window into metric values and sample counts for the engine. */
export function trackerFeed(tracker: PerformanceTracker): AlertSource {
  return () => {
    const metrics: Record<string, number> = {};
    const samples: Record<string, number> = {};
    for (const { bot, operation } of TRACKED) {
      const stats = tracker.stats({ bot, operation, window: '1h' });
      metrics[`${bot}.${operation}.p95_ms`] = stats.p95;
      metrics[`${bot}.${operation}.error_rate`] =
        stats.count === 0 ? 0 : stats.errorCount / stats.count;
      samples[`${bot}.${operation}.p95_ms`] = stats.count;
      samples[`${bot}.${operation}.error_rate`] = stats.count;
    }
    return { metrics, samples };
  };
}

/** Options of {@link createLatencyAlerting}. */
export interface LatencyAlertingOptions {
  /** Slack incoming-webhook URL (a secret: keep it in the environment). */
  slackWebhookUrl: string;
  /** Time source (tests pass a ManualClock). */
  clock: Clock;
  /** Dashboard link put into the notifications. */
  externalUrl?: string;
}

/** The tracker to record into and the engine watching it. */
export function createLatencyAlerting(options: LatencyAlertingOptions): {
  tracker: PerformanceTracker;
  engine: AlertEngine;
} {
  const tracker = createPerformanceTracker({ clock: options.clock, perTenant: false });
  const engine = createAlertEngine({
    clock: options.clock,
    source: trackerFeed(tracker),
    rules: LATENCY_RULES,
    channels: [createSlackNotifier({ webhookUrl: options.slackWebhookUrl, clock: options.clock })],
    escalation: false,
    intervalMs: 30_000,
    ...(options.externalUrl === undefined ? {} : { externalUrl: options.externalUrl }),
  });
  return { tracker, engine };
}
