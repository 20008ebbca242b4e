/**
 * @module
 */
export const PACKAGE_NAME = '@enterprisehub/bots';

// --- intent: intent decoder (rules engine + LLM mode) ---
export {
  createIntentDecoder,
  type DecodeOptions,
  type IntentDecoder,
  type IntentDecoderOptions,
} from './intent/intent-decoder';
export {
  decodeIntentWithRules,
  INTENTS,
  UNKNOWN_FLOOR,
  type Intent,
  type IntentResult,
  type RulesIntentResult,
} from './intent/rules-intent';
export { calibrateConfidence, INTENT_CALIBRATION } from './intent/calibration';
export { INTENT_SIGNALS, type IntentSignal, type SignalTarget } from './intent/intent-signals';
export { questionTopics, type HistoryMessage, type QuestionTopic } from './intent/question-context';
export {
  DEFAULT_MODEL_CONFIDENCE,
  INTENT_SYSTEM_PROMPT,
  llmIntentSchema,
  type LlmIntent,
} from './intent/llm-intent';

// --- extraction: fact extractor (rules engine + LLM mode) and fact merging ---
export {
  createFactExtractor,
  type ExtractionResult,
  type ExtractOptions,
  type FactExtractor,
  type FactExtractorOptions,
} from './extraction/fact-extractor';
export {
  extractFactsWithRules,
  type RulesExtraction,
  type RulesExtractionOptions,
} from './extraction/rules-extractor';
export {
  EXTRACTED_FACT_NAMES,
  extractedFactsSchema,
  type ExtractedFactName,
  type ExtractedFacts,
  type FactConfidence,
} from './extraction/extracted-facts';
export { mergeFacts, type MergeFactsOptions } from './extraction/merge-facts';
export { LEAD_MOTIVATIONS, type LeadMotivation } from './extraction/motivation-rules';
export type { ExtractedCondition, ExtractedPropertyType } from './extraction/property-rules';
export { EXTRACTION_SYSTEM_PROMPT, llmFactsSchema, type LlmFacts } from './extraction/llm-facts';

// --- market: area matching and price bands ---
export {
  createAreaMatcher,
  type AreaMatcher,
  type AreaMatcherOptions,
} from './market/area-matcher';
export { AUSTIN_AREA_ALIASES } from './market/area-aliases';
export { findPriceBand, marketFloorUsd, priceBandsForBudget } from './market/price-bands';
export { defaultMarket, defaultTimeZone } from './market/default-market';
export { normalizeText, simplifyText } from './market/normalize-text';
export { editDistance, typoBudget } from './market/edit-distance';

// --- compliance: compliance guard (outgoing), inbound classifier, rule tables, quiet hours ---
export {
  ADVICE_RULES,
  classifyInbound,
  createComplianceGuard,
  DEFAULT_COMPLIANCE_NOTES,
  DEFAULT_QUIET_HOUR_CHANNELS,
  FAIR_HOUSING_DEMOGRAPHIC_RULES,
  FAIR_HOUSING_PREFERENCE_RULES,
  FAIR_HOUSING_STEERING_RULES,
  isSubstantive,
  NEUTRAL_TERM_RULES,
  quietHoursEnd,
  requiresTrecNotice,
  TREC_IABS_DEFAULT_URL,
  zonedTimeToEpoch,
  type AgencyContactInfo,
  type ClassifyInboundOptions,
  type ComplianceAllow,
  type ComplianceBlock,
  type ComplianceCheckInput,
  type ComplianceContact,
  type ComplianceDefer,
  type ComplianceFinding,
  type ComplianceGuard,
  type ComplianceGuardOptions,
  type ComplianceNoteKey,
  type ComplianceResult,
  type ComplianceRewrite,
  type EscalationReason,
  type InboundClassification,
  type QuietHoursWindow,
  type TextRule,
  type TextRuleRewrite,
} from './compliance/index';

// --- scoring: 1–10 lead score with temperature and reasons ---
export {
  DEFAULT_SCORING_WEIGHTS,
  DEFAULT_TEMPERATURE_THRESHOLDS,
  scoreLead,
  temperatureFor,
  toLeadScore,
  type LeadActivity,
  type LeadScoreResult,
  type PlainScoringFacts,
  type ScoreFactor,
  type ScoreLeadInput,
  type ScoreReason,
  type ScoringFacts,
  type ScoringFactValue,
  type ScoringWeights,
  type TemperatureThresholds,
} from './scoring/index';

// --- handoff: handoff governor (guardrails, analytics) and handoff context ---
export {
  BOT_KEY_FACTS,
  buildHandoffContext,
  createHandoffGovernor,
  DEFAULT_HANDOFF_GUARDRAILS,
  type HandoffAllowed,
  type HandoffAnalytics,
  type HandoffBlocked,
  type HandoffContext,
  type HandoffContextInput,
  type HandoffDecision,
  type HandoffFacts,
  type HandoffGovernor,
  type HandoffGovernorOptions,
  type HandoffGovernorSettings,
  type HandoffGuardrails,
  type HandoffHistoryEntry,
  type HandoffRequest,
} from './handoff/index';

// --- engines: Lead, Buyer and Seller bots (rules engine), listing matching, CMA, demo listings ---
export {
  emptyPlan,
  type AttributeValue,
  type BotEngine,
  type BotTurnContext,
  type BotTurnPlan,
  type CrmActionDraft,
} from './engines/bot-engine';
export { createLeadBot } from './engines/lead-bot';
export { createBuyerBot } from './engines/buyer-bot';
export {
  chooseListing,
  offeredListingsSchema,
  type OfferedListing,
} from './engines/listing-choice';
export { createSellerBot, readSquareFeet } from './engines/seller-bot';
export { describeMatch, matchListings, type ListingMatch } from './engines/listing-matcher';
export {
  computeCma,
  CONDITION_ADJUSTMENTS,
  SIZE_ELASTICITY,
  type Cma,
  type CmaComp,
  type CmaSubject,
} from './engines/cma';
export {
  chooseSlot,
  describeSlots,
  findFreeSlots,
  pickByIndex,
  type Choice,
} from './engines/appointment-slots';
export {
  BUYER_QUESTIONS,
  nextQuestion,
  SELLER_QUESTIONS,
  type QuestionSpec,
} from './engines/question-plan';
export { formatList, formatLocalTime, formatUsd, median, quantile } from './engines/format';
export { createBotDemoListings, createDemoListingSource } from './engines/demo-listing-source';

// --- templates: per-tenant voice with A/B variants ---
export {
  DEFAULT_TEMPLATES,
  type TemplateKey,
  type TemplateOverrides,
} from './templates/default-templates';
export {
  createTemplateRenderer,
  type RenderedTemplate,
  type TemplateRenderer,
  type TemplateRendererOptions,
  type TemplateUse,
  type TemplateVars,
} from './templates/template-renderer';
export { fnv1a, pickVariant, VARIANT_LABELS, type VariantLabel } from './templates/variant-hash';

// --- llm: LLM mode (cost guard port, guarded client, reply prompts) ---
export type { LlmCostGuard, LlmCostMode, LlmCostVerdict } from './llm/llm-cost-guard';
export { createGuardedLlmClient, type GuardedLlmClientOptions } from './llm/guarded-llm-client';
export { BOT_PERSONAS, staticReplyPrompt } from './llm/reply-prompts';
export {
  groundingTokens,
  llmReplySchema,
  writeReplyWithLlm,
  type LlmReply,
  type LlmReplyInput,
} from './llm/llm-reply-writer';

// --- scheduling: job names, nurture cadence ---
export {
  BOT_JOB_NAMES,
  DEFERRED_SEND_JOB,
  deferredSendJobSchema,
  DORMANT_AFTER_MS,
  DORMANT_CHECK_JOB,
  dormantJobSchema,
  INBOUND_MESSAGE_JOB,
  NURTURE_DAYS,
  NURTURE_FOLLOW_UP_JOB,
  nurtureJobSchema,
  type BotJobName,
  type DeferredSendJobPayload,
  type DormantJobPayload,
  type NurtureJobPayload,
} from './scheduling/bot-jobs';
export {
  NO_NURTURE_STAGES,
  planNurture,
  QUALIFYING_STAGES,
  type NurturePlanInput,
} from './scheduling/nurture-planner';
export type { PlannedJob } from './scheduling/job-scheduler';

// --- orchestrator: the eight-step flow ---
export {
  createBotOrchestrator,
  type CreateBotOrchestratorInput,
} from './orchestrator/bot-orchestrator';
export type {
  BotOrchestrator,
  BotOrchestratorOptions,
  BotPorts,
  ContactControlOptions,
  PerTenant,
  TenantLookup,
} from './orchestrator/orchestrator-types';
export {
  inboundMessageEventSchema,
  parseInboundMessageEvent,
  type InboundMessageEvent,
  type InboundMessageInput,
} from './orchestrator/inbound-event';
export type {
  NoReplyReason,
  ReplySource,
  TurnDecision,
  TurnReply,
  TurnResult,
} from './orchestrator/turn-result';
export { routeIntent } from './orchestrator/handoff-step';
export {
  FACT_FIELD_NAMES,
  filterByMapping,
  OPPORTUNITY_STAGE_FOR,
} from './orchestrator/crm-writeback';
export { TEMPLATE_OUTCOME_METRIC } from './orchestrator/template-outcomes';
