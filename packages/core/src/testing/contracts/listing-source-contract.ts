import assert from 'node:assert/strict';
import type { Listing } from '../../domain/listing';
import type { ListingSource } from '../../ports/listing-source';
import { buildListing } from '../record-builders';
import { type ContractSuite, uniqueTenantId } from './contract-suite';

/** A listing source plus a way to load listings for a tenant. */
export interface ListingSourceFixture {
  /** The source under test. */
  source: ListingSource;
  /** Loads listings for a tenant. */
  seed: (tenantId: string, listings: Listing[]) => Promise<void>;
}

const DAY = 86_400_000;

/** Contract every {@link ListingSource} must satisfy. */
export const listingSourceContract: ContractSuite<ListingSourceFixture> = {
  name: 'ListingSource',
  cases: [
    {
      name: 'search returns only active listings matching every criterion, closest price first',
      async run(harness) {
        const { source, seed } = await harness.create();
        const tenantId = uniqueTenantId('t');
        await seed(tenantId, [
          buildListing({
            id: 'fit-far',
            priceUsd: 420_000,
            bedrooms: 3,
            features: ['pool', 'garage'],
          }),
          buildListing({ id: 'fit-near', priceUsd: 590_000, bedrooms: 4, features: ['pool'] }),
          buildListing({ id: 'too-pricey', priceUsd: 900_000, bedrooms: 4, features: ['pool'] }),
          buildListing({ id: 'too-small', priceUsd: 500_000, bedrooms: 2, features: ['pool'] }),
          buildListing({ id: 'no-pool', priceUsd: 550_000, bedrooms: 3 }),
          buildListing({
            id: 'elsewhere',
            priceUsd: 550_000,
            bedrooms: 3,
            area: 'Round Rock',
            features: ['pool'],
          }),
          buildListing({
            id: 'condo',
            priceUsd: 550_000,
            bedrooms: 3,
            propertyType: 'condo',
            features: ['pool'],
          }),
          buildListing({
            id: 'sold',
            priceUsd: 550_000,
            bedrooms: 3,
            status: 'sold',
            features: ['pool'],
          }),
        ]);
        const found = await source.search({
          tenantId,
          criteria: {
            maxPriceUsd: 600_000,
            minBedrooms: 3,
            areas: ['cedar park'],
            propertyTypes: ['single_family'],
            mustHaves: ['pool'],
          },
        });
        assert.deepEqual(
          found.map((listing) => listing.id),
          ['fit-near', 'fit-far'],
        );
        assert.equal((await source.search({ tenantId, criteria: {}, limit: 2 })).length, 2);
      },
    },
    {
      name: 'soldComps returns recent sold listings in the area with similar bedrooms, newest first',
      async run(harness) {
        const { source, seed } = await harness.create();
        const tenantId = uniqueTenantId('t');
        const now = harness.clock.now();
        await seed(tenantId, [
          buildListing({
            id: 'recent',
            status: 'sold',
            soldAt: now - 10 * DAY,
            soldPriceUsd: 500_000,
            bedrooms: 3,
          }),
          buildListing({
            id: 'older',
            status: 'sold',
            soldAt: now - 60 * DAY,
            soldPriceUsd: 480_000,
            bedrooms: 4,
          }),
          buildListing({ id: 'ancient', status: 'sold', soldAt: now - 400 * DAY, bedrooms: 3 }),
          buildListing({ id: 'big', status: 'sold', soldAt: now - 5 * DAY, bedrooms: 6 }),
          buildListing({ id: 'active', bedrooms: 3 }),
        ]);
        const comps = await source.soldComps({
          tenantId,
          criteria: { area: 'Cedar Park', bedrooms: 3, soldSince: now - 180 * DAY },
        });
        assert.deepEqual(
          comps.map((listing) => listing.id),
          ['recent', 'older'],
        );
      },
    },
    {
      name: 'get returns one listing by id or undefined; another tenant sees none of them',
      async run(harness) {
        const { source, seed } = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        const listing = buildListing({ id: 'mls-1' });
        await seed(tenantA, [listing]);
        assert.deepEqual(await source.get({ tenantId: tenantA, listingId: 'mls-1' }), listing);
        assert.equal(await source.get({ tenantId: tenantA, listingId: 'missing' }), undefined);
        assert.equal(await source.get({ tenantId: tenantB, listingId: 'mls-1' }), undefined);
        assert.deepEqual(await source.search({ tenantId: tenantB, criteria: {} }), []);
      },
    },
  ],
};
