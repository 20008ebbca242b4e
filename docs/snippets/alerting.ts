/**
 * Compiled snippet for docs/alerting.md: wiring the alert engine to the collector feed and the channels
 * configured through the ALERT_* environment variables.
 */
import {
  createEventBus,
  systemClock,
  type EventBus,
  type MetricsRepository,
} from '@enterprisehub/core';
import {
  DEFAULT_ALERT_RULES,
  LLM_PROVIDER_DOWN_RULE,
  createAlertEngine,
  createChannelsFromConfig,
  createSlackNotifier,
  parseAlertingConfig,
  type AlertEngine,
  type AlertSource,
} from '@enterprisehub/observability';

/** Everything the snippet needs from the host service. */
export interface AlertingWiring {
  /** E.g. `() => collector.feedToAlerting()`. */
  source: AlertSource;
  /** Persists alert history (kysely adapter in production). */
  repository?: MetricsRepository;
  /** The process environment. */
  env: Readonly<Record<string, string | undefined>>;
  /** The core event bus (receives alert.fired / alert.resolved). */
  events?: EventBus;
}

/** Creates and starts the alert engine. */
export function startAlerting(wiring: AlertingWiring): AlertEngine {
  const config = parseAlertingConfig(wiring.env); // throws CONFIG_INVALID naming the bad variables
  const channels = [
    ...createChannelsFromConfig(config),
    // A second Slack channel with its own name, used only by the rules that list it.
    ...(wiring.env['SALES_SLACK_WEBHOOK_URL'] === undefined
      ? []
      : [
          createSlackNotifier({
            name: 'slack-sales',
            webhookUrl: wiring.env['SALES_SLACK_WEBHOOK_URL'],
            sendResolved: false,
          }),
        ]),
  ];
  const engine = createAlertEngine({
    clock: systemClock,
    source: wiring.source,
    channels,
    events: wiring.events ?? createEventBus(),
    repository: wiring.repository,
    rules: [
      ...DEFAULT_ALERT_RULES,
      LLM_PROVIDER_DOWN_RULE,
      {
        id: 'handoff_latency',
        name: 'Handoff latency',
        severity: 'warning',
        metric: 'handoff.response_time_p95',
        operator: '>',
        threshold: 500,
        forMs: 5 * 60_000,
        minSamples: 20,
        cooldownMs: 30 * 60_000,
        channels: ['slack', 'slack-sales'],
      },
    ],
    externalUrl: 'https://hub.example.com/dashboard',
  });
  engine.start();
  return engine;
}

/** Silences the SLA alerts of the lead bot during a deploy, then acknowledges a page. */
export async function maintenanceExample(engine: AlertEngine, now: number): Promise<void> {
  engine.createSilence({
    matchers: [
      { name: 'alertname', value: 'sla_violation' },
      { name: 'bot', value: 'lead' },
    ],
    endsAt: now + 30 * 60_000,
    createdBy: 'ops-alice',
    comment: 'Deploy 2026-02-08, expected latency spike',
  });
  const [page] = engine.alerts({ state: 'firing' });
  if (page) {
    const result = await engine.acknowledge({
      fingerprint: page.fingerprint,
      by: 'ops-alice',
      comment: 'on it',
    });
    if (result.kind === 'acknowledged') {
      // Escalation stopped; PagerDuty and Opsgenie got their acknowledge calls.
    }
  }
}
