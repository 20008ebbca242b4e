/**
 * Compiled snippet for docs/alerting.md, "Quick start": the alert engine on the collector feed, with the channels
 * configured through the ALERT_* environment variables. A fuller wiring is in alerting.ts.
 */
import type { EventBus, MetricsRepository } from '@enterprisehub/core';
import type { BotMetricsCollector } from '@enterprisehub/observability';

declare const collector: BotMetricsCollector;
declare const repository: MetricsRepository;
declare const bus: EventBus;

// #region quick-start
import { systemClock } from '@enterprisehub/core';
import {
  DEFAULT_ALERT_RULES,
  createAlertEngine,
  createChannelsFromConfig,
  parseAlertingConfig,
} from '@enterprisehub/observability';

const engine = createAlertEngine({
  clock: systemClock,
  source: () => collector.feedToAlerting(), // metric values + sample counts, per evaluation
  channels: createChannelsFromConfig(parseAlertingConfig(process.env)),
  rules: DEFAULT_ALERT_RULES, // the default
  repository, // MetricsRepository: alert history survives restarts
  events: bus, // emits alert.fired / alert.resolved
  externalUrl: 'https://hub.example.com/dashboard',
});
engine.start(); // evaluates every 30 s (intervalMs) on the injected clock; engine.stop() ends it
// #endregion quick-start

export { engine };
