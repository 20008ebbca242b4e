import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Buckets for HTTP request durations, seconds (webhook answers should land in the first few). */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Buckets for bot-turn durations, seconds, aligned on the SLA targets (0.5, 1.5, 1.8, 2, 2.5, 3, 3.5 s). */
export const BOT_TURN_DURATION_BUCKETS = [
  0.05, 0.1, 0.25, 0.5, 0.8, 1, 1.5, 1.8, 2, 2.5, 3, 3.5, 5, 10, 30,
];

/** Buckets for model-call durations, seconds. */
export const LLM_DURATION_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

/** Reads queue depths at scrape time. */
export type QueueDepthReader = () => Record<string, number> | Promise<Record<string, number>>;

/** Every instrument of the Prometheus integration, registered on one registry. */
export function createInstruments(
  registry: Registry,
  prefix: string,
  queueDepth?: QueueDepthReader,
) {
  const registers = [registry];
  const name = (suffix: string): string => `${prefix}${suffix}`;
  return {
    httpDuration: new Histogram({
      name: name('http_request_duration_seconds'),
      help: 'HTTP request duration by method, route template and status code.',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: HTTP_DURATION_BUCKETS,
      registers,
    }),
    botTurnDuration: new Histogram({
      name: name('bot_turn_duration_seconds'),
      help: 'Bot turn duration by bot, operation and outcome.',
      labelNames: ['bot', 'operation', 'outcome'] as const,
      buckets: BOT_TURN_DURATION_BUCKETS,
      registers,
    }),
    handoffs: new Counter({
      name: name('handoffs_total'),
      help: 'Handoff decisions by source bot, target bot, outcome (completed/blocked) and block reason.',
      labelNames: ['from', 'to', 'outcome', 'reason'] as const,
      registers,
    }),
    llmCalls: new Counter({
      name: name('llm_calls_total'),
      help: 'Model calls by model, bot and outcome.',
      labelNames: ['model', 'bot', 'outcome'] as const,
      registers,
    }),
    llmDuration: new Histogram({
      name: name('llm_call_duration_seconds'),
      help: 'Model call duration by model and outcome.',
      labelNames: ['model', 'outcome'] as const,
      buckets: LLM_DURATION_BUCKETS,
      registers,
    }),
    llmTokens: new Counter({
      name: name('llm_tokens_total'),
      help: 'Model tokens by model, bot and type (input, output, cache_read, cache_write).',
      labelNames: ['model', 'bot', 'type'] as const,
      registers,
    }),
    llmCost: new Counter({
      name: name('llm_cost_usd_total'),
      help: 'Model spend in USD by model and bot (calls with a known price).',
      labelNames: ['model', 'bot'] as const,
      registers,
    }),
    llmUnknownCost: new Counter({
      name: name('llm_unknown_cost_calls_total'),
      help: 'Model calls whose model had no price (cost unknown, not zero).',
      labelNames: ['model'] as const,
      registers,
    }),
    alertsFired: new Counter({
      name: name('alerts_fired_total'),
      help: 'Alerts fired by rule and severity.',
      labelNames: ['rule', 'severity'] as const,
      registers,
    }),
    cacheRequests: new Counter({
      name: name('cache_requests_total'),
      help: 'Cache reads by tier and result.',
      labelNames: ['tier', 'result'] as const,
      registers,
    }),
    rateLimitHits: new Counter({
      name: name('rate_limit_hits_total'),
      help: 'Rate-limit hits by source (ghl, llm, api, handoff).',
      labelNames: ['source'] as const,
      registers,
    }),
    errors: new Counter({
      name: name('errors_total'),
      help: 'Errors raised by error code.',
      labelNames: ['code'] as const,
      registers,
    }),
    messages: new Counter({
      name: name('messages_received_total'),
      help: 'Inbound messages by channel.',
      labelNames: ['channel'] as const,
      registers,
    }),
    crmActions: new Counter({
      name: name('crm_actions_total'),
      help: 'CRM actions by type and outcome (delivered/failed).',
      labelNames: ['type', 'outcome'] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: name('queue_depth'),
      help: 'Jobs waiting per queue.',
      labelNames: ['queue'] as const,
      registers,
      async collect() {
        if (!queueDepth) return;
        try {
          const depths = await queueDepth();
          this.reset();
          for (const [queue, depth] of Object.entries(depths)) this.set({ queue }, depth);
        } catch {
          // A failing queue probe must not break the scrape; the gauge keeps its last values.
        }
      },
    }),
    alertsFiring: new Gauge({
      name: name('alerts_firing'),
      help: 'Alerts currently firing by rule and severity.',
      labelNames: ['rule', 'severity'] as const,
      registers,
    }),
  };
}

/** The instruments created by {@link createInstruments}. */
export type PrometheusInstruments = ReturnType<typeof createInstruments>;
