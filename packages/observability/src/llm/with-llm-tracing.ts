import { randomUUID } from 'node:crypto';
import {
  systemClock,
  toEnterpriseHubError,
  type Clock,
  type EventBus,
  type LlmClient,
  type LlmRequest,
  type LlmUsage,
} from '@enterprisehub/core';
import type { CostGuard } from '../cost/cost-guard';
import { createPriceTable, type PriceTable } from '../cost/price-table';
import type { LlmTrace } from './llm-trace';
import type { LlmTraceStore } from './llm-trace-store';
import { redactText } from './redact-text';

/** Opt-in capture of prompt and response text in traces. */
export interface CaptureContentOptions {
  /** Redaction applied before storing. @defaultValue {@link redactText} */
  redact?: (text: string) => string;
  /** Characters kept per text after redaction. @defaultValue 4000 */
  maxChars?: number;
}

/** Options for {@link withLlmTracing}. */
export interface LlmTracingOptions {
  /** Time source for start time and measured latency. @defaultValue `systemClock` */
  clock?: Clock;
  /** Prices calls. @defaultValue `createPriceTable()` (built-in Anthropic prices) */
  priceTable?: PriceTable;
  /** Store that keeps recent traces and totals. */
  store?: LlmTraceStore;
  /** Receives every trace (e.g. to log or export it). Must not throw. */
  onTrace?: (trace: LlmTrace) => void;
  /** Bus on which `llm.called` is emitted per call (feeds the metrics collector and Prometheus). */
  events?: EventBus;
  /** Spend guard that is told the cost of every call. */
  costGuard?: CostGuard;
  /** Store prompt/response text (redacted, truncated). Off by default: traces carry no conversation text. */
  captureContent?: boolean | CaptureContentOptions;
  /** Provider name recorded on traces. @defaultValue 'anthropic' */
  provider?: string;
  /** Trace id generator. @defaultValue `crypto.randomUUID` */
  generateId?: () => string;
}

const ZERO_USAGE: LlmUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
};

function promptText(request: LlmRequest<unknown>): string {
  const system =
    request.system === undefined
      ? []
      : [
          typeof request.system === 'string'
            ? request.system
            : request.system.map((block) => block.text).join('\n'),
        ];
  return [
    ...system,
    ...request.messages.map((message) => `${message.role}: ${message.content}`),
  ].join('\n');
}

/**
 * Wraps any `LlmClient` so every call produces one {@link LlmTrace}: tenant, bot, contact and
 * conversation (from request metadata), model, latency, time to first token, the five token
 * counts, outcome and cost in USD from the price table (unknown models: unknown cost, not $0).
 * Traces go to the store, `onTrace`, the event bus (`llm.called`) and the cost guard. Errors are
 * traced and re-thrown unchanged; a failing sink never fails the call.
 *
 * @example
 * ```ts
 * const store = createLlmTraceStore();
 * const llm = withLlmTracing(createAnthropicLlmClient({ apiKey }), { store, events: bus, costGuard });
 * ```
 */
export function withLlmTracing(client: LlmClient, options: LlmTracingOptions = {}): LlmClient {
  const clock = options.clock ?? systemClock;
  const prices = options.priceTable ?? createPriceTable();
  const provider = options.provider ?? 'anthropic';
  const generateId = options.generateId ?? randomUUID;
  const capture = options.captureContent === true ? {} : options.captureContent || undefined;
  const clip = (text: string): string => {
    const redacted = (capture?.redact ?? redactText)(text);
    const max = capture?.maxChars ?? 4000;
    return redacted.length > max ? `${redacted.slice(0, max)}…` : redacted;
  };

  const publish = (trace: LlmTrace): void => {
    const sinks: (() => void)[] = [
      () => options.store?.add(trace),
      () => options.onTrace?.(trace),
      () =>
        options.costGuard?.record({
          tenantId: trace.tenantId,
          costUsd: trace.costUsd,
          at: trace.startedAt + trace.latencyMs,
        }),
      () =>
        options.events?.emit('llm.called', {
          tenantId: trace.tenantId,
          at: trace.startedAt + trace.latencyMs,
          model: trace.model,
          ...(trace.bot === undefined ? {} : { bot: trace.bot }),
          usage: trace.usage,
          latencyMs: trace.latencyMs,
          ...(trace.costUsd === undefined ? {} : { costUsd: trace.costUsd }),
          outcome: trace.outcome,
        }),
    ];
    for (const sink of sinks) {
      try {
        sink();
      } catch {
        // Observability must never break the model call it observes.
      }
    }
  };

  return {
    async complete(request) {
      const startedAt = clock.now();
      const metadata = request.metadata ?? {};
      const base = {
        traceId: generateId(),
        tenantId: request.tenantId,
        ...(metadata.bot === undefined ? {} : { bot: metadata.bot }),
        ...(metadata.contactId === undefined ? {} : { contactId: metadata.contactId }),
        ...(metadata.conversationId === undefined
          ? {}
          : { conversationId: metadata.conversationId }),
        ...(metadata.operation === undefined ? {} : { operation: metadata.operation }),
        provider,
        ...(request.model === undefined ? {} : { requestedModel: request.model }),
        startedAt,
        ...(capture ? { prompt: clip(promptText(request)) } : {}),
      };
      const priced = (model: string, usage: LlmUsage) => {
        const cost = prices.cost({ model, usage, at: startedAt });
        return cost.kind === 'known'
          ? { costUsd: cost.costUsd, costKnown: true }
          : { costKnown: false };
      };
      try {
        const response = await client.complete(request);
        const measured = clock.now() - startedAt;
        publish({
          ...base,
          model: response.model,
          latencyMs: response.latencyMs > 0 ? response.latencyMs : measured,
          ...(response.timeToFirstTokenMs === undefined
            ? {}
            : { timeToFirstTokenMs: response.timeToFirstTokenMs }),
          usage: response.usage,
          outcome: 'ok',
          ...(response.stopReason === undefined ? {} : { stopReason: response.stopReason }),
          ...priced(response.model, response.usage),
          ...(capture ? { response: clip(response.text) } : {}),
        });
        return response;
      } catch (error) {
        const model = request.model ?? 'unknown';
        publish({
          ...base,
          model,
          latencyMs: clock.now() - startedAt,
          usage: ZERO_USAGE,
          outcome: 'error',
          errorCode: toEnterpriseHubError(error).code,
          ...priced(model, ZERO_USAGE),
        });
        throw error;
      }
    },
  };
}
