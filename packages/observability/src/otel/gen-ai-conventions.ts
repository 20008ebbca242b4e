/** Instrumentation scope name used for the tracer and meter. */
export const INSTRUMENTATION_SCOPE = '@enterprisehub/observability';

/** GenAI semantic-convention attribute names used by this package. */
export const GEN_AI = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  requestTemperature: 'gen_ai.request.temperature',
  responseModel: 'gen_ai.response.model',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
  usageCacheReadInputTokens: 'gen_ai.usage.cache_read.input_tokens',
  usageCacheCreationInputTokens: 'gen_ai.usage.cache_creation.input_tokens',
  conversationId: 'gen_ai.conversation.id',
  agentName: 'gen_ai.agent.name',
  tokenType: 'gen_ai.token.type',
  errorType: 'error.type',
} as const;

/** Metric names of the GenAI client conventions. */
export const GEN_AI_METRICS = {
  tokenUsage: 'gen_ai.client.token.usage',
  operationDuration: 'gen_ai.client.operation.duration',
} as const;

/** Bucket boundaries the convention specifies for `gen_ai.client.token.usage` (tokens). */
export const GEN_AI_TOKEN_USAGE_BUCKETS: readonly number[] = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];

/** Bucket boundaries the convention specifies for `gen_ai.client.operation.duration` (seconds). */
export const GEN_AI_DURATION_BUCKETS: readonly number[] = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];

/** Our own attributes (namespaced; never PII: no contact ids, names, phones or e-mails). */
export const ENTERPRISEHUB = {
  tenantId: 'enterprisehub.tenant.id',
  bot: 'enterprisehub.bot',
  operation: 'enterprisehub.operation',
  timeToFirstTokenMs: 'enterprisehub.time_to_first_token_ms',
} as const;
