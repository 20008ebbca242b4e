import type { Clock, EventBus, MetricsRepository } from '@enterprisehub/core';
import type { AlertChannel } from '../channels/alert-channel';
import { createAlertDispatcher, type AlertErrorHandler } from './alert-dispatcher';
import { createAlertHistory } from './alert-history';
import type { AlertRuleInput } from './alert-rule';
import type { AlertSource } from './alert-source';
import { DEFAULT_ALERT_RULES } from './default-alert-rules';
import type { EngineContext } from './engine-context';
import { escalationPolicySchema, type EscalationPolicyInput } from './escalation-policy';
import {
  DEFAULT_INHIBITION_RULES,
  inhibitionRuleSchema,
  type InhibitionRuleInput,
} from './inhibition-rule';
import { createRuleRegistry } from './rule-registry';
import { createSilenceRegistry } from './silence-registry';
import { parseAlertingInput } from './validation-error';

/** Options for `createAlertEngine`. */
export interface AlertEngineOptions {
  /** Time source for evaluation timers, `for` durations, cooldowns and escalation. */
  clock: Clock;
  /** Metric values and sample counts per evaluation, e.g. `() => collector.feedToAlerting()`. */
  source: AlertSource;
  /** Notification channels; rules and escalation levels refer to them by name or kind. */
  channels: readonly AlertChannel[];
  /** Rules; default {@link DEFAULT_ALERT_RULES}. */
  rules?: readonly AlertRuleInput[];
  /** Persists alert history through the core port; default a bounded in-memory history. */
  repository?: MetricsRepository;
  /** Receives `alert.fired` / `alert.resolved`. */
  events?: EventBus;
  /** Escalation of unacknowledged alerts; `false` disables it. Default: the seed ladder (L2 5 min, L3 15 min). */
  escalation?: EscalationPolicyInput | false;
  /** Inhibition rules; default {@link DEFAULT_INHIBITION_RULES}. */
  inhibitionRules?: readonly InhibitionRuleInput[];
  /** Evaluation interval for `start()`, ms. @defaultValue 30000 */
  intervalMs?: number;
  /** Upper bound for one channel delivery including its retries, ms. @defaultValue 60000 */
  deliveryTimeoutMs?: number;
  /** Dashboard link put into notifications. */
  externalUrl?: string;
  /** Receives channel, history and source failures (PII-free); default ignores them. */
  onError?: AlertErrorHandler;
}

/**
 * Validates the options and builds the engine's state.
 *
 * @internal
 */
export function createEngineContext(options: AlertEngineOptions): EngineContext {
  const { clock } = options;
  const onError: AlertErrorHandler = options.onError ?? (() => undefined);
  const inhibitionRules = (options.inhibitionRules ?? DEFAULT_INHIBITION_RULES).map((rule) =>
    parseAlertingInput({ schema: inhibitionRuleSchema, input: rule, what: 'inhibition rule' }),
  );
  return {
    clock,
    source: options.source,
    rules: createRuleRegistry(options.rules ?? DEFAULT_ALERT_RULES),
    silences: createSilenceRegistry({ clock }),
    inhibitionRules,
    policy:
      options.escalation === false
        ? undefined
        : parseAlertingInput({
            schema: escalationPolicySchema,
            input: options.escalation ?? {},
            what: 'escalation policy',
          }),
    entries: new Map(),
    lastNotice: new Map(),
    dispatcher: createAlertDispatcher({
      channels: options.channels,
      clock,
      deliveryTimeoutMs: options.deliveryTimeoutMs ?? 60_000,
      onError,
    }),
    history: createAlertHistory(options.repository ? { repository: options.repository } : {}),
    events: options.events,
    externalUrl: options.externalUrl,
    onError,
  };
}
