import type { Anthropic } from '@anthropic-ai/sdk';
import type { Clock } from '@enterprisehub/core';

/** The part of an `@anthropic-ai/sdk` client the adapter uses (an `Anthropic` instance satisfies it). */
export type AnthropicClientLike = Pick<Anthropic, 'messages'>;

/** What a model choice may depend on. */
export interface ModelContext {
  /** Tenant the call is billed to. */
  tenantId: string;
  /** Bot or component name from the request metadata, e.g. `lead`, `intent-decoder`. */
  bot?: string;
  /** Operation name from the request metadata, e.g. `extract_facts`. */
  operation?: string;
}

/**
 * Models per tenant and per bot. A request's own `model` wins, then the tenant's bot model, the
 * tenant's model, the bot model, and finally the client's `model`.
 */
export interface ModelTable {
  /** Model per bot or component name, e.g. `{ lead: 'claude-haiku-4-5' }`. */
  bots?: Record<string, string>;
  /** Per tenant id: a default model and per-bot overrides. */
  tenants?: Record<string, { model?: string; bots?: Record<string, string> }>;
}

/** Options for {@link createAnthropicLlmClient}. Give `apiKey` or `client`. */
export interface AnthropicLlmClientOptions {
  /** Anthropic API key; the adapter creates its own SDK client (loaded on first call). Never logged. */
  apiKey?: string;
  /** An SDK client you configured yourself (its own retries and timeout apply, not `maxRetries`). */
  client?: AnthropicClientLike;
  /** Default model id, e.g. `claude-sonnet-4-6`. */
  model: string;
  /** Model per tenant / bot, or a function choosing one (return `undefined` for the default). */
  models?: ModelTable | ((context: ModelContext) => string | undefined);
  /** API base URL (a proxy or a test server). @defaultValue `'https://api.anthropic.com'` */
  baseURL?: string;
  /** `fetch` implementation for the SDK client. @defaultValue `globalThis.fetch` */
  fetch?: typeof fetch;
  /** Deadline for a whole call (retries and the repair call included) unless the request sets one. @defaultValue 30_000 */
  timeoutMs?: number;
  /**
   * Retries of one HTTP request on 408, 409, 429, 529 and other 5xx answers and on connection
   * errors, waiting as `retry-after-ms` / `retry-after` say (else exponential backoff). @defaultValue 2
   */
  maxRetries?: number;
  /** Output token cap when the request sets none. @defaultValue 1024 */
  maxTokens?: number;
  /** Stream responses (enables time to first token). @defaultValue true */
  stream?: boolean;
  /** Time source for latency, time to first token and the deadline. @defaultValue `systemClock` */
  clock?: Clock;
}

/** The model for one call, following the precedence of {@link ModelTable}. @internal */
export function resolveModel(
  options: Pick<AnthropicLlmClientOptions, 'model' | 'models'>,
  context: ModelContext & { requested?: string | undefined },
): string {
  if (context.requested !== undefined) return context.requested;
  const { models } = options;
  if (typeof models === 'function') return models(context) ?? options.model;
  const tenant = models?.tenants?.[context.tenantId];
  const bot = context.bot;
  return (
    (bot === undefined ? undefined : tenant?.bots?.[bot]) ??
    tenant?.model ??
    (bot === undefined ? undefined : models?.bots?.[bot]) ??
    options.model
  );
}
