import type { LlmTrace } from './llm-trace';

/** Dimension LLM totals can be grouped by. */
export type LlmTotalsDimension = 'tenant' | 'bot' | 'contact' | 'conversation' | 'model';

/** LLM calls, tokens and spend of one group over a window. */
export interface LlmTotals {
  /** Group value (tenant id, bot, contact id, conversation id or model); `(none)` when the trace lacked it. */
  key: string;
  /** Calls. */
  calls: number;
  /** Failed calls. */
  errors: number;
  /** Spend of the calls with a known price, USD. */
  costUsd: number;
  /** Calls whose model had no price (their cost is unknown, not zero). */
  unknownCostCalls: number;
  /** Uncached input tokens. */
  inputTokens: number;
  /** Output tokens. */
  outputTokens: number;
  /** Prompt-cache read tokens. */
  cacheReadTokens: number;
  /** Prompt-cache write tokens (5 m + 1 h). */
  cacheWriteTokens: number;
  /** Sum of call latencies, ms (divide by `calls` for the mean). */
  latencyMsTotal: number;
}

/** Zeroed totals for a group. */
export const emptyTotals = (key: string): LlmTotals => ({
  key,
  calls: 0,
  errors: 0,
  costUsd: 0,
  unknownCostCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  latencyMsTotal: 0,
});

/** Adds one trace to a group's totals. */
export function addTrace(totals: LlmTotals, trace: LlmTrace): void {
  totals.calls += 1;
  if (trace.outcome === 'error') totals.errors += 1;
  if (trace.costKnown) totals.costUsd += trace.costUsd ?? 0;
  else totals.unknownCostCalls += 1;
  totals.inputTokens += trace.usage.inputTokens;
  totals.outputTokens += trace.usage.outputTokens;
  totals.cacheReadTokens += trace.usage.cacheReadTokens;
  totals.cacheWriteTokens += trace.usage.cacheWrite5mTokens + trace.usage.cacheWrite1hTokens;
  totals.latencyMsTotal += trace.latencyMs;
}

/** Adds `from` into `into`. */
export function mergeTotals(into: LlmTotals, from: LlmTotals): void {
  into.calls += from.calls;
  into.errors += from.errors;
  into.costUsd += from.costUsd;
  into.unknownCostCalls += from.unknownCostCalls;
  into.inputTokens += from.inputTokens;
  into.outputTokens += from.outputTokens;
  into.cacheReadTokens += from.cacheReadTokens;
  into.cacheWriteTokens += from.cacheWriteTokens;
  into.latencyMsTotal += from.latencyMsTotal;
}

/** The group value of a trace for a dimension (`(none)` when absent). */
export const valueOf = (trace: LlmTrace, by: LlmTotalsDimension): string =>
  ({
    tenant: trace.tenantId,
    bot: trace.bot,
    contact: trace.contactId,
    conversation: trace.conversationId,
    model: trace.model,
  })[by] ?? '(none)';
