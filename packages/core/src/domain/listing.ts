import { z } from 'zod';
import { propertyTypeSchema } from './lead-facts';

/** Zod schema for a property listing (active, pending, or sold comp). */
export const listingSchema = z.object({
  /** Listing id (MLS number or source id). */
  id: z.string().min(1),
  /** Street address. */
  address: z.string().min(1),
  /** Canonical market area name. */
  area: z.string().min(1),
  /** City. */
  city: z.string().optional(),
  /** ZIP / postal code. */
  postalCode: z.string().optional(),
  /** List price, USD. */
  priceUsd: z.number().nonnegative(),
  /** Bedrooms. */
  bedrooms: z.number().nonnegative(),
  /** Bathrooms (half baths as .5). */
  bathrooms: z.number().nonnegative(),
  /** Living area, square feet. */
  squareFeet: z.number().nonnegative().optional(),
  /** Kind of property. */
  propertyType: propertyTypeSchema,
  /** Market status. */
  status: z.enum(['active', 'pending', 'sold']),
  /** Feature keywords (pool, garage, …), lower case. */
  features: z.array(z.string()).default([]),
  /** When listed, epoch ms. */
  listedAt: z.number().int().nonnegative().optional(),
  /** When sold, epoch ms (sold comps). */
  soldAt: z.number().int().nonnegative().optional(),
  /** Sale price, USD (sold comps). */
  soldPriceUsd: z.number().nonnegative().optional(),
  /** Public URL. */
  url: z.string().optional(),
});

/** A property listing: for buyer matching when active, for seller CMA when sold. */
export type Listing = z.infer<typeof listingSchema>;
