import { listingSchema, type Listing } from '../domain/listing';
import type { PropertyType } from '../domain/lead-facts';

type Row = [string, string, string, number, number, number, number, PropertyType, string];

const DAY_MS = 86_400_000;

/** Demo areas that are Austin neighbourhoods rather than cities of their own. */
const AUSTIN_NEIGHBOURHOODS = new Set([
  'Downtown',
  'Mueller',
  'East Austin',
  'South Congress',
  'Hyde Park',
  'Zilker',
  'Tarrytown',
]);

// id, address, area, price USD, beds, baths, sq ft, type, features (comma separated)
// prettier-ignore
const ACTIVE: Row[] = [
  ['demo-a01', '1408 Rainey St #1205', 'Downtown', 615_000, 1, 1, 880, 'condo', 'pool,gym,concierge'],
  ['demo-a02', '555 E 5th St #2412', 'Downtown', 1_150_000, 2, 2, 1510, 'condo', 'pool,gym,view'],
  ['demo-a03', '2704 Westlake Dr', 'West Lake Hills', 2_450_000, 4, 4.5, 4100, 'single_family', 'pool,view,garage,good schools'],
  ['demo-a04', '1011 Redbud Trl', 'West Lake Hills', 1_395_000, 3, 2.5, 2600, 'single_family', 'garage,good schools'],
  ['demo-a05', '1803 Brushy Creek Rd', 'Cedar Park', 465_000, 3, 2, 1820, 'single_family', 'garage,yard'],
  ['demo-a06', '902 Discovery Blvd', 'Cedar Park', 585_000, 4, 3, 2480, 'single_family', 'garage,pool,good schools'],
  ['demo-a07', '3316 Sunrise Rd', 'Round Rock', 389_000, 3, 2, 1650, 'single_family', 'garage,yard'],
  ['demo-a08', '4127 Teravista Pkwy', 'Round Rock', 529_000, 4, 3, 2750, 'single_family', 'garage,pool,office'],
  ['demo-a09', '16215 Windermere Dr', 'Pflugerville', 349_000, 3, 2, 1540, 'single_family', 'garage'],
  ['demo-a10', '1201 Falcon Pointe Blvd', 'Pflugerville', 435_000, 4, 2.5, 2300, 'single_family', 'garage,pool'],
  ['demo-a11', '305 Sun City Blvd', 'Georgetown', 410_000, 2, 2, 1600, 'single_family', 'garage,single story'],
  ['demo-a12', '721 S Main St', 'Georgetown', 675_000, 3, 2.5, 2200, 'single_family', 'garage,historic'],
  ['demo-a13', '2209 Bagdad Rd', 'Leander', 399_000, 4, 2, 2050, 'single_family', 'garage,yard'],
  ['demo-a14', '410 Mercer St', 'Dripping Springs', 849_000, 4, 3.5, 3100, 'single_family', 'acreage,pool,view'],
  ['demo-a15', '1900 Aldrich St #305', 'Mueller', 499_000, 2, 2, 1120, 'condo', 'gym,walkable'],
  ['demo-a16', '4512 Berkman Dr', 'Mueller', 735_000, 3, 2.5, 1900, 'townhouse', 'garage,walkable'],
  ['demo-a17', '1107 E 12th St', 'East Austin', 689_000, 3, 2, 1700, 'single_family', 'yard,walkable'],
  ['demo-a18', '2301 S Congress Ave #410', 'South Congress', 559_000, 1, 1, 820, 'condo', 'walkable,gym'],
  ['demo-a19', '4305 Avenue D', 'Hyde Park', 925_000, 3, 2, 1850, 'single_family', 'historic,walkable,yard'],
  ['demo-a20', '1712 Barton Hills Dr', 'Zilker', 1_275_000, 3, 3, 2300, 'single_family', 'yard,walkable'],
  ['demo-a21', '2601 Windsor Rd', 'Tarrytown', 1_890_000, 4, 3.5, 3300, 'single_family', 'garage,good schools'],
  ['demo-a22', '12800 Bee Cave Pkwy', 'Bee Cave', 815_000, 4, 3, 2900, 'single_family', 'garage,pool,good schools'],
  ['demo-a23', '107 Lakeway Dr', 'Lakeway', 1_050_000, 4, 3.5, 3200, 'single_family', 'view,garage,boat dock'],
  ['demo-a24', '215 Hutto Ranch Dr', 'Hutto', 329_000, 3, 2, 1580, 'single_family', 'garage,new construction'],
  ['demo-a25', '11508 Shadow Glen Trce', 'Manor', 315_000, 3, 2, 1500, 'single_family', 'garage,new construction'],
  ['demo-a26', '160 Plum Creek Dr', 'Kyle', 339_000, 3, 2, 1700, 'single_family', 'garage,yard'],
  ['demo-a27', '404 Main St', 'Buda', 379_000, 3, 2.5, 1900, 'townhouse', 'garage'],
  ['demo-a28', '8 Acre Ranch Rd', 'Dripping Springs', 525_000, 0, 0, 0, 'land', 'acreage,view'],
];

// listing row, days since sale, sale price USD
// prettier-ignore
const SOLD: [Row, number, number][] = [
  [['demo-s01', '1713 Brushy Creek Rd', 'Cedar Park', 455_000, 3, 2, 1790, 'single_family', 'garage'], 21, 449_000],
  [['demo-s02', '1604 Buttercup Dr', 'Cedar Park', 510_000, 4, 2.5, 2300, 'single_family', 'garage,pool'], 47, 502_500],
  [['demo-s03', '3209 Sunrise Rd', 'Round Rock', 399_000, 3, 2, 1700, 'single_family', 'garage'], 33, 392_000],
  [['demo-s04', '4011 Teravista Pkwy', 'Round Rock', 545_000, 4, 3, 2800, 'single_family', 'garage,pool'], 80, 531_000],
  [['demo-s05', '16107 Windermere Dr', 'Pflugerville', 355_000, 3, 2, 1560, 'single_family', 'garage'], 15, 351_000],
  [['demo-s06', '2700 Westlake Dr', 'West Lake Hills', 2_600_000, 5, 4.5, 4300, 'single_family', 'pool,view'], 120, 2_480_000],
  [['demo-s07', '1802 Aldrich St #210', 'Mueller', 485_000, 2, 2, 1100, 'condo', 'gym'], 28, 479_000],
  [['demo-s08', '1105 E 11th St', 'East Austin', 665_000, 3, 2, 1650, 'single_family', 'yard'], 62, 650_000],
  [['demo-s09', '4300 Avenue C', 'Hyde Park', 899_000, 3, 2, 1800, 'single_family', 'historic'], 95, 910_000],
  [['demo-s10', '311 Sun City Blvd', 'Georgetown', 399_000, 2, 2, 1550, 'single_family', 'single story'], 40, 392_500],
  [['demo-s11', '2211 Bagdad Rd', 'Leander', 389_000, 4, 2, 2000, 'single_family', 'garage'], 55, 384_000],
  [['demo-s12', '1400 Rainey St #1104', 'Downtown', 599_000, 1, 1, 860, 'condo', 'pool,gym'], 18, 590_000],
];

function toListing(row: Row, extra: Partial<Listing>): Listing {
  const [id, address, area, priceUsd, bedrooms, bathrooms, squareFeet, propertyType, features] =
    row;
  return listingSchema.parse({
    id,
    address,
    area,
    city: AUSTIN_NEIGHBOURHOODS.has(area) ? 'Austin' : area,
    priceUsd,
    bedrooms,
    bathrooms,
    ...(squareFeet > 0 ? { squareFeet } : {}),
    propertyType,
    status: 'active',
    features: features.split(','),
    ...extra,
  });
}

/**
 * Sample Austin listings for the demo tenant: 28 active listings across the demo areas and price bands, and 12 sold
 * comps dated relative to `now` (sold 15–120 days earlier). Fictional addresses and prices, for demos and tests only.
 *
 * @example
 * ```ts
 * const listings = createMemoryListingSource({ listings: { [DEMO_TENANT_ID]: createDemoListings({ now: Date.now() }) } });
 * ```
 */
export function createDemoListings(options: { now: number }): Listing[] {
  const active = ACTIVE.map((row, index) =>
    toListing(row, { listedAt: options.now - (index + 3) * DAY_MS }),
  );
  const sold = SOLD.map(([row, daysAgo, soldPriceUsd]) => {
    const soldAt = options.now - daysAgo * DAY_MS;
    return toListing(row, {
      status: 'sold',
      soldAt,
      soldPriceUsd,
      listedAt: soldAt - 30 * DAY_MS,
    });
  });
  return [...active, ...sold];
}
