import { EnterpriseHubError, type Temperature } from '@enterprisehub/core';

/** Score bands: `score >= hot` is hot, `score >= warm` is warm, anything lower is cold. */
export interface TemperatureThresholds {
  /** Lowest hot score; default 8. */
  hot: number;
  /** Lowest warm score; default 5. */
  warm: number;
}

/** The seed bands: hot ≥ 8, warm 5–7, cold ≤ 4. */
export const DEFAULT_TEMPERATURE_THRESHOLDS: Readonly<TemperatureThresholds> = { hot: 8, warm: 5 };

/**
 * Points each factor adds to (or removes from) the 1–10 score. The raw sum is rounded half up and clamped to 1–10.
 * Defaults: a lead that reached out starts at 2; pre-approval or cash +2; a move within a month +3 (3 months +2,
 * 6 months +1, over a year −1); a budget inside the market's price bands +1 (below the entry band −1); a strong
 * reason to move (relocation, divorce, inheritance, financial distress) +1, a moderate one +0.5; replies within
 * 15 minutes +1 (within 2 hours +0.5), silence over a day or 48 h without activity −1; five of the six key facts
 * known +1 (four +0.5).
 */
export interface ScoringWeights {
  /** Starting points for any lead that reached out. */
  base: number;
  /** Pre-approved for a mortgage. */
  preApproved: number;
  /** Paying cash. */
  cashBuyer: number;
  /** Buyer who must sell a current home first (not paying cash). */
  mustSellFirst: number;
  /** Seller: price expectation known. */
  sellerPriceKnown: number;
  /** Seller: property identified (address or condition known). */
  sellerPropertyKnown: number;
  /** Timeline of one month or less. */
  timelineNow: number;
  /** Timeline of three months or less. */
  timelineSoon: number;
  /** Timeline of six months or less. */
  timelineMidTerm: number;
  /** Timeline over twelve months. */
  timelineDistant: number;
  /** Budget inside one of the market's price bands. */
  budgetFits: number;
  /** Budget below the market's lowest band. */
  budgetBelowMarket: number;
  /** Strong motivation (relocation, divorce, inheritance, financial distress). */
  motivationStrong: number;
  /** Moderate motivation (upsizing, downsizing, first home, investment). */
  motivationModerate: number;
  /** Median reply within 15 minutes. */
  repliesFast: number;
  /** Median reply within 2 hours. */
  repliesSteady: number;
  /** Median reply over a day, or no activity for 48 hours. */
  goneQuiet: number;
  /** At least five of the six key facts known. */
  profileComplete: number;
  /** Four of the six key facts known. */
  profilePartial: number;
}

/** The documented default weights (see {@link ScoringWeights}). */
export const DEFAULT_SCORING_WEIGHTS: Readonly<ScoringWeights> = {
  base: 2,
  preApproved: 2,
  cashBuyer: 2,
  mustSellFirst: -0.5,
  sellerPriceKnown: 1,
  sellerPropertyKnown: 1,
  timelineNow: 3,
  timelineSoon: 2,
  timelineMidTerm: 1,
  timelineDistant: -1,
  budgetFits: 1,
  budgetBelowMarket: -1,
  motivationStrong: 1,
  motivationModerate: 0.5,
  repliesFast: 1,
  repliesSteady: 0.5,
  goneQuiet: -1,
  profileComplete: 1,
  profilePartial: 0.5,
};

/** Merges and validates thresholds; throws `VALIDATION_FAILED` unless 1 ≤ warm < hot ≤ 10. */
export function resolveThresholds(
  overrides: Partial<TemperatureThresholds> = {},
): TemperatureThresholds {
  const thresholds = { ...DEFAULT_TEMPERATURE_THRESHOLDS, ...overrides };
  const valid =
    Number.isFinite(thresholds.hot) &&
    Number.isFinite(thresholds.warm) &&
    thresholds.warm >= 1 &&
    thresholds.hot <= 10 &&
    thresholds.warm < thresholds.hot;
  if (!valid) {
    throw new EnterpriseHubError({
      code: 'VALIDATION_FAILED',
      message: 'Temperature thresholds must satisfy 1 <= warm < hot <= 10.',
      details: { hot: thresholds.hot, warm: thresholds.warm },
    });
  }
  return thresholds;
}

/**
 * The temperature band of a 1–10 score.
 *
 * @example
 * ```ts
 * temperatureFor(8); // 'hot'
 * temperatureFor(6, { hot: 9, warm: 6 }); // 'warm'
 * ```
 */
export function temperatureFor(
  score: number,
  thresholds: Partial<TemperatureThresholds> = {},
): Temperature {
  const { hot, warm } = resolveThresholds(thresholds);
  if (score >= hot) return 'hot';
  if (score >= warm) return 'warm';
  return 'cold';
}
