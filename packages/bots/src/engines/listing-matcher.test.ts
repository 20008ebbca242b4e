import { createMemoryListingSource, type LeadFacts, type Listing } from '@enterprisehub/core';
import { buildFact } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createDemoListingSource } from './demo-listing-source';
import { describeMatch, matchListings } from './listing-matcher';

const facts = (values: {
  budgetMax?: number;
  bedrooms?: number;
  areas?: string[];
  mustHaves?: string[];
}): LeadFacts => ({
  ...(values.budgetMax ? { budgetMax: buildFact(values.budgetMax) } : {}),
  ...(values.bedrooms ? { bedrooms: buildFact(values.bedrooms) } : {}),
  ...(values.areas ? { areas: buildFact(values.areas) } : {}),
  ...(values.mustHaves ? { mustHaves: buildFact(values.mustHaves) } : {}),
});

describe('matchListings', () => {
  it('returns the best three fitting listings with plain-fact reasons', async () => {
    const listings = createDemoListingSource({ now: Date.UTC(2026, 0, 1) });
    const matches = await matchListings({
      listings,
      tenantId: 'demo',
      facts: facts({
        budgetMax: 500_000,
        bedrooms: 3,
        areas: ['Cedar Park'],
        mustHaves: ['garage'],
      }),
    });
    expect(matches).toHaveLength(3);
    expect(matches[0]?.listing.area).toBe('Cedar Park');
    for (const match of matches) {
      expect(match.listing.priceUsd).toBeLessThanOrEqual(525_000);
      expect(match.listing.bedrooms).toBeGreaterThanOrEqual(3);
      expect(match.reasons.join(' ')).not.toMatch(/school|safe|famil/i);
    }
    expect(
      describeMatch(matches[0] ?? { listing: {} as Listing, score: 0, reasons: [] }, 0),
    ).toMatch(/^1\) .+, Cedar Park: \$\d+k, \d bd\/\d(\.5)? ba/);
  });

  it('widens to other areas when the wanted area has too few matches, and says so', async () => {
    const listing = (id: string, area: string, priceUsd: number): Listing => ({
      id,
      address: `${id} Oak St`,
      area,
      priceUsd,
      bedrooms: 3,
      bathrooms: 2,
      propertyType: 'single_family',
      status: 'active',
      features: ['pool'],
    });
    const listings = createMemoryListingSource({
      listings: {
        t1: [
          listing('a', 'Kyle', 350_000),
          listing('b', 'Buda', 360_000),
          listing('c', 'Hutto', 900_000),
        ],
      },
    });
    const matches = await matchListings({
      listings,
      tenantId: 't1',
      facts: facts({ budgetMax: 400_000, areas: ['Kyle'], mustHaves: ['pool'] }),
    });
    expect(matches.map((match) => match.listing.id)).toEqual(['a', 'b']);
    expect(matches[1]?.reasons).toContain('nearby option in Buda');
    expect(matches[0]?.reasons).toEqual(expect.arrayContaining(['in Kyle', 'has a pool']));
  });
});
