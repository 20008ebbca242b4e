import { propertyTypeSchema } from '@enterprisehub/core';
import { z } from 'zod';
import { LEAD_MOTIVATIONS } from './motivation-rules';

const usd = z.number().nonnegative();

/** Zod schema for the plain (provenance-free) facts one message yields; every field optional. */
export const extractedFactsSchema = z.object({
  /** Lowest budget, USD. */
  budgetMin: usd.optional(),
  /** Highest budget, USD (a single budget figure lands here). */
  budgetMax: usd.optional(),
  /** Seller's price expectation, USD. */
  priceExpectation: usd.optional(),
  /** Bedrooms wanted or owned (lower bound of a range). */
  bedrooms: z.number().nonnegative().optional(),
  /** Bathrooms wanted or owned. */
  bathrooms: z.number().nonnegative().optional(),
  /** Property type. */
  propertyType: propertyTypeSchema.optional(),
  /** Canonical market area names. */
  areas: z.array(z.string()).optional(),
  /** Months from now until the move (0 = now). */
  timelineMonths: z.number().nonnegative().optional(),
  /** Pre-approved (or pre-qualified) for a mortgage. */
  preApproved: z.boolean().optional(),
  /** Lender named by the lead. */
  lender: z.string().optional(),
  /** Paying cash (`false` when they said they finance). */
  cashBuyer: z.boolean().optional(),
  /** Must-have features, canonical lower-case strings (`pool`, `garage`, `yard`, `office`, `single story`, …). */
  mustHaves: z.array(z.string()).optional(),
  /** Has a current home to sell (sell-and-buy leads). */
  hasHomeToSell: z.boolean().optional(),
  /** Street address as written (`123 Main St`). PII. */
  propertyAddress: z.string().optional(),
  /** Coarse property condition. */
  propertyCondition: z.enum(['move_in_ready', 'needs_work', 'fixer_upper']).optional(),
  /** Why the lead is moving. */
  motivation: z.enum(LEAD_MOTIVATIONS).optional(),
  /** Phone number in E.164 (US default). PII. */
  phone: z.string().optional(),
  /** Email address, lower-case. PII. */
  email: z.string().optional(),
});

/** Plain facts extracted from one message: values only, no provenance. */
export type ExtractedFacts = z.infer<typeof extractedFactsSchema>;

/** Name of one extracted fact field. */
export type ExtractedFactName = keyof ExtractedFacts;

/** Every extracted fact field, in reporting order. */
export const EXTRACTED_FACT_NAMES: readonly ExtractedFactName[] = Object.keys(
  extractedFactsSchema.shape,
) as ExtractedFactName[];

/** Per-field extraction confidence, 0–1. */
export type FactConfidence = Partial<Record<ExtractedFactName, number>>;
