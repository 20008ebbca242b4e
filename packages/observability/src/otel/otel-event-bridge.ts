import { GLOBAL_TENANT_ID, type EventBus } from '@enterprisehub/core';
import {
  metrics,
  SpanKind,
  SpanStatusCode,
  trace,
  type Meter,
  type Tracer,
} from '@opentelemetry/api';
import { ENTERPRISEHUB, GEN_AI, INSTRUMENTATION_SCOPE } from './gen-ai-conventions';
import { botTurnAttributes } from './trace-bot-turn';

/** Options for {@link createOtelEventBridge}. */
export interface OtelEventBridgeOptions {
  /** The core event bus. */
  events: EventBus;
  /** Tracer. @defaultValue the global tracer (no-op without a provider) */
  tracer?: Tracer;
  /** Meter. @defaultValue the global meter (no-op without a provider) */
  meter?: Meter;
}

/** A running bridge; `close()` unsubscribes. */
export interface OtelEventBridge {
  /** Stops listening to the bus. */
  close(): void;
}

/**
 * Turns bus events into OpenTelemetry data without the bots importing OpenTelemetry: every
 * `bot.turn.completed` becomes an `invoke_agent {bot}` span back-dated to the turn's real start
 * and end, and counters count turns (`enterprisehub.bot.turns`), handoffs by outcome
 * (`enterprisehub.handoffs`) and fired alerts (`enterprisehub.alerts.fired`). Use
 * {@link traceBotTurn} instead where the code can wrap the turn, to get model calls as children.
 *
 * @example
 * ```ts
 * const bridge = createOtelEventBridge({ events: bus });
 * ```
 */
export function createOtelEventBridge(options: OtelEventBridgeOptions): OtelEventBridge {
  const tracer = options.tracer ?? trace.getTracer(INSTRUMENTATION_SCOPE);
  const meter = options.meter ?? metrics.getMeter(INSTRUMENTATION_SCOPE);
  const turns = meter.createCounter('enterprisehub.bot.turns', {
    description: 'Bot turns processed.',
    unit: '{turn}',
  });
  const handoffs = meter.createCounter('enterprisehub.handoffs', {
    description: 'Handoff decisions by outcome.',
    unit: '{handoff}',
  });
  const alerts = meter.createCounter('enterprisehub.alerts.fired', {
    description: 'Alerts fired.',
    unit: '{alert}',
  });
  const tenantOf = (tenantId: string): string =>
    tenantId === GLOBAL_TENANT_ID ? 'global' : tenantId;

  const subscriptions = [
    options.events.on('bot.turn.completed', (event) => {
      const span = tracer.startSpan(`invoke_agent ${event.bot}`, {
        kind: SpanKind.INTERNAL,
        startTime: event.at - event.durationMs,
        attributes: botTurnAttributes({
          bot: event.bot,
          tenantId: event.tenantId,
          operation: event.operation,
        }),
      });
      if (!event.success) {
        span.setAttribute(GEN_AI.errorType, event.errorCode ?? '_OTHER');
        span.setStatus({ code: SpanStatusCode.ERROR, message: event.errorCode ?? 'failed' });
      }
      span.end(event.at);
      turns.add(1, {
        [GEN_AI.agentName]: event.bot,
        [ENTERPRISEHUB.operation]: event.operation,
        outcome: event.success ? 'success' : 'error',
      });
    }),
    options.events.on('handoff.completed', (event) => {
      handoffs.add(1, { from: event.from, to: event.to, outcome: 'completed' });
    }),
    options.events.on('handoff.blocked', (event) => {
      handoffs.add(1, { from: event.from, to: event.to, outcome: 'blocked', reason: event.reason });
    }),
    options.events.on('alert.fired', (event) => {
      alerts.add(1, {
        rule: event.ruleId,
        severity: event.severity,
        [ENTERPRISEHUB.tenantId]: tenantOf(event.tenantId),
      });
    }),
  ];
  return {
    close() {
      for (const unsubscribe of subscriptions) unsubscribe();
    },
  };
}
