import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { buildTenant } from '../testing/builders';
import { createMemoryListingSource } from '../memory/memory-listing-source';
import { createDemoListings } from './demo-listings';
import { DEMO_LOCATION_ID, DEMO_TENANT } from './demo-tenant';
import { TenantRegistry } from './tenant-registry';

function caught(run: () => unknown): EnterpriseHubError {
  try {
    run();
  } catch (error) {
    if (EnterpriseHubError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('TenantRegistry', () => {
  it('loads an array or { tenants } and looks tenants up by id and GHL location id', () => {
    const acme = buildTenant({ id: 'acme', ghlLocationId: 'loc-acme' });
    const registry = TenantRegistry.fromObject({ tenants: [acme, buildTenant({ id: 'zeta' })] });
    expect(registry.size).toBe(2);
    expect(registry.get('acme')).toEqual(acme);
    expect(registry.getByLocationId('loc-acme')?.id).toBe('acme');
    expect(registry.getByLocationId('nope')).toBeUndefined();
    expect(registry.list().map((tenant) => tenant.id)).toEqual(['acme', 'zeta']);
    expect(TenantRegistry.fromObject([acme]).size).toBe(1);
  });

  it('names the source, the tenant and the field in validation errors', () => {
    const broken = { ...buildTenant({ id: 'acme' }), timeZone: 'Mars/Olympus' };
    const error = caught(() =>
      TenantRegistry.fromObject(
        { tenants: [buildTenant(), broken] },
        { source: 'hub_mapping.json' },
      ),
    );
    expect(error.code).toBe('TENANT_CONFIG_INVALID');
    expect(error.message).toContain('hub_mapping.json');
    expect(error.message).toContain('"acme" (#1)');
    expect(error.message).toContain('field timeZone');
    expect(error.details).toMatchObject({ source: 'hub_mapping.json', field: 'timeZone' });
  });

  it('names nested fields and tenants without an id by position', () => {
    const tenant = buildTenant();
    const bands = [{ name: 'entry', minUsd: 500_000, maxUsd: 300_000 }];
    const error = caught(() =>
      TenantRegistry.fromObject([{ ...tenant, market: { ...tenant.market, priceBands: bands } }]),
    );
    expect(error.message).toContain('field market.priceBands.0.maxUsd');
    const anonymous = caught(() => TenantRegistry.fromObject([{ agencyName: 'x' }]));
    expect(anonymous.message).toContain('tenant #0');
    expect(caught(() => TenantRegistry.fromObject('nope')).code).toBe('TENANT_CONFIG_INVALID');
  });

  it('rejects duplicate ids and duplicate location ids', () => {
    const first = buildTenant({ id: 'acme', ghlLocationId: 'loc-1' });
    expect(caught(() => TenantRegistry.fromObject([first, first])).message).toContain(
      '"acme" appears twice',
    );
    const clash = buildTenant({ id: 'other', ghlLocationId: 'loc-1' });
    expect(caught(() => TenantRegistry.fromObject([first, clash])).details['field']).toBe(
      'ghlLocationId',
    );
  });

  it('reads files, naming the file when it is missing, not JSON or invalid', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tenants-'));
    const good = join(folder, 'tenants.json');
    await writeFile(good, JSON.stringify({ tenants: [buildTenant({ id: 'filed' })] }));
    expect((await TenantRegistry.fromFile(good)).get('filed')).toBeDefined();
    const bad = join(folder, 'bad.json');
    await writeFile(bad, '{ not json');
    await expect(TenantRegistry.fromFile(bad)).rejects.toMatchObject({
      code: 'TENANT_CONFIG_INVALID',
      message: expect.stringContaining('bad.json'),
    });
    await expect(TenantRegistry.fromFile(join(folder, 'missing.json'))).rejects.toMatchObject({
      code: 'TENANT_CONFIG_INVALID',
    });
  });

  it('resolves a location to active, unknown, disabled or maintenance', () => {
    const registry = new TenantRegistry([buildTenant({ id: 'acme', ghlLocationId: 'loc-1' })]);
    expect(registry.resolveLocation('loc-1').kind).toBe('active');
    expect(registry.resolveLocation('loc-x')).toEqual({ kind: 'unknown' });
    registry.setMaintenance('acme', true);
    expect(registry.resolveLocation('loc-1').kind).toBe('maintenance');
    registry.disable('acme');
    expect(registry.resolveLocation('loc-1').kind).toBe('disabled');
    expect(registry.enable('acme').enabled).toBe(true);
    registry.setMaintenance('acme', false);
    expect(registry.resolveLocation('loc-1').kind).toBe('active');
  });

  it('require throws TENANT_NOT_FOUND; upsert replaces and re-indexes; remove deletes', () => {
    const registry = new TenantRegistry([buildTenant({ id: 'acme', ghlLocationId: 'loc-1' })]);
    expect(caught(() => registry.require('ghost')).code).toBe('TENANT_NOT_FOUND');
    expect(caught(() => registry.disable('ghost')).code).toBe('TENANT_NOT_FOUND');
    registry.upsert({ ...buildTenant({ id: 'acme' }), ghlLocationId: 'loc-2' });
    expect(registry.getByLocationId('loc-1')).toBeUndefined();
    expect(registry.getByLocationId('loc-2')?.id).toBe('acme');
    registry.upsert(buildTenant({ id: 'beta', ghlLocationId: 'loc-3' }));
    expect(
      caught(() => registry.upsert(buildTenant({ id: 'beta', ghlLocationId: 'loc-2' }))).code,
    ).toBe('TENANT_CONFIG_INVALID');
    expect(registry.getByLocationId('loc-3')?.id).toBe('beta');
    expect(registry.remove('acme')).toBe(true);
    expect(registry.remove('acme')).toBe(false);
    expect(registry.getByLocationId('loc-2')).toBeUndefined();
  });
});

describe('DEMO_TENANT', () => {
  it('is the Austin market on demo-location with Texas compliance', () => {
    const registry = TenantRegistry.demo();
    const tenant = registry.getByLocationId(DEMO_LOCATION_ID);
    expect(tenant).toBe(DEMO_TENANT);
    expect(DEMO_TENANT.timeZone).toBe('America/Chicago');
    expect(DEMO_TENANT.compliance.trecNotice.enabled).toBe(true);
    expect(DEMO_TENANT.compliance.brokerage?.licenseNumber).toMatch(/placeholder/);
    expect(
      DEMO_TENANT.market.priceBands.map((band) => [band.name, band.minUsd, band.maxUsd]),
    ).toEqual([
      ['entry', 300_000, 500_000],
      ['mid', 500_000, 1_000_000],
      ['luxury', 1_000_000, undefined],
    ]);
    const names = DEMO_TENANT.market.areas.map((area) => area.name);
    for (const name of [
      'Downtown',
      'West Lake Hills',
      'Cedar Park',
      'Round Rock',
      'Pflugerville',
      'Georgetown',
      'Leander',
      'Dripping Springs',
      'Mueller',
    ]) {
      expect(names).toContain(name);
    }
    const aliases = DEMO_TENANT.market.areas.flatMap((area) =>
      area.aliases.map((alias) => alias.toLowerCase()),
    );
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(aliases).toContain('westlake');
  });
});

describe('createDemoListings', () => {
  it('places every listing in a demo area and dates sold comps before now', async () => {
    const now = Date.UTC(2026, 5, 1);
    const listings = createDemoListings({ now });
    const areas = new Set(DEMO_TENANT.market.areas.map((area) => area.name));
    expect(listings.every((listing) => areas.has(listing.area))).toBe(true);
    const sold = listings.filter((listing) => listing.status === 'sold');
    expect(sold.length).toBeGreaterThan(5);
    expect(
      sold.every((listing) => (listing.soldAt ?? now) < now && listing.soldPriceUsd !== undefined),
    ).toBe(true);
    const source = createMemoryListingSource({ listings: { [DEMO_TENANT.id]: listings } });
    const found = await source.search({
      tenantId: DEMO_TENANT.id,
      criteria: { maxPriceUsd: 500_000, minBedrooms: 3, areas: ['Cedar Park'] },
    });
    expect(found.map((listing) => listing.id)).toEqual(['demo-a05']);
    const comps = await source.soldComps({
      tenantId: DEMO_TENANT.id,
      criteria: { area: 'Cedar Park', bedrooms: 3 },
    });
    expect(comps.map((listing) => listing.id)).toEqual(['demo-s01', 'demo-s02']);
  });
});
