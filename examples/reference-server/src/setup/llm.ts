/**
 * The LLM side of the composition root: the Anthropic client (when `ANTHROPIC_API_KEY` is set) behind a circuit
 * breaker. Without a key, or while the circuit is open, the bots' rules engine answers (LLM mode is per tenant:
 * `llm.enabled` in the tenant file).
 */
import {
  CircuitBreaker,
  toEnterpriseHubError,
  type Clock,
  type LlmClient,
} from '@enterprisehub/core';
import { createAnthropicLlmClient } from '@enterprisehub/adapters/anthropic';
import type { Config } from '../config';
import type { DependencyStatus } from '../routes/health';

/** Model used when `ANTHROPIC_MODEL` is not set. */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-haiku-4-5';

/** What {@link createLlm} builds. */
export interface Llm {
  /** The guarded client, or undefined in rules-engine mode. */
  client?: LlmClient;
  /** Breaker state for `/ready`. */
  status(): DependencyStatus;
}

const OUTAGE_CODES = new Set(['LLM_UNAVAILABLE', 'LLM_TIMEOUT', 'LLM_RATE_LIMITED']);

/** Creates the LLM client for the configuration. */
export function createLlm(options: {
  config: Config;
  clock: Clock;
  /** Tests: the `fetch` the SDK uses (msw intercepts the global one as well). */
  fetch?: typeof fetch;
}): Llm {
  const { config } = options;
  if (!config.ANTHROPIC_API_KEY) {
    return {
      status: () => ({ name: 'llm', ok: true, required: false, detail: { mode: 'rules-engine' } }),
    };
  }
  const model = config.ANTHROPIC_MODEL ?? DEFAULT_ANTHROPIC_MODEL;
  const anthropic = createAnthropicLlmClient({
    apiKey: config.ANTHROPIC_API_KEY,
    model,
    clock: options.clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const breaker = new CircuitBreaker({
    name: 'llm',
    failureThreshold: 5,
    resetTimeoutMs: 30_000,
    clock: options.clock,
    isFailure: (error) => OUTAGE_CODES.has(toEnterpriseHubError(error).code),
  });
  return {
    client: { complete: (request) => breaker.execute(() => anthropic.complete(request)) },
    status: () => ({
      name: 'llm',
      ok: breaker.state !== 'open',
      required: false,
      detail: { mode: 'anthropic', model, circuit: breaker.state },
    }),
  };
}
