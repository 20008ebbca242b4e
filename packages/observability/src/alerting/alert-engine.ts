import { toEnterpriseHubError, type AlertRecord } from '@enterprisehub/core';
import { acknowledgeAlert } from './acknowledge-alert';
import type { Alert } from './alert';
import type { AlertDelivery } from './alert-dispatcher';
import { createEngineContext, type AlertEngineOptions } from './alert-engine-options';
import { toAlertView } from './alert-entry';
import type { AlertHistoryQuery } from './alert-history';
import type { AlertRule, AlertRuleInput } from './alert-rule';
import type { InhibitionRule } from './inhibition-rule';
import { runEvaluation, type AlertEvaluationReport } from './run-evaluation';
import type { Silence, SilenceInput } from './silence';

export type { AlertEngineOptions } from './alert-engine-options';

/** Options for {@link AlertEngine.acknowledge}. */
export interface AcknowledgeOptions {
  /** Fingerprint of the alert, or the id of its firing episode (`Alert.id`). */
  fingerprint: string;
  /** Who acknowledges: an operator id, not PII. */
  by: string;
  /** Optional note, forwarded to Opsgenie. */
  comment?: string;
}

/** Outcome of {@link AlertEngine.acknowledge}. */
export type AcknowledgeResult =
  | { kind: 'acknowledged'; alert: Alert; deliveries: readonly AlertDelivery[] }
  | { kind: 'already_acknowledged'; alert: Alert }
  | { kind: 'not_found' };

/** The alerting engine: rules, states, silences, inhibition, escalation, acknowledgement and history. */
export interface AlertEngine {
  /** Runs one evaluation now (serialised with timer-driven ones). */
  evaluate(): Promise<AlertEvaluationReport>;
  /** Evaluates every `intervalMs` on the injected clock until `stop()`. */
  start(): void;
  /** Stops the timer (an evaluation in flight completes). */
  stop(): void;
  /** Whether the timer runs. */
  readonly running: boolean;
  /** Resolves when no evaluation or acknowledgement is in flight. */
  idle(): Promise<void>;
  /** Rules in insertion order. */
  listRules(): AlertRule[];
  /** One rule or `undefined`. */
  getRule(id: string): AlertRule | undefined;
  /** Adds a validated rule; throws `ALERT_RULE_INVALID` or `ALERT_RULE_CONFLICT`. */
  addRule(input: AlertRuleInput): AlertRule;
  /** Updates a rule; throws `ALERT_RULE_NOT_FOUND` or `ALERT_RULE_INVALID`. */
  updateRule(id: string, patch: Partial<AlertRuleInput>): AlertRule;
  /** Removes a rule (its alerts resolve at the next evaluation); `false` when unknown. */
  removeRule(id: string): boolean;
  /** Enables a rule; throws `ALERT_RULE_NOT_FOUND`. */
  enableRule(id: string): AlertRule;
  /** Disables a rule (its alerts resolve at the next evaluation); throws `ALERT_RULE_NOT_FOUND`. */
  disableRule(id: string): AlertRule;
  /** Pending and firing alerts. */
  alerts(filter?: { state?: 'pending' | 'firing' }): Alert[];
  /** One tracked alert by fingerprint. */
  getAlert(fingerprint: string): Alert | undefined;
  /**
   * Acknowledges a firing alert (by fingerprint or episode id): stops escalation and repeats, acknowledges
   * upstream (PagerDuty, Opsgenie).
   */
  acknowledge(options: AcknowledgeOptions): Promise<AcknowledgeResult>;
  /** Shorthand for `acknowledge({ fingerprint, by })`. */
  acknowledge(fingerprint: string, by: string): Promise<AcknowledgeResult>;
  /** Creates a silence; throws `ALERT_RULE_INVALID`. */
  createSilence(input: SilenceInput): Silence;
  /** Ends a silence now; `undefined` when unknown. */
  expireSilence(id: string): Silence | undefined;
  /** Silences, newest first. */
  listSilences(options?: { includeExpired?: boolean }): Silence[];
  /** The inhibition rules in force. */
  listInhibitionRules(): readonly InhibitionRule[];
  /** Alert history (one record per firing episode), newest first. */
  history(query?: AlertHistoryQuery): Promise<AlertRecord[]>;
}

/**
 * Creates the alert engine.
 *
 * @example
 * ```ts
 * const engine = createAlertEngine({
 *   clock: systemClock,
 *   source: () => collector.feedToAlerting(),
 *   channels: createChannelsFromConfig(parseAlertingConfig(process.env)),
 *   events: bus,
 * });
 * engine.start();
 * ```
 */
export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const { clock } = options;
  const context = createEngineContext(options);
  const { onError } = context;
  const intervalMs = options.intervalMs ?? 30_000;
  let chain: Promise<unknown> = Promise.resolve();
  const serialise = <T>(task: () => Promise<T>): Promise<T> => {
    const result = chain.then(task, task);
    chain = result.catch(() => undefined);
    return result;
  };
  let timer: { cancel(): void } | undefined;
  const schedule = (): void => {
    timer = clock.setTimer(() => {
      schedule();
      void serialise(() => runEvaluation(context)).catch((error: unknown) => {
        onError(toEnterpriseHubError(error), { operation: 'evaluate' });
      });
    }, intervalMs);
  };
  const setEnabled = (id: string, enabled: boolean): AlertRule =>
    context.rules.update(id, { enabled });
  return {
    evaluate: () => serialise(() => runEvaluation(context)),
    start: () => {
      if (!timer) schedule();
    },
    stop: () => {
      timer?.cancel();
      timer = undefined;
    },
    get running() {
      return timer !== undefined;
    },
    idle: async () => {
      await chain;
    },
    listRules: () => context.rules.list(),
    getRule: (id) => context.rules.get(id),
    addRule: (input) => context.rules.add(input),
    updateRule: (id, patch) => context.rules.update(id, patch),
    removeRule: (id) => context.rules.remove(id),
    enableRule: (id) => setEnabled(id, true),
    disableRule: (id) => setEnabled(id, false),
    alerts: (filter = {}) =>
      [...context.entries.values()]
        .filter((entry) => filter.state === undefined || entry.state === filter.state)
        .map((entry) => toAlertView(entry)),
    getAlert: (fingerprint) => {
      const entry = context.entries.get(fingerprint);
      return entry ? toAlertView(entry) : undefined;
    },
    acknowledge: (target: AcknowledgeOptions | string, by?: string) => {
      const ackOptions =
        typeof target === 'string' ? { fingerprint: target, by: by ?? 'unknown' } : target;
      return serialise(() => acknowledgeAlert(context, ackOptions));
    },
    createSilence: (input) => context.silences.create(input),
    expireSilence: (id) => context.silences.expire(id),
    listSilences: (listOptions) => context.silences.list(listOptions),
    listInhibitionRules: () => context.inhibitionRules,
    history: (query) => context.history.list(query),
  };
}
