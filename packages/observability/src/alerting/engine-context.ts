import type { Clock, EventBus } from '@enterprisehub/core';
import type { AlertDispatcher, AlertErrorHandler } from './alert-dispatcher';
import type { AlertEntry } from './alert-entry';
import type { AlertHistory } from './alert-history';
import type { AlertSource } from './alert-source';
import type { EscalationPolicy } from './escalation-policy';
import type { InhibitionRule } from './inhibition-rule';
import type { RuleRegistry } from './rule-registry';
import type { SilenceRegistry } from './silence-registry';

/**
 * Everything one evaluation step reads and mutates.
 *
 * @internal
 */
export interface EngineContext {
  clock: Clock;
  source: AlertSource;
  rules: RuleRegistry;
  silences: SilenceRegistry;
  inhibitionRules: InhibitionRule[];
  policy: EscalationPolicy | undefined;
  entries: Map<string, AlertEntry>;
  /** Last firing notice per fingerprint, across episodes (flap protection). */
  lastNotice: Map<string, number>;
  dispatcher: AlertDispatcher;
  history: AlertHistory;
  events: EventBus | undefined;
  externalUrl: string | undefined;
  onError: AlertErrorHandler;
}
