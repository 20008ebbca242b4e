import type { LlmUsage } from '@enterprisehub/core';

/** One traced model call: who, which model, how long, how many tokens, what it cost. */
export interface LlmTrace {
  /** Unique id of the call. */
  traceId: string;
  /** Tenant billed. */
  tenantId: string;
  /** Bot that made the call, from request metadata. */
  bot?: string;
  /** CRM contact id, from request metadata. */
  contactId?: string;
  /** Conversation id, from request metadata. */
  conversationId?: string;
  /** Operation, e.g. `extract_facts`, from request metadata. */
  operation?: string;
  /** Provider name, e.g. `anthropic`. */
  provider: string;
  /** Model requested (may differ from the one that answered). */
  requestedModel?: string;
  /** Model that answered (the requested one when the call failed). */
  model: string;
  /** When the call started, epoch ms. */
  startedAt: number;
  /** Wall time of the call, ms. */
  latencyMs: number;
  /** Time to the first streamed token, ms, when the client streamed. */
  timeToFirstTokenMs?: number;
  /** Token usage (zeros for a failed call). */
  usage: LlmUsage;
  /** `ok` or `error`. */
  outcome: 'ok' | 'error';
  /** Error code of a failed call (an `EnterpriseHubError` code). */
  errorCode?: string;
  /** Provider stop reason, e.g. `end_turn`. */
  stopReason?: string;
  /** Cost in USD; absent when the model has no price (see `costKnown`). */
  costUsd?: number;
  /** False when the model is not in the price table: the cost is unknown, not zero. */
  costKnown: boolean;
  /** Prompt text (system + messages), only with `captureContent`, redacted and truncated. */
  prompt?: string;
  /** Response text, only with `captureContent`, redacted and truncated. */
  response?: string;
}

/** Total input tokens of a usage record: uncached input plus cache reads and writes. */
export function totalInputTokens(usage: LlmUsage): number {
  return (
    usage.inputTokens + usage.cacheReadTokens + usage.cacheWrite5mTokens + usage.cacheWrite1hTokens
  );
}
