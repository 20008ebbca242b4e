import {
  createDemoListings,
  createMemoryListingSource,
  DEMO_TENANT_ID,
  listingSchema,
  type Listing,
  type MemoryListingSource,
  type PropertyType,
} from '@enterprisehub/core';

const DAY_MS = 86_400_000;

/** Per area: city, typical sold $/sq ft, property type mix and street names (fictional house numbers). */
// prettier-ignore
const AREAS: readonly [area: string, city: string, pricePerSqft: number, condoShare: number, streets: readonly string[]][] = [
  ['Downtown', 'Austin', 640, 1, ['W 3rd St', 'Colorado St', 'W 5th St']],
  ['West Lake Hills', 'West Lake Hills', 610, 0, ['Westlake Dr', 'Redbud Trl', 'Laurel Valley Rd']],
  ['Cedar Park', 'Cedar Park', 245, 0, ['Cypress Creek Rd', 'Ranch Rd', 'Park St']],
  ['Round Rock', 'Round Rock', 228, 0, ['Gattis School Rd', 'Red Bud Ln', 'Double Creek Dr']],
  ['Pflugerville', 'Pflugerville', 222, 0, ['Pecan St', 'Kelly Ln', 'Picadilly Dr']],
  ['Georgetown', 'Georgetown', 245, 0, ['Williams Dr', 'University Ave', 'Shell Rd']],
  ['Leander', 'Leander', 214, 0, ['Crystal Falls Pkwy', 'Hero Way', 'Municipal Dr']],
  ['Dripping Springs', 'Dripping Springs', 295, 0, ['Mercer St', 'Founders Park Rd', 'Sportsplex Dr']],
  ['Mueller', 'Austin', 425, 0.5, ['Philomena St', 'Aldrich St', 'Simond Ave']],
  ['East Austin', 'Austin', 415, 0.2, ['E 12th St', 'Chicon St', 'E Cesar Chavez St']],
  ['South Congress', 'Austin', 505, 0.6, ['S Congress Ave', 'Annie St', 'Live Oak St']],
  ['Hyde Park', 'Austin', 495, 0, ['Avenue F', 'Speedway', 'E 43rd St']],
  ['Zilker', 'Austin', 560, 0.2, ['Barton Hills Dr', 'Rabb Rd', 'Kinney Ave']],
  ['Tarrytown', 'Austin', 600, 0, ['Exposition Blvd', 'Windsor Rd', 'Pecos St']],
  ['Bee Cave', 'Bee Cave', 305, 0, ['Bee Cave Pkwy', 'Falconhead Blvd', 'Uplands Ridge Dr']],
  ['Lakeway', 'Lakeway', 330, 0, ['Lakeway Dr', 'Flintrock Trce', 'Lohmans Crossing']],
  ['Hutto', 'Hutto', 205, 0, ['Ed Schmidt Blvd', 'Limmer Loop', 'Exchange Blvd']],
  ['Manor', 'Manor', 198, 0, ['Gregg Manor Rd', 'Shadow Glen Blvd', 'Bois D Arc Rd']],
  ['Kyle', 'Kyle', 200, 0, ['Kohlers Crossing', 'Center St', 'Marketplace Ave']],
  ['Buda', 'Buda', 212, 0, ['Main St', 'Old Black Colony Rd', 'Garison Rd']],
  ['Circle C', 'Austin', 300, 0, ['La Crosse Ave', 'Slaughter Ln', 'Escarpment Blvd']],
  ['Steiner Ranch', 'Austin', 318, 0, ['Steiner Ranch Blvd', 'Quinlan Park Rd', 'Bob Wire Dr']],
  ['Avery Ranch', 'Austin', 262, 0, ['Avery Ranch Blvd', 'Brushy Creek Rd', 'Lakeline Blvd']],
  ['North Austin', 'Austin', 335, 0.4, ['Burnet Rd', 'Domain Dr', 'Braker Ln']],
];

const HOUSE_FEATURES = ['garage', 'yard', 'pool', 'office', 'single story', 'view'];
const CONDO_FEATURES = ['gym', 'pool', 'view', 'walkable', 'concierge'];

/** Small deterministic PRNG (mulberry32) so the demo data is identical on every start. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function home(options: {
  next: () => number;
  area: (typeof AREAS)[number];
  index: number;
  sold: boolean;
  now: number;
}): Listing {
  const { next, area, index, sold, now } = options;
  const [name, city, pricePerSqft, condoShare, streets] = area;
  const type: PropertyType =
    next() < condoShare ? 'condo' : next() < 0.12 ? 'townhouse' : 'single_family';
  const squareFeet =
    Math.round((type === 'condo' ? 700 + next() * 900 : 1300 + next() * 1900) / 10) * 10;
  const bedrooms =
    squareFeet < 1000
      ? 1
      : squareFeet < 1400
        ? 2
        : squareFeet < 2100
          ? 3
          : squareFeet < 2900
            ? 4
            : 5;
  const bathrooms = Math.max(1, bedrooms - 1) + (next() < 0.5 ? 0.5 : 0);
  const value = Math.round((pricePerSqft * squareFeet * (0.92 + next() * 0.16)) / 500) * 500;
  const features = (type === 'condo' ? CONDO_FEATURES : HOUSE_FEATURES).filter(() => next() < 0.3);
  const street = streets[index % streets.length] ?? 'Main St';
  const number = 100 + Math.floor(next() * 9800);
  const id = `demo-${sold ? 's' : 'a'}-${name.toLowerCase().replace(/[^a-z]+/g, '-')}-${index + 1}`;
  const soldAt = now - Math.round(10 + next() * 160) * DAY_MS;
  return listingSchema.parse({
    id,
    address: `${number} ${street}${type === 'condo' ? ` #${100 + Math.floor(next() * 900)}` : ''}`,
    area: name,
    city,
    priceUsd: sold ? Math.round((value * (1 + next() * 0.04)) / 500) * 500 : value,
    bedrooms,
    bathrooms,
    squareFeet,
    propertyType: type,
    status: sold ? 'sold' : 'active',
    features: features.length > 0 ? features : [type === 'condo' ? 'gym' : 'garage'],
    ...(sold
      ? { soldAt, soldPriceUsd: value, listedAt: soldAt - 35 * DAY_MS }
      : { listedAt: now - Math.round(2 + next() * 40) * DAY_MS }),
  });
}

/**
 * The bots' demo dataset for the Austin demo market: core's curated listings (`createDemoListings`, 28 active, 12
 * sold) plus generated ones, deterministic for a given `now`: 42 active listings and 60 sold comps across the 24
 * demo areas, with plausible sizes, bedrooms, baths and prices from each area's typical $/sq ft. Fictional
 * addresses; for demos and tests only.
 *
 * @example
 * ```ts
 * const listings = createDemoListings(Date.now()); // Listing[]
 * ```
 */
export function createBotDemoListings(now: number): Listing[] {
  const next = random(20_260_101);
  const generated: Listing[] = [];
  AREAS.forEach((area, areaIndex) => {
    for (let index = 0; index < 2; index += 1)
      generated.push(home({ next, area, index, sold: true, now }));
    if (areaIndex % 12 < 7) generated.push(home({ next, area, index: 0, sold: false, now }));
  });
  return [...createDemoListings({ now }), ...generated];
}

/**
 * A `ListingSource` seeded with {@link createBotDemoListings} for the demo tenant (or the given tenants): what the
 * embedded server uses for buyer matching and seller CMAs until a real feed is plugged in.
 *
 * @example
 * ```ts
 * const listings = createDemoListingSource({ now: clock.now() });
 * await listings.search({ tenantId: 'demo', criteria: { maxPriceUsd: 500_000, areas: ['Cedar Park'] } });
 * ```
 */
export function createDemoListingSource(
  options: { now?: number; tenantIds?: readonly string[] } = {},
): MemoryListingSource {
  const listings = createBotDemoListings(options.now ?? Date.now());
  const tenantIds = options.tenantIds ?? [DEMO_TENANT_ID];
  return createMemoryListingSource({
    listings: Object.fromEntries(tenantIds.map((tenantId) => [tenantId, listings])),
  });
}
