/**
 * Compiled snippet for docs/observability.md, the opening wiring: tracker, collector, cost guard, LLM tracing,
 * OpenTelemetry and Prometheus around one LlmClient and one event bus. A fuller version is in observability.ts.
 */
import type {
  Clock,
  EventBus,
  LlmClient,
  MetricsRepository,
  TenantRegistry,
} from '@enterprisehub/core';

declare const clock: Clock;
declare const repository: MetricsRepository;
declare const registry: TenantRegistry;
declare const bus: EventBus;
declare const anthropic: LlmClient;

// #region wiring
import {
  createBotMetricsCollector,
  createCostGuard,
  createLlmTraceStore,
  createPerformanceTracker,
  withCostGuard,
  withLlmTracing,
} from '@enterprisehub/observability';
import { createOtelEventBridge, withOtelTracing } from '@enterprisehub/observability/otel';
import { createPrometheusMetrics } from '@enterprisehub/observability/prometheus';

const tracker = createPerformanceTracker({ clock, repository }); // MetricsRepository: survives restarts
await tracker.restore({ tenantIds: registry.list().map((tenant) => tenant.id) });
const collector = createBotMetricsCollector({ events: bus, tracker, clock });
const costGuard = createCostGuard({ clock, events: bus }); // $50/h degrade, $100/h stop
const store = createLlmTraceStore({ clock });
const llm = withCostGuard(
  withLlmTracing(withOtelTracing(anthropic), { clock, store, events: bus, costGuard }),
  { guard: costGuard, fallbackModel: 'claude-haiku-4-5' },
);
createOtelEventBridge({ events: bus });
const prometheus = createPrometheusMetrics({ events: bus });
// #endregion wiring

export { collector, llm, prometheus };
