import { SpanKind, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { ENTERPRISEHUB, GEN_AI, INSTRUMENTATION_SCOPE } from './gen-ai-conventions';
import { errorType } from './with-otel-tracing';

/** What an `invoke_agent` span describes. */
export interface BotTurnSpanOptions {
  /** Bot running the turn (`gen_ai.agent.name`). */
  bot: string;
  /** Tenant. */
  tenantId: string;
  /** Operation (`process`, `full_qualification`, `handoff`). */
  operation?: string;
  /** Conversation id (`gen_ai.conversation.id`). */
  conversationId?: string;
  /** Tracer. @defaultValue the global tracer (no-op without a provider) */
  tracer?: Tracer;
}

/** Attributes of an `invoke_agent` span. */
export function botTurnAttributes(options: Omit<BotTurnSpanOptions, 'tracer'>): Attributes {
  return {
    [GEN_AI.operationName]: 'invoke_agent',
    [GEN_AI.agentName]: options.bot,
    [ENTERPRISEHUB.tenantId]: options.tenantId,
    ...(options.operation === undefined ? {} : { [ENTERPRISEHUB.operation]: options.operation }),
    ...(options.conversationId === undefined
      ? {}
      : { [GEN_AI.conversationId]: options.conversationId }),
  };
}

/**
 * Runs one bot turn inside an active `invoke_agent {bot}` span, so the model calls it makes
 * (through `withOtelTracing`) become its children. Failures set `error.type` and an error status
 * and are re-thrown.
 *
 * @example
 * ```ts
 * const reply = await traceBotTurn({ bot: 'buyer', tenantId, conversationId }, () => buyerBot.process(message));
 * ```
 */
export async function traceBotTurn<T>(
  options: BotTurnSpanOptions,
  run: () => Promise<T>,
): Promise<T> {
  const tracer = options.tracer ?? trace.getTracer(INSTRUMENTATION_SCOPE);
  return tracer.startActiveSpan(
    `invoke_agent ${options.bot}`,
    { kind: SpanKind.INTERNAL, attributes: botTurnAttributes(options) },
    async (span) => {
      try {
        return await run();
      } catch (error) {
        const type = errorType(error);
        span.setAttribute(GEN_AI.errorType, type);
        span.setStatus({ code: SpanStatusCode.ERROR, message: type });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
