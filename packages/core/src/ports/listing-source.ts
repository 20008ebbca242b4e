import type { PropertyType } from '../domain/lead-facts';
import type { Listing } from '../domain/listing';
import type { TenantScoped } from './tenant-scoped';

/** Buyer search criteria for {@link ListingSource.search}. */
export interface ListingCriteria {
  /** Minimum price, USD. */
  minPriceUsd?: number;
  /** Maximum price, USD. */
  maxPriceUsd?: number;
  /** Minimum bedrooms. */
  minBedrooms?: number;
  /** Minimum bathrooms. */
  minBathrooms?: number;
  /** Canonical area names; any match. */
  areas?: string[];
  /** Property types; any match. */
  propertyTypes?: PropertyType[];
  /** Features that must all be present (lower case). */
  mustHaves?: string[];
}

/** Criteria for {@link ListingSource.soldComps}. */
export interface CompsCriteria {
  /** Canonical area of the subject property. */
  area?: string;
  /** Property type of the subject property. */
  propertyType?: PropertyType;
  /** Bedrooms of the subject property (comps within ±1). */
  bedrooms?: number;
  /** Only sales at or after this time, epoch ms. */
  soldSince?: number;
}

/** Port: listings for buyer matching and sold comps for seller CMA. */
export interface ListingSource {
  /** Active listings matching the criteria, best matches first; at most `limit` (default 10). */
  search(options: TenantScoped & { criteria: ListingCriteria; limit?: number }): Promise<Listing[]>;
  /** Sold listings comparable to a subject property, most recent first; at most `limit` (default 10). */
  soldComps(
    options: TenantScoped & { criteria: CompsCriteria; limit?: number },
  ): Promise<Listing[]>;
  /** One listing by id, or `undefined`. */
  get(options: TenantScoped & { listingId: string }): Promise<Listing | undefined>;
}
