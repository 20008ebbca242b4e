import type { Anthropic } from '@anthropic-ai/sdk';
import type { LlmUsage } from '@enterprisehub/core';

/** A usage with every counter at 0. @internal */
export const ZERO_USAGE: LlmUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
};

/**
 * Maps the Messages API usage to core's: cache writes split by TTL from `cache_creation`
 * (or, when the API omits it, all of `cache_creation_input_tokens` counted as 5-minute writes).
 *
 * @internal
 */
export function mapUsage(usage: Partial<Anthropic.Usage> | null | undefined): LlmUsage {
  if (!usage) return { ...ZERO_USAGE };
  const split = usage.cache_creation;
  return {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    cacheWrite5mTokens: split
      ? split.ephemeral_5m_input_tokens
      : (usage.cache_creation_input_tokens ?? 0),
    cacheWrite1hTokens: split ? split.ephemeral_1h_input_tokens : 0,
  };
}

/** Sums two usages (a structured call and its repair call). @internal */
export function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWrite5mTokens: a.cacheWrite5mTokens + b.cacheWrite5mTokens,
    cacheWrite1hTokens: a.cacheWrite1hTokens + b.cacheWrite1hTokens,
  };
}
