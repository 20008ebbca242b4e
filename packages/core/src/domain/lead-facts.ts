import { z } from 'zod';

/** Zod schema factory for one extracted fact: its value plus provenance. */
export function factSchema<T extends z.ZodType>(value: T) {
  return z.object({
    /** The extracted value. */
    value,
    /** Id of the message the value was extracted from, when it came from a message. */
    sourceMessageId: z.string().optional(),
    /** Extraction confidence, 0–1 (rules engine: 1 for exact patterns, lower for heuristics). */
    confidence: z.number().min(0).max(1),
    /** When the value was extracted, epoch ms. */
    extractedAt: z.number().int().nonnegative().optional(),
  });
}

/** One extracted fact: a value with its source message and confidence. */
export interface Fact<T> {
  /** The extracted value. */
  value: T;
  /** Id of the message the value was extracted from. */
  sourceMessageId?: string | undefined;
  /** Extraction confidence, 0–1. */
  confidence: number;
  /** When the value was extracted, epoch ms. */
  extractedAt?: number | undefined;
}

/** Property types a lead may ask about or own, as a zod enum. */
export const propertyTypeSchema = z.enum([
  'single_family',
  'condo',
  'townhouse',
  'multi_family',
  'land',
  'manufactured',
  'other',
]);

/** Kind of property. */
export type PropertyType = z.infer<typeof propertyTypeSchema>;

/**
 * Condition of a seller's property, as a zod enum. The rules extractor of `@enterprisehub/bots` produces the
 * coarse scale `move_in_ready` / `needs_work` / `fixer_upper`; the finer grades are for agents and integrations.
 */
export const propertyConditionSchema = z.enum([
  'excellent',
  'good',
  'fair',
  'needs_work',
  'teardown',
  'move_in_ready',
  'fixer_upper',
]);

/** Condition of a seller's property. */
export type PropertyCondition = z.infer<typeof propertyConditionSchema>;

const usd = z.number().nonnegative();

/** Zod schema for everything the bots have learned about a lead; every field optional. */
export const leadFactsSchema = z.object({
  /** Lowest budget, USD. */
  budgetMin: factSchema(usd).optional(),
  /** Highest budget, USD. */
  budgetMax: factSchema(usd).optional(),
  /** Bedrooms wanted (buyer) or owned (seller). */
  bedrooms: factSchema(z.number().nonnegative()).optional(),
  /** Bathrooms wanted or owned. */
  bathrooms: factSchema(z.number().nonnegative()).optional(),
  /** Property type wanted or owned. */
  propertyType: factSchema(propertyTypeSchema).optional(),
  /** Canonical area names (tenant market areas, aliases resolved). */
  areas: factSchema(z.array(z.string())).optional(),
  /** Months until the lead wants to move (0 = now). */
  timelineMonths: factSchema(z.number().nonnegative()).optional(),
  /** Pre-approved for a mortgage. */
  preApproved: factSchema(z.boolean()).optional(),
  /** Lender name. */
  lender: factSchema(z.string()).optional(),
  /** Cash buyer. */
  cashBuyer: factSchema(z.boolean()).optional(),
  /** Must-have features (pool, garage, good schools, …). */
  mustHaves: factSchema(z.array(z.string())).optional(),
  /** Buyer has a current home to sell first. */
  hasHomeToSell: factSchema(z.boolean()).optional(),
  /** Seller's property address. PII. */
  propertyAddress: factSchema(z.string()).optional(),
  /** Seller's property condition. */
  propertyCondition: factSchema(propertyConditionSchema).optional(),
  /** Seller's price expectation, USD. */
  priceExpectation: factSchema(usd).optional(),
  /** Why the lead is moving (free text, short). */
  motivation: factSchema(z.string()).optional(),
  /** Phone number found in message text. PII. */
  phone: factSchema(z.string()).optional(),
  /** Email found in message text. PII. */
  email: factSchema(z.string()).optional(),
});

/** Facts extracted from a lead's messages, each with provenance (source message, confidence). */
export type LeadFacts = z.infer<typeof leadFactsSchema>;

/** Name of one lead fact field. */
export type LeadFactName = keyof LeadFacts;

/** Every lead fact field name. */
export const LEAD_FACT_NAMES: readonly LeadFactName[] = Object.keys(
  leadFactsSchema.shape,
) as LeadFactName[];
