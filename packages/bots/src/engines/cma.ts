import type { Listing, ListingSource, PropertyCondition, PropertyType } from '@enterprisehub/core';
import { median, quantile } from './format';

const DAY_MS = 86_400_000;

/**
 * Price multipliers by condition, relative to the typical (move-in ready) sold comp: a fixer-upper sells for about
 * 15 % less, a home that needs work about 7 % less, an excellent one about 3 % more.
 */
export const CONDITION_ADJUSTMENTS: Readonly<Record<PropertyCondition, number>> = {
  excellent: 1.03,
  good: 1,
  move_in_ready: 1,
  fair: 0.95,
  needs_work: 0.93,
  fixer_upper: 0.85,
  teardown: 0.7,
};

/**
 * Size elasticity of price per square foot: larger homes sell for less per square foot. A comp's $/sq ft is scaled
 * by `(compSqft / subjectSqft) ^ SIZE_ELASTICITY`, limited to ±10 %.
 */
export const SIZE_ELASTICITY = 0.2;

/** The subject property of a CMA. */
export interface CmaSubject {
  /** Canonical market area. */
  area: string;
  /** Living area, sq ft; without it the estimate uses comps' sale prices instead of $/sq ft. */
  squareFeet?: number | undefined;
  /** Bedrooms (comps within ±1). */
  bedrooms?: number | undefined;
  /** Property type. */
  propertyType?: PropertyType | undefined;
  /** Condition; `move_in_ready` when unknown. */
  condition?: PropertyCondition | undefined;
}

/** One sold comp used in a CMA. */
export interface CmaComp {
  /** Listing id. */
  id: string;
  /** Street address of the comp. */
  address: string;
  /** Sale price, USD. */
  soldPriceUsd: number;
  /** Living area, sq ft. */
  squareFeet?: number | undefined;
  /** Sale price per sq ft, USD. */
  pricePerSqft?: number | undefined;
  /** $/sq ft after the size adjustment to the subject, USD. */
  adjustedPricePerSqft?: number | undefined;
  /** Sale date, epoch ms. */
  soldAt?: number | undefined;
}

/** A comparative market analysis: estimate, range and the comps used. */
export interface Cma {
  /** Point estimate, USD, rounded to $5k. */
  estimateUsd: number;
  /** Low end (25th percentile of adjusted comps), USD. */
  lowUsd: number;
  /** High end (75th percentile), USD. */
  highUsd: number;
  /** Median adjusted $/sq ft, when square footage was used. */
  medianPricePerSqft?: number | undefined;
  /** `price_per_sqft` (subject size known) or `sale_price` (median sale price of comps). */
  method: 'price_per_sqft' | 'sale_price';
  /** Condition multiplier applied. */
  conditionAdjustment: number;
  /** The comps used, most recent first. */
  comps: CmaComp[];
}

const round5k = (value: number): number => Math.round(value / 5000) * 5000;

async function findComps(options: {
  listings: ListingSource;
  tenantId: string;
  subject: CmaSubject;
  now: number;
  signal?: AbortSignal | undefined;
}): Promise<Listing[]> {
  const { listings, tenantId, subject, now, signal } = options;
  const attempts = [
    { bedrooms: subject.bedrooms, days: 180 },
    { bedrooms: undefined, days: 180 },
    { bedrooms: undefined, days: 365 },
  ];
  let comps: Listing[] = [];
  for (const attempt of attempts) {
    comps = await listings.soldComps({
      tenantId,
      criteria: {
        area: subject.area,
        ...(subject.propertyType ? { propertyType: subject.propertyType } : {}),
        ...(attempt.bedrooms !== undefined ? { bedrooms: attempt.bedrooms } : {}),
        soldSince: now - attempt.days * DAY_MS,
      },
      limit: 8,
      ...(signal ? { signal } : {}),
    });
    if (comps.length >= 3) break;
  }
  return comps.filter((comp) => (comp.soldPriceUsd ?? comp.priceUsd) > 0);
}

/**
 * Computes a CMA from sold comps: the median $/sq ft of comparable recent sales in the subject's area (same type,
 * bedrooms ±1, last 6 months, widening to any bedrooms and 12 months when fewer than 3), each comp's $/sq ft
 * adjusted for the size difference ({@link SIZE_ELASTICITY}), times the subject's size, times the condition
 * adjustment ({@link CONDITION_ADJUSTMENTS}). Returns `undefined` with fewer than 2 usable comps.
 *
 * @example
 * ```ts
 * const cma = await computeCma({ listings, tenantId, now, subject: { area: 'Round Rock', squareFeet: 1800, bedrooms: 3, condition: 'needs_work' } });
 * cma?.estimateUsd; // e.g. 385000, with cma.comps listing the sales used
 * ```
 */
export async function computeCma(options: {
  listings: ListingSource;
  tenantId: string;
  subject: CmaSubject;
  now: number;
  signal?: AbortSignal | undefined;
}): Promise<Cma | undefined> {
  const { subject } = options;
  const conditionAdjustment = CONDITION_ADJUSTMENTS[subject.condition ?? 'move_in_ready'];
  const sold = await findComps(options);
  const subjectSqft = subject.squareFeet;
  const comps: CmaComp[] = sold.map((comp) => {
    const price = comp.soldPriceUsd ?? comp.priceUsd;
    const sqft = comp.squareFeet;
    const ppsf = sqft ? price / sqft : undefined;
    const factor =
      sqft && subjectSqft
        ? Math.min(1.1, Math.max(0.9, (sqft / subjectSqft) ** SIZE_ELASTICITY))
        : 1;
    return {
      id: comp.id,
      address: comp.address,
      soldPriceUsd: price,
      squareFeet: sqft,
      pricePerSqft: ppsf === undefined ? undefined : Math.round(ppsf),
      adjustedPricePerSqft: ppsf === undefined ? undefined : Math.round(ppsf * factor),
      soldAt: comp.soldAt,
    };
  });
  const perSqft = comps.flatMap((comp) =>
    comp.adjustedPricePerSqft === undefined ? [] : [comp.adjustedPricePerSqft],
  );
  if (subjectSqft !== undefined && perSqft.length >= 2) {
    const value = (q: number): number =>
      round5k((quantile(perSqft, q) ?? 0) * subjectSqft * conditionAdjustment);
    return {
      estimateUsd: value(0.5),
      lowUsd: value(0.25),
      highUsd: value(0.75),
      medianPricePerSqft: Math.round(median(perSqft) ?? 0),
      method: 'price_per_sqft',
      conditionAdjustment,
      comps: comps.filter((comp) => comp.adjustedPricePerSqft !== undefined),
    };
  }
  const prices = comps.map((comp) => comp.soldPriceUsd);
  if (prices.length < 2) return undefined;
  const value = (q: number): number => round5k((quantile(prices, q) ?? 0) * conditionAdjustment);
  return {
    estimateUsd: value(0.5),
    lowUsd: value(0.25),
    highUsd: value(0.75),
    method: 'sale_price',
    conditionAdjustment,
    comps,
  };
}
