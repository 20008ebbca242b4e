import {
  EnterpriseHubError,
  systemClock,
  type Clock,
  type LlmClient,
  type LlmRequest,
  type LlmResponse,
} from '@enterprisehub/core';
import {
  metrics,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Meter,
  type Tracer,
} from '@opentelemetry/api';
import {
  ENTERPRISEHUB,
  GEN_AI,
  GEN_AI_DURATION_BUCKETS,
  GEN_AI_METRICS,
  GEN_AI_TOKEN_USAGE_BUCKETS,
  INSTRUMENTATION_SCOPE,
} from './gen-ai-conventions';

/** Options for {@link withOtelTracing}. */
export interface OtelTracingOptions {
  /** Tracer to use. @defaultValue the global tracer for `@enterprisehub/observability` (a no-op without a provider) */
  tracer?: Tracer;
  /** Meter to use. @defaultValue the global meter (a no-op without a provider) */
  meter?: Meter;
  /** `gen_ai.provider.name`. @defaultValue 'anthropic' */
  providerName?: string;
  /** Clock for the duration histogram. @defaultValue `systemClock` */
  clock?: Clock;
}

/** Type of an error for `error.type`: the EnterpriseHub code, else the error's class name. */
export function errorType(error: unknown): string {
  if (EnterpriseHubError.isInstance(error)) return error.code;
  return error instanceof Error ? error.name : '_OTHER';
}

function requestAttributes(request: LlmRequest<unknown>, providerName: string): Attributes {
  const attributes: Attributes = {
    [GEN_AI.operationName]: 'chat',
    [GEN_AI.providerName]: providerName,
    [ENTERPRISEHUB.tenantId]: request.tenantId,
  };
  if (request.model !== undefined) attributes[GEN_AI.requestModel] = request.model;
  if (request.maxTokens !== undefined) attributes[GEN_AI.requestMaxTokens] = request.maxTokens;
  if (request.temperature !== undefined)
    attributes[GEN_AI.requestTemperature] = request.temperature;
  const metadata = request.metadata ?? {};
  if (metadata.conversationId !== undefined)
    attributes[GEN_AI.conversationId] = metadata.conversationId;
  if (metadata.bot !== undefined) attributes[ENTERPRISEHUB.bot] = metadata.bot;
  if (metadata.operation !== undefined) attributes[ENTERPRISEHUB.operation] = metadata.operation;
  return attributes;
}

function responseAttributes(response: LlmResponse<unknown>): Attributes {
  const { usage } = response;
  const attributes: Attributes = {
    [GEN_AI.responseModel]: response.model,
    // The convention counts cached tokens as input tokens too.
    [GEN_AI.usageInputTokens]:
      usage.inputTokens +
      usage.cacheReadTokens +
      usage.cacheWrite5mTokens +
      usage.cacheWrite1hTokens,
    [GEN_AI.usageOutputTokens]: usage.outputTokens,
    [GEN_AI.usageCacheReadInputTokens]: usage.cacheReadTokens,
    [GEN_AI.usageCacheCreationInputTokens]: usage.cacheWrite5mTokens + usage.cacheWrite1hTokens,
  };
  if (response.stopReason !== undefined)
    attributes[GEN_AI.responseFinishReasons] = [response.stopReason];
  if (response.timeToFirstTokenMs !== undefined)
    attributes[ENTERPRISEHUB.timeToFirstTokenMs] = response.timeToFirstTokenMs;
  return attributes;
}

/**
 * Wraps an `LlmClient` with OpenTelemetry GenAI instrumentation through `@opentelemetry/api` only:
 * one `chat {model}` client span per call with the GenAI semantic-convention attributes (provider
 * `anthropic`, request/response model, input tokens including cache reads and writes, output
 * tokens, cache read / creation tokens, conversation id, finish reasons, `error.type`), and the
 * `gen_ai.client.token.usage` and `gen_ai.client.operation.duration` histograms with the
 * convention's bucket boundaries. Without a registered provider everything is a no-op.
 *
 * @example
 * ```ts
 * const llm = withOtelTracing(withLlmTracing(anthropic, { store }));
 * ```
 */
export function withOtelTracing(client: LlmClient, options: OtelTracingOptions = {}): LlmClient {
  const tracer = options.tracer ?? trace.getTracer(INSTRUMENTATION_SCOPE);
  const meter = options.meter ?? metrics.getMeter(INSTRUMENTATION_SCOPE);
  const providerName = options.providerName ?? 'anthropic';
  const clock = options.clock ?? systemClock;
  const tokenUsage = meter.createHistogram(GEN_AI_METRICS.tokenUsage, {
    description: 'Number of input and output tokens used.',
    unit: '{token}',
    advice: { explicitBucketBoundaries: [...GEN_AI_TOKEN_USAGE_BUCKETS] },
  });
  const duration = meter.createHistogram(GEN_AI_METRICS.operationDuration, {
    description: 'GenAI operation duration.',
    unit: 's',
    advice: { explicitBucketBoundaries: [...GEN_AI_DURATION_BUCKETS] },
  });

  return {
    complete(request) {
      const attributes = requestAttributes(request, providerName);
      const name = `chat${request.model === undefined ? '' : ` ${request.model}`}`;
      const started = clock.now();
      return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
        const metricAttributes: Attributes = {
          [GEN_AI.operationName]: 'chat',
          [GEN_AI.providerName]: providerName,
          ...(request.model === undefined ? {} : { [GEN_AI.requestModel]: request.model }),
        };
        try {
          const response = await client.complete(request);
          span.setAttributes(responseAttributes(response));
          const withModel = { ...metricAttributes, [GEN_AI.responseModel]: response.model };
          const input = responseAttributes(response)[GEN_AI.usageInputTokens];
          tokenUsage.record(typeof input === 'number' ? input : 0, {
            ...withModel,
            [GEN_AI.tokenType]: 'input',
          });
          tokenUsage.record(response.usage.outputTokens, {
            ...withModel,
            [GEN_AI.tokenType]: 'output',
          });
          duration.record((clock.now() - started) / 1000, withModel);
          return response;
        } catch (error) {
          const type = errorType(error);
          span.setAttribute(GEN_AI.errorType, type);
          span.setStatus({ code: SpanStatusCode.ERROR, message: type });
          duration.record((clock.now() - started) / 1000, {
            ...metricAttributes,
            [GEN_AI.errorType]: type,
          });
          throw error;
        } finally {
          span.end();
        }
      });
    },
  };
}
