export {
  createComplianceGuard,
  DEFAULT_QUIET_HOUR_CHANNELS,
  type ComplianceGuard,
  type ComplianceGuardOptions,
} from './compliance-guard';
export { classifyInbound, type ClassifyInboundOptions } from './classify-inbound';
export type {
  AgencyContactInfo,
  ComplianceAllow,
  ComplianceBlock,
  ComplianceCheckInput,
  ComplianceContact,
  ComplianceDefer,
  ComplianceResult,
  ComplianceRewrite,
  EscalationReason,
  InboundClassification,
} from './compliance-types';
export type { ComplianceFinding } from './text-rule-engine';
export {
  DEFAULT_COMPLIANCE_NOTES,
  type ComplianceNoteKey,
  type TextRule,
  type TextRuleRewrite,
} from './text-rule';
export {
  FAIR_HOUSING_DEMOGRAPHIC_RULES,
  FAIR_HOUSING_PREFERENCE_RULES,
} from './fair-housing-block-rules';
export { FAIR_HOUSING_STEERING_RULES } from './fair-housing-steering-rules';
export { ADVICE_RULES } from './advice-rules';
export { NEUTRAL_TERM_RULES } from './neutral-term-rules';
export { quietHoursEnd, zonedTimeToEpoch, type QuietHoursWindow } from './quiet-hours';
export { TREC_IABS_DEFAULT_URL, isSubstantive, requiresTrecNotice } from './disclosures';
