/**
 * `@enterprisehub/adapters/anthropic`: the `LlmClient` port on the Anthropic Messages API
 * (`@anthropic-ai/sdk`, an optional peer loaded on the first call).
 *
 * @module
 */
export { AnthropicLlmClient, createAnthropicLlmClient } from './anthropic-llm-client';
export type {
  AnthropicClientLike,
  AnthropicLlmClientOptions,
  ModelContext,
  ModelTable,
} from './anthropic-llm-client-options';
