export { totalInputTokens } from './llm-trace';
export type { LlmTrace } from './llm-trace';
export { createLlmTraceStore } from './llm-trace-store';
export type {
  LlmSummary,
  LlmTotalsQuery,
  LlmTraceStore,
  LlmTraceStoreOptions,
} from './llm-trace-store';
export type { LlmTotals, LlmTotalsDimension } from './llm-totals';
export { redactText } from './redact-text';
export { withLlmTracing } from './with-llm-tracing';
export type { CaptureContentOptions, LlmTracingOptions } from './with-llm-tracing';
