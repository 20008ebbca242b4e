import type { z } from 'zod';

/** One chat message sent to a model. */
export interface LlmMessage {
  /** Speaker. */
  role: 'user' | 'assistant';
  /** Text content. */
  content: string;
}

/** Token usage of one model call, including prompt-cache reads and writes. */
export interface LlmUsage {
  /** Uncached input tokens. */
  inputTokens: number;
  /** Output tokens. */
  outputTokens: number;
  /** Input tokens read from the prompt cache. */
  cacheReadTokens: number;
  /** Input tokens written to the 5-minute prompt cache. */
  cacheWrite5mTokens: number;
  /** Input tokens written to the 1-hour prompt cache. */
  cacheWrite1hTokens: number;
}

/** One block of a system prompt, optionally marked cacheable. */
export interface LlmSystemBlock {
  /** Text. */
  text: string;
  /** Prompt-cache this block (and everything before it) for 5 minutes or 1 hour. */
  cache?: '5m' | '1h';
}

/** One model call. */
export interface LlmRequest<T = unknown> {
  /** Tenant the call is billed to. */
  tenantId: string;
  /** System prompt: a string, or blocks with cache markers. */
  system?: string | LlmSystemBlock[];
  /** Conversation so far, oldest first. */
  messages: LlmMessage[];
  /** When set, the client asks for structured output and returns it parsed in `parsed`. */
  schema?: z.ZodType<T>;
  /** Name for the structured output (tool name), e.g. `lead_facts`. */
  schemaName?: string;
  /** Model id; the client's default when omitted. */
  model?: string;
  /** Output token cap. */
  maxTokens?: number;
  /** Sampling temperature. */
  temperature?: number;
  /** Deadline for the whole call, ms; the client throws `LLM_TIMEOUT` after it. */
  timeoutMs?: number;
  /** Aborts the call. */
  signal?: AbortSignal;
  /** Labels for tracing and cost attribution (no PII). */
  metadata?: {
    /** Bot name (`lead`, `buyer`, `seller`) or another component, e.g. `intent-decoder`. */
    bot?: string;
    /** Contact the call is about. */
    contactId?: string;
    /** CRM conversation id. */
    conversationId?: string;
    /** Operation name, e.g. `extract_facts`, `write_reply`. */
    operation?: string;
  };
}

/** Result of one model call. */
export interface LlmResponse<T = unknown> {
  /** Raw text output (for structured calls, the JSON text). */
  text: string;
  /** Parsed structured output, when `schema` was given and the output matched. */
  parsed?: T;
  /** Token usage. */
  usage: LlmUsage;
  /** Model that answered. */
  model: string;
  /** Wall time of the call, ms. */
  latencyMs: number;
  /** Time to the first streamed token, ms, when streaming. */
  timeToFirstTokenMs?: number;
  /** Provider stop reason, e.g. `end_turn`, `max_tokens`. */
  stopReason?: string;
}

/**
 * Port: one model call.
 *
 * Throws `EnterpriseHubError` with `LLM_TIMEOUT`, `LLM_RATE_LIMITED`, `LLM_UNAVAILABLE` (retryable),
 * `LLM_BAD_OUTPUT` (schema mismatch) or `LLM_BUDGET_EXHAUSTED`. Callers fall back to the rules engine.
 */
export interface LlmClient {
  /** Runs one model call; with `schema`, `parsed` holds the validated output or the call throws `LLM_BAD_OUTPUT`. */
  complete<T = unknown>(request: LlmRequest<T>): Promise<LlmResponse<T>>;
}
