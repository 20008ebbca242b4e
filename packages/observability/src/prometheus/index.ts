/**
 * Prometheus metrics with `prom-client` (optional peer dependency).
 *
 * @module
 */
export {
  BOT_TURN_DURATION_BUCKETS,
  createInstruments,
  HTTP_DURATION_BUCKETS,
  LLM_DURATION_BUCKETS,
} from './prometheus-instruments';
export type { PrometheusInstruments, QueueDepthReader } from './prometheus-instruments';
export { createPrometheusMetrics } from './prometheus-metrics';
export type {
  HttpRequestObservation,
  PrometheusMetrics,
  PrometheusMetricsOptions,
} from './prometheus-metrics';
