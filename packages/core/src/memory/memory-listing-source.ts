/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import { listingSchema, type Listing } from '../domain/listing';
import type { CompsCriteria, ListingCriteria, ListingSource } from '../ports/listing-source';
import type { TenantScoped } from '../ports/tenant-scoped';
import { TenantMap, copy, parseOrThrow, throwIfAborted } from './memory-support';

/** Options for {@link createMemoryListingSource}. */
export interface MemoryListingSourceOptions {
  /** Listings per tenant id (validated). */
  listings?: Record<string, Listing[]>;
}

/** {@link ListingSource} over listings held in memory (loaded from an object or a JSON file by the caller). */
export class MemoryListingSource implements ListingSource {
  private readonly listings = new TenantMap<Listing>();

  /** Creates a source holding the given listings. */
  constructor(options: MemoryListingSourceOptions = {}) {
    for (const [tenantId, listings] of Object.entries(options.listings ?? {}))
      this.add(tenantId, listings);
  }

  /** Adds or replaces (by id) listings for a tenant. */
  add(tenantId: string, listings: Listing[]): void {
    for (const listing of listings) {
      const parsed = parseOrThrow(listingSchema, listing);
      this.listings.set(tenantId, parsed.id, parsed);
    }
  }

  /** {@inheritDoc ListingSource.search} */
  async search(
    options: TenantScoped & { criteria: ListingCriteria; limit?: number },
  ): Promise<Listing[]> {
    throwIfAborted(options.signal);
    const criteria = options.criteria;
    const areas = criteria.areas && new Set(criteria.areas.map((area) => area.toLowerCase()));
    const types = criteria.propertyTypes && new Set(criteria.propertyTypes);
    const target = criteria.maxPriceUsd ?? criteria.minPriceUsd;
    return [...this.listings.partition(options.tenantId).values()]
      .filter((listing) => listing.status === 'active')
      .filter(
        (listing) => criteria.minPriceUsd === undefined || listing.priceUsd >= criteria.minPriceUsd,
      )
      .filter(
        (listing) => criteria.maxPriceUsd === undefined || listing.priceUsd <= criteria.maxPriceUsd,
      )
      .filter(
        (listing) => criteria.minBedrooms === undefined || listing.bedrooms >= criteria.minBedrooms,
      )
      .filter(
        (listing) =>
          criteria.minBathrooms === undefined || listing.bathrooms >= criteria.minBathrooms,
      )
      .filter((listing) => !areas || areas.has(listing.area.toLowerCase()))
      .filter((listing) => !types || types.has(listing.propertyType))
      .filter((listing) =>
        (criteria.mustHaves ?? []).every((feature) =>
          listing.features.includes(feature.toLowerCase()),
        ),
      )
      .sort(
        (a, b) =>
          (target === undefined
            ? 0
            : Math.abs(a.priceUsd - target) - Math.abs(b.priceUsd - target)) ||
          a.id.localeCompare(b.id),
      )
      .slice(0, options.limit ?? 10)
      .map(copy);
  }

  /** {@inheritDoc ListingSource.soldComps} */
  async soldComps(
    options: TenantScoped & { criteria: CompsCriteria; limit?: number },
  ): Promise<Listing[]> {
    throwIfAborted(options.signal);
    const { area, propertyType, bedrooms, soldSince } = options.criteria;
    return [...this.listings.partition(options.tenantId).values()]
      .filter((listing) => listing.status === 'sold')
      .filter((listing) => area === undefined || listing.area.toLowerCase() === area.toLowerCase())
      .filter((listing) => propertyType === undefined || listing.propertyType === propertyType)
      .filter((listing) => bedrooms === undefined || Math.abs(listing.bedrooms - bedrooms) <= 1)
      .filter((listing) => soldSince === undefined || (listing.soldAt ?? 0) >= soldSince)
      .sort((a, b) => (b.soldAt ?? 0) - (a.soldAt ?? 0) || a.id.localeCompare(b.id))
      .slice(0, options.limit ?? 10)
      .map(copy);
  }

  /** {@inheritDoc ListingSource.get} */
  async get(options: TenantScoped & { listingId: string }): Promise<Listing | undefined> {
    throwIfAborted(options.signal);
    const listing = this.listings.get(options.tenantId, options.listingId);
    return listing && copy(listing);
  }
}

/**
 * Creates an in-memory listing source.
 *
 * @example
 * ```ts
 * const listings = createMemoryListingSource({ listings: { [tenantId]: austinListings } });
 * await listings.search({ tenantId, criteria: { maxPriceUsd: 600_000, minBedrooms: 3, areas: ['Cedar Park'] } });
 * ```
 */
export function createMemoryListingSource(
  options: MemoryListingSourceOptions = {},
): MemoryListingSource {
  return new MemoryListingSource(options);
}
