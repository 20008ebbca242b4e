import type { Market } from '@enterprisehub/core';
import { findPriceBand, marketFloorUsd } from '../market/price-bands';
import type { ScoringWeights } from './scoring-weights';

/** What moved a score. */
export type ScoreFactor =
  | 'base'
  | 'financing'
  | 'seller_readiness'
  | 'timeline'
  | 'budget_fit'
  | 'motivation'
  | 'responsiveness'
  | 'completeness';

/** One contribution to a score: the factor, its points, and a short reason (no PII). */
export interface ScoreReason {
  /** Factor that contributed. */
  factor: ScoreFactor;
  /** Points added (negative: removed). */
  delta: number;
  /** Human-readable reason, e.g. `pre-approved for a mortgage`. */
  detail: string;
}

/** Plain fact values the scorer reads (provenance already stripped); every field optional. */
export interface PlainScoringFacts {
  /** Lowest budget, USD. */
  budgetMin?: number | undefined;
  /** Highest budget, USD. */
  budgetMax?: number | undefined;
  /** Seller's price expectation, USD. */
  priceExpectation?: number | undefined;
  /** Months until the move. */
  timelineMonths?: number | undefined;
  /** Pre-approved for a mortgage. */
  preApproved?: boolean | undefined;
  /** Paying cash. */
  cashBuyer?: boolean | undefined;
  /** Must sell a current home first. */
  hasHomeToSell?: boolean | undefined;
  /** Why the lead is moving (extractor enum or free text). */
  motivation?: string | undefined;
  /** Canonical market areas. */
  areas?: readonly string[] | undefined;
  /** Bedrooms wanted or owned. */
  bedrooms?: number | undefined;
  /** Seller's property address (only its presence is used). */
  propertyAddress?: string | undefined;
  /** Seller's property condition. */
  propertyCondition?: string | undefined;
}

/** How the lead has engaged so far; every field optional. */
export interface LeadActivity {
  /** Median minutes between our message and the lead's reply. */
  medianReplyMinutes?: number;
  /** Messages the lead has sent. */
  inboundMessages?: number;
  /** Last message from the lead, epoch ms (with `now`, 48 h of silence counts against the score). */
  lastInboundAt?: number;
}

const usd = (amount: number): string =>
  amount >= 1_000_000
    ? `$${(amount / 1_000_000).toFixed(amount % 1_000_000 === 0 ? 0 : 1)}M`
    : `$${Math.round(amount / 1000)}k`;

const STRONG_MOTIVATION =
  /relocat|job|transfer|divorc|separat|inherit|estate|probate|financial|distress|foreclos|behind on|hardship|military|pcs/i;
const MODERATE_MOTIVATION =
  /upsiz|downsiz|first[_ ]?home|first[- ]time|investment|invest|growing|baby|retir|empty/i;
const DORMANT_MS = 48 * 60 * 60 * 1000;

/** Whether the facts describe a seller-only lead (a property to sell and no purchase budget). @internal */
export function isSellerOnly(facts: PlainScoringFacts): boolean {
  const selling =
    facts.priceExpectation !== undefined ||
    facts.propertyAddress !== undefined ||
    facts.propertyCondition !== undefined;
  const buying =
    facts.budgetMax !== undefined ||
    facts.budgetMin !== undefined ||
    facts.preApproved !== undefined ||
    facts.cashBuyer !== undefined;
  return selling && !buying;
}

/** Financing (buyers) or readiness (sellers). @internal */
export function financingReasons(facts: PlainScoringFacts, weights: ScoringWeights): ScoreReason[] {
  if (isSellerOnly(facts)) {
    const reasons: ScoreReason[] = [];
    if (facts.priceExpectation !== undefined) {
      reasons.push({
        factor: 'seller_readiness',
        delta: weights.sellerPriceKnown,
        detail: `price expectation ${usd(facts.priceExpectation)}`,
      });
    }
    if (facts.propertyAddress !== undefined || facts.propertyCondition !== undefined) {
      reasons.push({
        factor: 'seller_readiness',
        delta: weights.sellerPropertyKnown,
        detail: 'property identified',
      });
    }
    return reasons;
  }
  const reasons: ScoreReason[] = [];
  if (facts.cashBuyer === true)
    reasons.push({ factor: 'financing', delta: weights.cashBuyer, detail: 'cash buyer' });
  else if (facts.preApproved === true)
    reasons.push({
      factor: 'financing',
      delta: weights.preApproved,
      detail: 'pre-approved for a mortgage',
    });
  if (facts.hasHomeToSell === true && facts.cashBuyer !== true) {
    reasons.push({
      factor: 'financing',
      delta: weights.mustSellFirst,
      detail: 'needs to sell a current home first',
    });
  }
  return reasons;
}

/** Timeline points. @internal */
export function timelineReasons(facts: PlainScoringFacts, weights: ScoringWeights): ScoreReason[] {
  const months = facts.timelineMonths;
  if (months === undefined) return [];
  if (months <= 1)
    return [{ factor: 'timeline', delta: weights.timelineNow, detail: 'moving within a month' }];
  if (months <= 3)
    return [{ factor: 'timeline', delta: weights.timelineSoon, detail: 'moving within 3 months' }];
  if (months <= 6)
    return [
      { factor: 'timeline', delta: weights.timelineMidTerm, detail: 'moving within 6 months' },
    ];
  if (months > 12)
    return [{ factor: 'timeline', delta: weights.timelineDistant, detail: 'timeline over a year' }];
  return [];
}

/** Budget fit to the market's price bands (buyers). @internal */
export function budgetReasons(
  facts: PlainScoringFacts,
  market: Market,
  weights: ScoringWeights,
): ScoreReason[] {
  const budget = facts.budgetMax ?? facts.budgetMin;
  if (budget === undefined) return [];
  const floor = marketFloorUsd(market);
  if (floor === undefined) return [];
  if (budget < floor) {
    return [
      {
        factor: 'budget_fit',
        delta: weights.budgetBelowMarket,
        detail: `budget ${usd(budget)} below the market's entry price (${usd(floor)})`,
      },
    ];
  }
  const band = findPriceBand(market, budget);
  return [
    {
      factor: 'budget_fit',
      delta: weights.budgetFits,
      detail: `budget ${usd(budget)} fits the ${band?.name ?? 'market'} band`,
    },
  ];
}

/** Motivation points. @internal */
export function motivationReasons(
  facts: PlainScoringFacts,
  weights: ScoringWeights,
): ScoreReason[] {
  const motivation = facts.motivation;
  if (motivation === undefined) return [];
  const label = motivation.replace(/_/g, ' ');
  if (STRONG_MOTIVATION.test(motivation))
    return [
      {
        factor: 'motivation',
        delta: weights.motivationStrong,
        detail: `strong motivation: ${label}`,
      },
    ];
  if (MODERATE_MOTIVATION.test(motivation))
    return [
      { factor: 'motivation', delta: weights.motivationModerate, detail: `motivation: ${label}` },
    ];
  return [];
}

/** Responsiveness points, capped at one factor's worth either way. @internal */
export function responsivenessReasons(
  activity: LeadActivity | undefined,
  now: number | undefined,
  weights: ScoringWeights,
): ScoreReason[] {
  if (!activity) return [];
  const silentMs =
    activity.lastInboundAt !== undefined && now !== undefined
      ? now - activity.lastInboundAt
      : undefined;
  if (silentMs !== undefined && silentMs >= DORMANT_MS) {
    return [
      { factor: 'responsiveness', delta: weights.goneQuiet, detail: 'no reply for 48 hours' },
    ];
  }
  const minutes = activity.medianReplyMinutes;
  if (minutes === undefined) return [];
  if (minutes <= 15)
    return [
      { factor: 'responsiveness', delta: weights.repliesFast, detail: 'replies within 15 minutes' },
    ];
  if (minutes <= 120)
    return [
      { factor: 'responsiveness', delta: weights.repliesSteady, detail: 'replies within 2 hours' },
    ];
  if (minutes > 24 * 60)
    return [
      { factor: 'responsiveness', delta: weights.goneQuiet, detail: 'takes over a day to reply' },
    ];
  return [];
}

/** Completeness of the six key facts. @internal */
export function completenessReasons(
  facts: PlainScoringFacts,
  weights: ScoringWeights,
): ScoreReason[] {
  const known = [
    facts.budgetMax !== undefined ||
      facts.budgetMin !== undefined ||
      facts.priceExpectation !== undefined,
    facts.timelineMonths !== undefined,
    facts.preApproved !== undefined ||
      facts.cashBuyer !== undefined ||
      facts.propertyCondition !== undefined,
    (facts.areas?.length ?? 0) > 0 || facts.propertyAddress !== undefined,
    facts.bedrooms !== undefined,
    facts.motivation !== undefined,
  ].filter(Boolean).length;
  if (known >= 5)
    return [
      {
        factor: 'completeness',
        delta: weights.profileComplete,
        detail: `${known} of 6 key facts known`,
      },
    ];
  if (known >= 4)
    return [
      {
        factor: 'completeness',
        delta: weights.profilePartial,
        detail: `${known} of 6 key facts known`,
      },
    ];
  return [];
}
