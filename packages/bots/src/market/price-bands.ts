import type { Market, PriceBand } from '@enterprisehub/core';

/**
 * The market price band that contains `amountUsd` (lower bound inclusive, upper bound exclusive), if any.
 *
 * @example
 * ```ts
 * findPriceBand(DEMO_TENANT.market, 650_000)?.name; // 'mid'
 * ```
 */
export function findPriceBand(market: Market, amountUsd: number): PriceBand | undefined {
  return market.priceBands.find(
    (band) => amountUsd >= band.minUsd && (band.maxUsd === undefined || amountUsd < band.maxUsd),
  );
}

/**
 * The market price bands a budget range overlaps, lowest first; with only one bound the range is open on the
 * other side, and with none the result is empty.
 *
 * @example
 * ```ts
 * priceBandsForBudget(DEMO_TENANT.market, { budgetMin: 450_000, budgetMax: 600_000 }).map((b) => b.name); // ['entry', 'mid']
 * ```
 */
export function priceBandsForBudget(
  market: Market,
  budget: { budgetMin?: number | undefined; budgetMax?: number | undefined },
): PriceBand[] {
  const { budgetMin, budgetMax } = budget;
  if (budgetMin === undefined && budgetMax === undefined) return [];
  const low = budgetMin ?? 0;
  const high = budgetMax ?? Number.POSITIVE_INFINITY;
  return market.priceBands.filter(
    (band) => band.minUsd <= high && (band.maxUsd === undefined || band.maxUsd > low),
  );
}

/** The lowest price any band of the market starts at, or `undefined` for a market without bands. */
export function marketFloorUsd(market: Market): number | undefined {
  const floors = market.priceBands.map((band) => band.minUsd);
  return floors.length === 0 ? undefined : Math.min(...floors);
}
