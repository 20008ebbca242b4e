/**
 * OpenTelemetry instrumentation through `@opentelemetry/api` only (optional peer dependency):
 * GenAI client spans and metrics for model calls, `invoke_agent` spans for bot turns.
 *
 * @module
 */
export {
  ENTERPRISEHUB,
  GEN_AI,
  GEN_AI_DURATION_BUCKETS,
  GEN_AI_METRICS,
  GEN_AI_TOKEN_USAGE_BUCKETS,
  INSTRUMENTATION_SCOPE,
} from './gen-ai-conventions';
export { createOtelEventBridge } from './otel-event-bridge';
export type { OtelEventBridge, OtelEventBridgeOptions } from './otel-event-bridge';
export { botTurnAttributes, traceBotTurn } from './trace-bot-turn';
export type { BotTurnSpanOptions } from './trace-bot-turn';
export { errorType, withOtelTracing } from './with-otel-tracing';
export type { OtelTracingOptions } from './with-otel-tracing';
