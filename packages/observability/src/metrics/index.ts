export { ALERT_FEED_METRICS, ALERT_FEED_SUPPLEMENTARY_METRICS, readAlertFeed } from './alert-feed';
export type {
  AlertFeed,
  AlertFeedAnyMetricName,
  AlertFeedMetricName,
  AlertFeedReading,
  AlertFeedSource,
  AlertFeedSupplementaryName,
  ReadAlertFeedOptions,
} from './alert-feed';
export { createBotMetricsCollector } from './bot-metrics-collector';
export type {
  AlertFeedQuery,
  BotMetricsCollector,
  BotMetricsCollectorOptions,
  CollectorQuery,
} from './bot-metrics-collector';
export type {
  BotInteractionSummary,
  BotMetricsSnapshot,
  CacheTierSummary,
  HandoffSummary,
} from './bot-metrics-snapshot';
export { COLLECTED_EVENTS } from './metrics-scope';
