import { createMemoryListingSource, type Listing } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { computeCma, CONDITION_ADJUSTMENTS } from './cma';

const NOW = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;

function sold(
  id: string,
  options: { price: number; sqft?: number; bedrooms?: number; daysAgo?: number; area?: string },
): Listing {
  return {
    id,
    address: `${id} Main St`,
    area: options.area ?? 'Round Rock',
    priceUsd: options.price,
    soldPriceUsd: options.price,
    bedrooms: options.bedrooms ?? 3,
    bathrooms: 2,
    ...(options.sqft ? { squareFeet: options.sqft } : {}),
    propertyType: 'single_family',
    status: 'sold',
    features: [],
    soldAt: NOW - (options.daysAgo ?? 30) * DAY_MS,
  };
}

function source(listings: Listing[]) {
  return createMemoryListingSource({ listings: { t1: listings } });
}

describe('computeCma', () => {
  it('uses the median $/sq ft of comps, times the subject size and the condition adjustment', async () => {
    const listings = source([
      sold('a', { price: 400_000, sqft: 2000 }),
      sold('b', { price: 440_000, sqft: 2000 }),
      sold('c', { price: 480_000, sqft: 2000 }),
    ]);
    const cma = await computeCma({
      listings,
      tenantId: 't1',
      now: NOW,
      subject: { area: 'Round Rock', squareFeet: 2000, bedrooms: 3, condition: 'needs_work' },
    });
    expect(cma).toMatchObject({
      method: 'price_per_sqft',
      medianPricePerSqft: 220,
      conditionAdjustment: CONDITION_ADJUSTMENTS.needs_work,
    });
    expect(cma?.estimateUsd).toBe(Math.round((220 * 2000 * 0.93) / 5000) * 5000);
    expect(cma?.lowUsd).toBeLessThan(cma?.estimateUsd ?? 0);
    expect(cma?.highUsd).toBeGreaterThan(cma?.estimateUsd ?? 0);
    expect(cma?.comps.map((comp) => comp.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('adjusts for size: a smaller subject is worth more per square foot than larger comps', async () => {
    const listings = source([
      sold('a', { price: 500_000, sqft: 2500 }),
      sold('b', { price: 500_000, sqft: 2500 }),
    ]);
    const cma = await computeCma({
      listings,
      tenantId: 't1',
      now: NOW,
      subject: { area: 'Round Rock', squareFeet: 1500 },
    });
    expect(cma?.medianPricePerSqft).toBeGreaterThan(200);
    expect(cma?.medianPricePerSqft).toBeLessThanOrEqual(220);
  });

  it('widens to any bedrooms and a year of sales when few comps match, and uses sale prices without a subject size', async () => {
    const listings = source([
      sold('a', { price: 300_000, bedrooms: 5, daysAgo: 300 }),
      sold('b', { price: 340_000, bedrooms: 5, daysAgo: 200 }),
      sold('x', { price: 900_000, area: 'Zilker' }),
    ]);
    const cma = await computeCma({
      listings,
      tenantId: 't1',
      now: NOW,
      subject: { area: 'Round Rock', bedrooms: 2 },
    });
    expect(cma).toMatchObject({ method: 'sale_price', estimateUsd: 320_000 });
    expect(cma?.comps.map((comp) => comp.id)).not.toContain('x');
  });

  it('returns undefined with fewer than two comps', async () => {
    const cma = await computeCma({
      listings: source([sold('a', { price: 300_000, sqft: 1500 })]),
      tenantId: 't1',
      now: NOW,
      subject: { area: 'Round Rock', squareFeet: 1500 },
    });
    expect(cma).toBeUndefined();
  });
});
