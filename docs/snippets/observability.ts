/**
 * Compiled snippet for docs/observability.md: wiring the tracker, the metrics collector, LLM tracing
 * with cost, the cost guard, OpenTelemetry and Prometheus around one LlmClient and one event bus.
 */
import {
  systemClock,
  type EventBus,
  type LlmClient,
  type MetricsRepository,
  type Tenant,
} from '@enterprisehub/core';
import {
  createBotMetricsCollector,
  createCostAnomalyDetector,
  createCostGuard,
  createLlmTraceStore,
  createPerformanceTracker,
  createPriceTable,
  withCostGuard,
  withLlmTracing,
  type BotMetricsCollector,
  type PerformanceTracker,
} from '@enterprisehub/observability';
import { createOtelEventBridge, withOtelTracing } from '@enterprisehub/observability/otel';
import {
  createPrometheusMetrics,
  type PrometheusMetrics,
} from '@enterprisehub/observability/prometheus';

/** What the host service provides. */
export interface ObservabilityWiring {
  /** The core event bus every component emits on. */
  events: EventBus;
  /** The raw model client (e.g. the Anthropic adapter). */
  llm: LlmClient;
  /** Persistence for the tracker (kysely adapter in production, memory in tests). */
  repository?: MetricsRepository;
  /** Looks up a tenant, for per-tenant spend limits and fallback models. */
  tenant: (tenantId: string) => Tenant | undefined;
}

/** Everything the service keeps a handle on. */
export interface Observability {
  tracker: PerformanceTracker;
  collector: BotMetricsCollector;
  llm: LlmClient;
  prometheus: PrometheusMetrics;
}

/** Wires observability; call `await tracker.restore(...)` once before traffic. */
export function wireObservability(wiring: ObservabilityWiring): Observability {
  const clock = systemClock;
  const tracker = createPerformanceTracker({ clock, repository: wiring.repository });
  const collector = createBotMetricsCollector({ events: wiring.events, tracker, clock });

  // Price overrides: a negotiated Haiku rate from June 2026 on (history keeps the list price).
  const priceTable = createPriceTable({
    prices: [
      {
        model: 'claude-haiku-4-5',
        effectiveFrom: '2026-06-01',
        rates: {
          inputPerMTok: 0.9,
          outputPerMTok: 4.5,
          cacheReadPerMTok: 0.09,
          cacheWrite5mPerMTok: 1.125,
          cacheWrite1hPerMTok: 1.8,
        },
      },
    ],
  });

  const costGuard = createCostGuard({
    clock,
    events: wiring.events,
    tenantLimits: (tenantId) => {
      const budget = wiring.tenant(tenantId)?.llm;
      return (
        budget && {
          softLimitUsdPerHour: budget.hourlyLimitUsd,
          hardLimitUsdPerHour: budget.emergencyStopUsd,
        }
      );
    },
  });
  const anomalies = createCostAnomalyDetector();
  const store = createLlmTraceStore({ clock });

  const traced = withLlmTracing(withOtelTracing(wiring.llm), {
    clock,
    priceTable,
    store,
    events: wiring.events,
    costGuard,
    onTrace: (trace) => {
      if (trace.bot !== undefined && trace.costUsd !== undefined) {
        anomalies.observe({ tenantId: trace.tenantId, bot: trace.bot, costUsd: trace.costUsd });
      }
    },
  });
  const llm = withCostGuard(traced, {
    guard: costGuard,
    fallbackModel: (tenantId) => wiring.tenant(tenantId)?.llm.fallbackModel,
  });

  createOtelEventBridge({ events: wiring.events });
  const prometheus = createPrometheusMetrics({ events: wiring.events });
  return { tracker, collector, llm, prometheus };
}
