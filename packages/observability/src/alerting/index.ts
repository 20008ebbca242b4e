export {
  createAlertEngine,
  type AcknowledgeOptions,
  type AcknowledgeResult,
  type AlertEngine,
  type AlertEngineOptions,
} from './alert-engine';
export type { Alert, AlertState, AlertSuppression } from './alert';
export type { AlertDelivery, AlertErrorHandler } from './alert-dispatcher';
export type { AlertEvaluationReport } from './run-evaluation';
export type { AlertHistoryQuery } from './alert-history';
export type { AlertSource, AlertSourceRequest, AlertSourceSnapshot } from './alert-source';
export {
  alertOperatorSchema,
  alertRuleSchema,
  alertThresholdOverrideSchema,
  durationSchema,
  type AlertOperator,
  type AlertRule,
  type AlertRuleInput,
  type AlertThresholdOverride,
} from './alert-rule';
export { DEFAULT_ALERT_RULES, LLM_PROVIDER_DOWN_RULE } from './default-alert-rules';
export {
  DEFAULT_ESCALATION_POLICY,
  escalationLevelSchema,
  escalationPolicySchema,
  type EscalationPolicy,
  type EscalationPolicyInput,
} from './escalation-policy';
export {
  DEFAULT_INHIBITION_RULES,
  findInhibitors,
  inhibitionRuleSchema,
  type FindInhibitorsOptions,
  type InhibitionCandidate,
  type InhibitionRule,
  type InhibitionRuleInput,
} from './inhibition-rule';
export {
  labelMatcherSchema,
  matchesAllLabels,
  matchesLabel,
  type LabelMatcher,
} from './label-matcher';
export {
  silenceInputSchema,
  silenceStatus,
  type Silence,
  type SilenceInput,
  type SilenceStatus,
} from './silence';
export { alertFingerprint } from './alert-fingerprint';
export { parseDurationMs } from './parse-duration';
export {
  buildAlertNotification,
  formatMetricValue,
  type BuildAlertNotificationOptions,
} from './build-alert-notification';
