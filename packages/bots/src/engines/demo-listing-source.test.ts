import { DEMO_TENANT } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { createBotDemoListings, createDemoListingSource } from './demo-listing-source';
import { readSquareFeet } from './seller-bot';

describe('createBotDemoListings', () => {
  it('ships about 40 active listings and 60 sold comps across every demo area, deterministically', () => {
    const now = Date.UTC(2026, 0, 1);
    const listings = createBotDemoListings(now);
    const active = listings.filter((listing) => listing.status === 'active');
    const sold = listings.filter((listing) => listing.status === 'sold');
    expect(active.length).toBeGreaterThanOrEqual(40);
    expect(sold.length).toBeGreaterThanOrEqual(60);
    for (const area of DEMO_TENANT.market.areas)
      expect(sold.filter((listing) => listing.area === area.name).length).toBeGreaterThanOrEqual(2);
    for (const listing of sold) {
      expect(listing.soldAt).toBeLessThan(now);
      if (listing.squareFeet)
        expect((listing.soldPriceUsd ?? 0) / listing.squareFeet).toBeGreaterThan(150);
    }
    expect(new Set(listings.map((listing) => listing.id)).size).toBe(listings.length);
    expect(createBotDemoListings(now)).toEqual(listings);
  });

  it('serves the demo tenant through a ListingSource', async () => {
    const source = createDemoListingSource({ now: Date.UTC(2026, 0, 1) });
    const comps = await source.soldComps({ tenantId: 'demo', criteria: { area: 'Round Rock' } });
    expect(comps.length).toBeGreaterThanOrEqual(3);
  });
});

describe('readSquareFeet', () => {
  it.each([
    ['about 1,800 sq ft', 1800],
    ['2100 sqft', 2100],
    ['1.8k square feet', 1800],
    ['3 bed 2 bath', undefined],
  ])('reads %j', (text, expected) => {
    expect(readSquareFeet(text, false)).toBe(expected);
  });

  it('reads a bare number only as an answer to the size question', () => {
    expect(readSquareFeet('3 beds, 1950', true)).toBe(1950);
    expect(readSquareFeet('3 beds, 1950', false)).toBeUndefined();
  });
});
