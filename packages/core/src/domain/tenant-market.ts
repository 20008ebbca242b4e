import { z } from 'zod';

/** Zod schema for one market area with the aliases leads use for it. */
export const marketAreaSchema = z.object({
  /** Canonical area name, e.g. `West Lake Hills`. */
  name: z.string().min(1),
  /** Other spellings and nicknames, e.g. `westlake`, `WLH`; matched case-insensitively. */
  aliases: z.array(z.string().min(1)).default([]),
  /** City the area belongs to, if not the market's main city. */
  city: z.string().optional(),
});

/** One market area and its aliases. */
export type MarketArea = z.infer<typeof marketAreaSchema>;

/** Zod schema for a price band; `maxUsd` absent means open-ended. */
export const priceBandSchema = z
  .object({
    /** Band name, e.g. `entry`, `mid`, `luxury`. */
    name: z.string().min(1),
    /** Lower bound, USD, inclusive. */
    minUsd: z.number().nonnegative(),
    /** Upper bound, USD, exclusive; absent for the top band. */
    maxUsd: z.number().positive().optional(),
  })
  .refine((band) => band.maxUsd === undefined || band.maxUsd > band.minUsd, {
    message: 'maxUsd must be greater than minUsd',
    path: ['maxUsd'],
  });

/** A named price band of a market. */
export type PriceBand = z.infer<typeof priceBandSchema>;

/** Zod schema for a tenant's market. */
export const marketSchema = z.object({
  /** Market name, e.g. `Austin, TX`. */
  name: z.string().min(1),
  /** Two-letter US state (drives jurisdiction rules), e.g. `TX`. */
  state: z.string().length(2).optional(),
  /** Areas served, with aliases. */
  areas: z.array(marketAreaSchema).default([]),
  /** Price bands, lowest first. */
  priceBands: z.array(priceBandSchema).default([]),
});

/** The market a tenant serves: areas with aliases and price bands. */
export type Market = z.infer<typeof marketSchema>;
