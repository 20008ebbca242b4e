import type { EventBus } from '@enterprisehub/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import {
  createInstruments,
  type PrometheusInstruments,
  type QueueDepthReader,
} from './prometheus-instruments';

/** Options for {@link createPrometheusMetrics}. */
export interface PrometheusMetricsOptions {
  /** Registry to register on. @defaultValue a new `Registry` */
  registry?: Registry;
  /** Bus to listen to (bot turns, handoffs, LLM calls, alerts, cache, rate limits, errors, messages, CRM). */
  events?: EventBus;
  /** Metric name prefix. @defaultValue 'enterprisehub_' */
  prefix?: string;
  /** Also collect prom-client's default process metrics. @defaultValue false */
  defaultMetrics?: boolean;
  /** Reads queue depths at scrape time, e.g. `async () => ({ inbound: await queue.count() })`. */
  queueDepth?: QueueDepthReader;
}

/** One HTTP request, as reported by the server's middleware. */
export interface HttpRequestObservation {
  /** HTTP method. */
  method: string;
  /** Route template (`/webhooks/ghl`, `/admin/tenants/:id`) — never the raw path, which may carry ids. */
  route: string;
  /** Response status code. */
  statusCode: number;
  /** Duration, ms. */
  durationMs: number;
}

/** Prometheus metrics of an EnterpriseHub deployment. */
export interface PrometheusMetrics {
  /** The registry (serve `await registry.metrics()` with `registry.contentType`). */
  readonly registry: Registry;
  /** The instruments, for direct use. */
  readonly instruments: PrometheusInstruments;
  /** Records one HTTP request. */
  observeHttpRequest(observation: HttpRequestObservation): void;
  /** The exposition text. */
  metrics(): Promise<string>;
  /** Unsubscribes from the bus. */
  close(): void;
}

const NONE = 'none';

/**
 * Creates the Prometheus registry with EnterpriseHub's metrics, fed from the core event bus:
 * request and bot-turn duration histograms, handoffs by outcome, LLM calls / tokens / cost,
 * alert states, cache, rate limits, errors, messages, CRM actions and queue depth. Labels are
 * bounded and PII-free: bots, operations, models, codes, route templates — never contact ids,
 * phone numbers or raw paths.
 *
 * @example
 * ```ts
 * const prometheus = createPrometheusMetrics({ events: bus, queueDepth: async () => ({ inbound: await queue.size() }) });
 * app.get('/metrics', async (_req, res) => res.type(prometheus.registry.contentType).send(await prometheus.metrics()));
 * ```
 */
export function createPrometheusMetrics(options: PrometheusMetricsOptions = {}): PrometheusMetrics {
  const registry = options.registry ?? new Registry();
  const prefix = options.prefix ?? 'enterprisehub_';
  const instruments = createInstruments(registry, prefix, options.queueDepth);
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix });
  const firing = new Map<string, { rule: string; severity: string }>();
  const refreshFiring = (): void => {
    instruments.alertsFiring.reset();
    for (const labels of firing.values()) instruments.alertsFiring.inc(labels);
  };

  const subscriptions: (() => void)[] = [];
  const events = options.events;
  if (events) {
    subscriptions.push(
      events.on('bot.turn.completed', (event) => {
        instruments.botTurnDuration.observe(
          {
            bot: event.bot,
            operation: event.operation,
            outcome: event.success ? 'success' : 'error',
          },
          event.durationMs / 1000,
        );
      }),
      events.on('handoff.completed', (event) => {
        instruments.handoffs.inc({
          from: event.from,
          to: event.to,
          outcome: 'completed',
          reason: NONE,
        });
      }),
      events.on('handoff.blocked', (event) => {
        instruments.handoffs.inc({
          from: event.from,
          to: event.to,
          outcome: 'blocked',
          reason: event.reason,
        });
      }),
      events.on('llm.called', (event) => {
        const bot = event.bot ?? NONE;
        const { usage } = event;
        instruments.llmCalls.inc({ model: event.model, bot, outcome: event.outcome });
        instruments.llmDuration.observe(
          { model: event.model, outcome: event.outcome },
          event.latencyMs / 1000,
        );
        instruments.llmTokens.inc({ model: event.model, bot, type: 'input' }, usage.inputTokens);
        instruments.llmTokens.inc({ model: event.model, bot, type: 'output' }, usage.outputTokens);
        instruments.llmTokens.inc(
          { model: event.model, bot, type: 'cache_read' },
          usage.cacheReadTokens,
        );
        instruments.llmTokens.inc(
          { model: event.model, bot, type: 'cache_write' },
          usage.cacheWrite5mTokens + usage.cacheWrite1hTokens,
        );
        if (event.costUsd === undefined) instruments.llmUnknownCost.inc({ model: event.model });
        else instruments.llmCost.inc({ model: event.model, bot }, event.costUsd);
      }),
      events.on('alert.fired', (event) => {
        instruments.alertsFired.inc({ rule: event.ruleId, severity: event.severity });
        firing.set(event.fingerprint, { rule: event.ruleId, severity: event.severity });
        refreshFiring();
      }),
      events.on('alert.resolved', (event) => {
        firing.delete(event.fingerprint);
        refreshFiring();
      }),
      events.on('cache.accessed', (event) =>
        instruments.cacheRequests.inc({ tier: event.tier, result: event.hit ? 'hit' : 'miss' }),
      ),
      events.on('rate_limit.hit', (event) =>
        instruments.rateLimitHits.inc({ source: event.source }),
      ),
      events.on('error.raised', (event) => instruments.errors.inc({ code: event.code })),
      events.on('message.received', (event) =>
        instruments.messages.inc({ channel: event.channel }),
      ),
      events.on('crm.action.delivered', (event) =>
        instruments.crmActions.inc({ type: event.actionType, outcome: 'delivered' }),
      ),
      events.on('crm.action.failed', (event) =>
        instruments.crmActions.inc({ type: event.actionType, outcome: 'failed' }),
      ),
    );
  }

  return {
    registry,
    instruments,
    observeHttpRequest(observation) {
      instruments.httpDuration.observe(
        {
          method: observation.method.toUpperCase(),
          route: observation.route,
          status_code: String(observation.statusCode),
        },
        observation.durationMs / 1000,
      );
    },
    metrics: () => registry.metrics(),
    close() {
      for (const unsubscribe of subscriptions) unsubscribe();
    },
  };
}
