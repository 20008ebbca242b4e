/**
 * The metric feed the bot metrics collector hands to the alert engine on every evaluation.
 *
 * `metrics` always holds exactly the seven metrics the seed specification names; `samples`
 * holds, for each of them, how many observations the value was computed from, so a rule can
 * enforce its `minSamples` and never page anyone at 3 a.m. because one request out of one
 * failed. When a metric has no samples its value is `0` and its sample count is `0`.
 *
 * `supplementary` carries the extra signals the remaining default rules need
 * (`bot_unresponsive`, `circular_handoff_spike`, `rate_limit_breach`) and an LLM error rate
 * for inhibition rules; they are kept apart so `metrics` stays exactly the seven.
 */

/** The seven metric names fed to alerting, in the order of the seed specification. */
export const ALERT_FEED_METRICS = [
  'error_rate',
  'cache_hit_rate',
  'lead_bot.response_time_p95',
  'buyer_bot.response_time_p95',
  'seller_bot.response_time_p95',
  'handoff.response_time_p95',
  'handoff.failure_rate',
] as const;

/** Name of one of the seven metrics fed to alerting. */
export type AlertFeedMetricName = (typeof ALERT_FEED_METRICS)[number];

/** Names of the supplementary signals fed to alerting next to the seven metrics. */
export const ALERT_FEED_SUPPLEMENTARY_METRICS = [
  /**
   * How long the oldest inbound message received since the bots' last activity (reply, finished
   * turn, deliberate deferral/block) has waited, ms; 0 when nothing waits. Samples = messages
   * waiting plus bot replies and finished turns in the rate window (0 on a quiet night).
   */
  'bot.last_response_age_ms',
  /** Handoffs blocked (any reason) in the count window (1 h); samples = handoff decisions. */
  'handoff.blocked_count',
  /** Handoffs blocked as circular in the count window (1 h); samples = handoff decisions. */
  'handoff.circular_blocked_count',
  /** Share (0–1) of outbound calls (LLM, CRM) that hit a rate limit; samples = calls plus hits. */
  'rate_limit.error_rate',
  /** Share (0–1) of LLM calls that failed in the window; samples = LLM calls. */
  'llm.error_rate',
] as const;

/** Name of one supplementary alerting signal. */
export type AlertFeedSupplementaryName = (typeof ALERT_FEED_SUPPLEMENTARY_METRICS)[number];

/** Any metric name an alert rule may reference from the feed. */
export type AlertFeedAnyMetricName = AlertFeedMetricName | AlertFeedSupplementaryName;

/** One evaluation's worth of metric values and their sample counts. */
export interface AlertFeed {
  /** Epoch ms at which the feed was computed (from the injected clock). */
  at: number;
  /** Length in ms of the trailing window the rates describe. */
  windowMs: number;
  /** Window of the response-time percentiles, ms (when different from `windowMs`). */
  latencyWindowMs?: number;
  /** Window of the blocked-handoff counts, ms (when different from `windowMs`). */
  countWindowMs?: number;
  /** Tenant the values are scoped to; absent for the whole deployment. */
  tenantId?: string;
  /** Exactly the seven metrics: rates are fractions 0–1, response times are milliseconds. */
  metrics: Record<AlertFeedMetricName, number>;
  /** Number of observations behind each of the seven metrics. */
  samples: Record<AlertFeedMetricName, number>;
  /** Extra signals for the remaining default rules (see {@link ALERT_FEED_SUPPLEMENTARY_METRICS}). */
  supplementary: Record<AlertFeedSupplementaryName, number>;
  /** Number of observations behind each supplementary signal. */
  supplementarySamples: Record<AlertFeedSupplementaryName, number>;
}

/** A metric value read from an {@link AlertFeed}, with the number of samples behind it. */
export interface AlertFeedReading {
  /** The metric value. */
  value: number;
  /** Observations the value was computed from. */
  samples: number;
}

/** Options for {@link readAlertFeed}. */
export interface ReadAlertFeedOptions {
  /** The feed to read from. */
  feed: AlertFeed;
  /** Metric name: one of the seven or a supplementary signal. */
  metric: string;
}

const isMainMetric = (name: string): name is AlertFeedMetricName =>
  (ALERT_FEED_METRICS as readonly string[]).includes(name);

const isSupplementaryMetric = (name: string): name is AlertFeedSupplementaryName =>
  (ALERT_FEED_SUPPLEMENTARY_METRICS as readonly string[]).includes(name);

/**
 * Reads one metric (main or supplementary) from a feed; `undefined` when the name is unknown.
 *
 * @example
 * ```ts
 * const reading = readAlertFeed({ feed: collector.feedToAlerting(), metric: 'error_rate' });
 * if (reading && reading.samples >= 20 && reading.value > 0.05) page();
 * ```
 */
export function readAlertFeed(options: ReadAlertFeedOptions): AlertFeedReading | undefined {
  const { feed, metric } = options;
  if (isMainMetric(metric)) return { value: feed.metrics[metric], samples: feed.samples[metric] };
  if (isSupplementaryMetric(metric)) {
    return { value: feed.supplementary[metric], samples: feed.supplementarySamples[metric] };
  }
  return undefined;
}

/** Source of alert feeds, e.g. `() => collector.feedToAlerting()`. */
export type AlertFeedSource = () => AlertFeed | Promise<AlertFeed>;
