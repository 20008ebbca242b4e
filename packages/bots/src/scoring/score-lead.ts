import type { LeadScore, Market, Temperature } from '@enterprisehub/core';
import {
  budgetReasons,
  completenessReasons,
  financingReasons,
  motivationReasons,
  responsivenessReasons,
  timelineReasons,
  type LeadActivity,
  type PlainScoringFacts,
  type ScoreReason,
} from './score-factors';
import {
  DEFAULT_SCORING_WEIGHTS,
  resolveThresholds,
  type ScoringWeights,
  type TemperatureThresholds,
} from './scoring-weights';

/** A fact as the scorer accepts it: a plain value (extractor output) or a core `Fact` with provenance. */
export type ScoringFactValue<T> = T | { readonly value: T };

/**
 * The facts the scorer reads: either the extractor's plain `ExtractedFacts` or the conversation's `LeadFacts`
 * (each field a `{ value, confidence, … }` fact). Unknown fields are ignored.
 */
export type ScoringFacts = {
  readonly [K in keyof PlainScoringFacts]?: ScoringFactValue<PlainScoringFacts[K]> | undefined;
};

/** Input of {@link scoreLead}. */
export interface ScoreLeadInput {
  /** What is known about the lead. */
  facts: ScoringFacts;
  /** The tenant's market: its price bands judge budget fit. */
  market: Market;
  /** Engagement so far (reply speed, last activity). */
  activity?: LeadActivity;
  /** Temperature bands for the tenant; default hot ≥ 8, warm ≥ 5. */
  thresholds?: Partial<TemperatureThresholds>;
  /** Weight overrides for the tenant; default {@link DEFAULT_SCORING_WEIGHTS}. */
  weights?: Partial<ScoringWeights>;
  /** Current time, epoch ms; needed to judge `activity.lastInboundAt`. */
  now?: number;
}

/** A 1–10 lead score with its temperature and every reason that moved it. */
export interface LeadScoreResult {
  /** Score from 1 to 10 (the rounded, clamped sum of the reasons' deltas). */
  score: number;
  /** Temperature band of the score. */
  temperature: Temperature;
  /** Contributions in a fixed factor order, starting with `base`; only non-zero deltas are listed. */
  reasons: ScoreReason[];
}

/**
 * The plain value of a fact given either as a plain value or as a core `Fact` (`{ value, … }`).
 *
 * @internal
 */
export function plainFactValue<T>(input: ScoringFactValue<T> | undefined): T | undefined {
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && 'value' in input) {
    return input.value;
  }
  return input;
}

function toPlainFacts(facts: ScoringFacts): PlainScoringFacts {
  return {
    budgetMin: plainFactValue(facts.budgetMin),
    budgetMax: plainFactValue(facts.budgetMax),
    priceExpectation: plainFactValue(facts.priceExpectation),
    timelineMonths: plainFactValue(facts.timelineMonths),
    preApproved: plainFactValue(facts.preApproved),
    cashBuyer: plainFactValue(facts.cashBuyer),
    hasHomeToSell: plainFactValue(facts.hasHomeToSell),
    motivation: plainFactValue(facts.motivation),
    areas: plainFactValue(facts.areas),
    bedrooms: plainFactValue(facts.bedrooms),
    propertyAddress: plainFactValue(facts.propertyAddress),
    propertyCondition: plainFactValue(facts.propertyCondition),
  };
}

/**
 * Scores a lead from 1 to 10, deterministically, from financing (pre-approval or cash; seller readiness for
 * sellers), timeline, budget fit to the market's price bands, motivation, responsiveness and completeness, with
 * the documented {@link DEFAULT_SCORING_WEIGHTS}. The same input always yields the same score and reasons.
 *
 * @throws `EnterpriseHubError` `VALIDATION_FAILED` when the thresholds are not 1 ≤ warm < hot ≤ 10.
 * @example
 * ```ts
 * const { score, temperature, reasons } = scoreLead({
 *   facts: { preApproved: true, timelineMonths: 1, budgetMax: 450_000 },
 *   market: tenant.market,
 * });
 * // score 8, 'hot', reasons: base +2, financing +2, timeline +3, budget_fit +1
 * ```
 */
export function scoreLead(input: ScoreLeadInput): LeadScoreResult {
  const thresholds = resolveThresholds(input.thresholds);
  const weights: ScoringWeights = { ...DEFAULT_SCORING_WEIGHTS, ...input.weights };
  const facts = toPlainFacts(input.facts);
  const base: ScoreReason = { factor: 'base', delta: weights.base, detail: 'lead reached out' };
  const reasons: ScoreReason[] = [
    base,
    ...financingReasons(facts, weights),
    ...timelineReasons(facts, weights),
    ...budgetReasons(facts, input.market, weights),
    ...motivationReasons(facts, weights),
    ...responsivenessReasons(input.activity, input.now, weights),
    ...completenessReasons(facts, weights),
  ].filter((reason) => reason.delta !== 0);
  const raw = reasons.reduce((sum, reason) => sum + reason.delta, 0);
  const score = Math.min(10, Math.max(1, Math.floor(raw + 0.5)));
  const temperature: Temperature =
    score >= thresholds.hot ? 'hot' : score >= thresholds.warm ? 'warm' : 'cold';
  return { score, temperature, reasons };
}

/**
 * Converts a {@link LeadScoreResult} into core's persisted `LeadScore` (value, temperature, reason strings,
 * scoredAt), e.g. for `ConversationState.score`.
 *
 * @example
 * ```ts
 * state.score = toLeadScore(scoreLead({ facts, market }), clock.now());
 * ```
 */
export function toLeadScore(result: LeadScoreResult, scoredAt: number): LeadScore {
  return {
    value: result.score,
    temperature: result.temperature,
    reasons: result.reasons
      .filter((reason) => reason.factor !== 'base')
      .map((reason) => `${reason.detail} (${reason.delta > 0 ? '+' : ''}${reason.delta})`),
    scoredAt,
  };
}
