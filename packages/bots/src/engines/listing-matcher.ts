import type { LeadFacts, Listing, ListingCriteria, ListingSource } from '@enterprisehub/core';
import { formatNumber, formatUsd } from './format';
import { factValue } from './question-plan';

/** One listing recommended to a buyer, with the reasons it fits (plain facts, no steering language). */
export interface ListingMatch {
  /** The listing. */
  listing: Listing;
  /** Fit score, higher is better (for ordering; not shown). */
  score: number;
  /** Why it fits, e.g. `under your $500k budget`, `in Cedar Park`, `has a pool`. */
  reasons: string[];
}

/** Physical features worth naming in a text; neighbourhood claims (e.g. about schools) are never repeated. */
const SHOWN_FEATURES = new Set([
  'pool',
  'garage',
  'yard',
  'office',
  'view',
  'gym',
  'single story',
  'acreage',
  'walkable',
  'historic',
  'new construction',
  'boat dock',
  'concierge',
]);

function criteriaFrom(facts: LeadFacts, withAreas: boolean): ListingCriteria {
  const budgetMax = factValue(facts, 'budgetMax');
  const budgetMin = factValue(facts, 'budgetMin');
  const bedrooms = factValue(facts, 'bedrooms');
  const areas = factValue(facts, 'areas');
  const type = factValue(facts, 'propertyType');
  return {
    ...(budgetMax !== undefined ? { maxPriceUsd: Math.round(budgetMax * 1.05) } : {}),
    ...(budgetMin !== undefined ? { minPriceUsd: Math.round(budgetMin * 0.95) } : {}),
    ...(bedrooms !== undefined ? { minBedrooms: bedrooms } : {}),
    ...(withAreas && areas && areas.length > 0 ? { areas: [...areas] } : {}),
    ...(type !== undefined && type !== 'other' ? { propertyTypes: [type] } : {}),
  };
}

function rank(listing: Listing, facts: LeadFacts): ListingMatch {
  const reasons: string[] = [];
  let score = 0;
  const budgetMax = factValue(facts, 'budgetMax');
  if (budgetMax !== undefined) {
    const ratio = listing.priceUsd / budgetMax;
    if (ratio <= 1) {
      reasons.push(`under ${formatUsd(budgetMax)}`);
      score += 3 - Math.abs(0.9 - ratio) * 4;
    } else {
      reasons.push(`slightly over ${formatUsd(budgetMax)}`);
      score += 1;
    }
  }
  const areas = factValue(facts, 'areas') ?? [];
  if (areas.some((area) => area.toLowerCase() === listing.area.toLowerCase())) {
    reasons.push(`in ${listing.area}`);
    score += 3;
  } else if (areas.length > 0) {
    reasons.push(`nearby option in ${listing.area}`);
  }
  const bedrooms = factValue(facts, 'bedrooms');
  if (bedrooms !== undefined && listing.bedrooms >= bedrooms) {
    reasons.push(
      listing.bedrooms > bedrooms
        ? `${listing.bedrooms} bedrooms (one to spare)`
        : `${listing.bedrooms} bedrooms`,
    );
    score += listing.bedrooms === bedrooms ? 2 : 1.5;
  }
  const mustHaves = (factValue(facts, 'mustHaves') ?? []).map((item) => item.toLowerCase());
  const features = listing.features.map((feature) => feature.toLowerCase());
  for (const wanted of mustHaves) {
    if (features.includes(wanted)) {
      reasons.push(
        `has ${wanted === 'office' ? 'an office' : wanted === 'single story' ? 'a single story' : `a ${wanted}`}`,
      );
      score += 2;
    } else {
      score -= 1;
    }
  }
  if (reasons.length < 4) {
    const extra = features.find(
      (feature) => SHOWN_FEATURES.has(feature) && !mustHaves.includes(feature),
    );
    if (extra) reasons.push(`also: ${extra}`);
  }
  return { listing, score, reasons };
}

/**
 * Finds the best listings for a buyer: searches with the budget (5 % stretch), bedrooms, areas and property type,
 * widens to every area when the wanted areas have fewer than `limit` matches, then ranks by price fit, area,
 * bedrooms and must-haves.
 *
 * @example
 * ```ts
 * const matches = await matchListings({ listings, tenantId, facts: state.facts, limit: 3 });
 * matches[0]?.reasons; // ['under $500k', 'in Cedar Park', '3 bedrooms', 'has a garage']
 * ```
 */
export async function matchListings(options: {
  listings: ListingSource;
  tenantId: string;
  facts: LeadFacts;
  limit?: number;
  signal?: AbortSignal | undefined;
}): Promise<ListingMatch[]> {
  const { listings, tenantId, facts, signal } = options;
  const limit = options.limit ?? 3;
  const search = (withAreas: boolean) =>
    listings.search({
      tenantId,
      criteria: criteriaFrom(facts, withAreas),
      limit: 25,
      ...(signal ? { signal } : {}),
    });
  let found = await search(true);
  if (found.length < limit && factValue(facts, 'areas') !== undefined) {
    const seen = new Set(found.map((listing) => listing.id));
    found = [...found, ...(await search(false)).filter((listing) => !seen.has(listing.id))];
  }
  return found
    .map((listing) => rank(listing, facts))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.listing.priceUsd - b.listing.priceUsd ||
        a.listing.id.localeCompare(b.listing.id),
    )
    .slice(0, limit);
}

/** One numbered line per match: `1) 1803 Brushy Creek Rd, Cedar Park: $465k, 3 bd/2 ba, 1,820 sq ft (in Cedar Park, …)`. */
export function describeMatch(match: ListingMatch, index: number): string {
  const { listing } = match;
  const size = listing.squareFeet ? `, ${formatNumber(listing.squareFeet)} sq ft` : '';
  const rooms = listing.bedrooms > 0 ? `, ${listing.bedrooms} bd/${listing.bathrooms} ba` : '';
  const reasons = match.reasons.length > 0 ? ` (${match.reasons.join(', ')})` : '';
  return `${index + 1}) ${listing.address}, ${listing.area}: ${formatUsd(listing.priceUsd)}${rooms}${size}${reasons}`;
}
