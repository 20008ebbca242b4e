import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EnterpriseHubError, type Listing } from '@enterprisehub/core';
import {
  ManualClock,
  listingSourceContract,
  runContractCase,
  type ContractHarness,
  type ListingSourceFixture,
} from '@enterprisehub/core/testing';
import {
  createExportListingSource,
  exportFolderLoader,
  type ListingsExport,
} from '../src/export-listing-source.js';
import { parseCsv, parseListingsExport } from '../src/parse-listings-export.js';

const dataFolder = fileURLToPath(new URL('../data', import.meta.url));

describe('ListingSource contract (JSON exports)', () => {
  it.each(listingSourceContract.cases)('$name', async (testCase) => {
    const clock = new ManualClock();
    const harness: ContractHarness<ListingSourceFixture> = {
      clock,
      create: async () => {
        const exports = new Map<string, Listing[]>();
        const source = createExportListingSource({
          clock,
          refreshMs: 0, // reload on every call, so seeded listings show at once
          load: async (tenantId): Promise<ListingsExport | undefined> => {
            const listings = exports.get(tenantId);
            return listings === undefined
              ? undefined
              : { format: 'json', text: JSON.stringify(listings) };
          },
        });
        return {
          source,
          seed: async (tenantId, listings) => {
            exports.set(tenantId, [...(exports.get(tenantId) ?? []), ...listings]);
          },
        };
      },
    };
    await runContractCase(testCase, harness);
  });
});

describe('CSV exports', () => {
  it('parses quoted fields, doubled quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });

  it('serves the sample export: buyer matches and sold comps', async () => {
    const source = createExportListingSource({ load: exportFolderLoader(dataFolder) });

    const matches = await source.search({
      tenantId: 'listings',
      criteria: { maxPriceUsd: 480_000, minBedrooms: 3 },
    });
    const comps = await source.soldComps({
      tenantId: 'listings',
      criteria: { area: 'Mueller', bedrooms: 3 },
    });

    expect(matches.map((listing) => listing.id)).toEqual(['AUS-1001']);
    expect(matches[0]).toMatchObject({
      area: 'Mueller',
      priceUsd: 465_000,
      features: ['garage', 'yard'],
      propertyType: 'single_family',
    });
    expect(comps.map((listing) => listing.id)).toEqual(['AUS-0901']);
    expect(comps[0]?.soldPriceUsd).toBe(449_000);
    expect(await source.search({ tenantId: 'other-tenant', criteria: {} })).toEqual([]);
  });

  it('rejects an invalid record by line and field names, without its values', () => {
    const csv =
      'mls_id,address,area,status,list_price,beds,baths,type\nA-1,1 Main St,Mueller,active,not-a-price,3,2,castle\n';
    let caught: unknown;
    try {
      parseListingsExport(csv, 'csv');
    } catch (error) {
      caught = error;
    }
    expect(EnterpriseHubError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((caught as Error).message).toContain('record 2');
    expect((caught as Error).message).toContain('priceUsd');
    expect((caught as Error).message).not.toContain('1 Main St');
  });

  it('keeps serving the last good listings when a reload fails', async () => {
    const clock = new ManualClock();
    const errors: string[] = [];
    let text = JSON.stringify(
      parseListingsExport(
        'mls_id,address,area,status,list_price,beds,baths,type\nA-1,1 Main St,Mueller,active,400000,3,2,condo\n',
        'csv',
      ),
    );
    const source = createExportListingSource({
      clock,
      refreshMs: 1_000,
      load: async () => ({ format: 'json', text }),
      onReloadError: (tenantId) => errors.push(tenantId),
    });
    expect(await source.get({ tenantId: 't1', listingId: 'A-1' })).toBeDefined();

    text = '[{"id":"broken"}]';
    clock.advance(1_001);

    expect(await source.get({ tenantId: 't1', listingId: 'A-1' })).toBeDefined();
    expect(errors).toEqual(['t1']);
  });
});
