import { z } from 'zod';

/** Zod schema for per-million-token rates in USD. */
export const tokenRatesSchema = z.object({
  /** Uncached input tokens, USD per million. */
  inputPerMTok: z.number().nonnegative(),
  /** Output tokens, USD per million. */
  outputPerMTok: z.number().nonnegative(),
  /** Input tokens read from the prompt cache, USD per million. */
  cacheReadPerMTok: z.number().nonnegative(),
  /** Input tokens written to the 5-minute prompt cache, USD per million. */
  cacheWrite5mPerMTok: z.number().nonnegative(),
  /** Input tokens written to the 1-hour prompt cache, USD per million. */
  cacheWrite1hPerMTok: z.number().nonnegative(),
});

/** Absolute rates per million tokens for the five token kinds, USD. */
export type TokenRates = z.infer<typeof tokenRatesSchema>;

/** Zod schema for a prompt-size price band. */
export const promptSizeBandSchema = z.object({
  /** The band applies when the prompt (input + cache read + cache writes) exceeds this many tokens. */
  abovePromptTokens: z.number().int().positive(),
  /** Rates for every token of such a call, output included. */
  rates: tokenRatesSchema,
});

/** Rates that replace the base rates for a whole call whose prompt is larger than a threshold. */
export type PromptSizeBand = z.infer<typeof promptSizeBandSchema>;

/** Zod schema for one row of the price table. */
export const modelPriceSchema = z.object({
  /** Model id as the provider reports it, e.g. `claude-sonnet-4-5`. */
  model: z.string().min(1),
  /** Other ids billed the same (dated snapshots such as `claude-sonnet-4-5-20250929` match automatically). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Provider name (`anthropic`). */
  provider: z.string().min(1).default('anthropic'),
  /** First day the rates apply, ISO date (`2025-09-29`) or date-time. */
  effectiveFrom: z.iso.date().or(z.iso.datetime()),
  /** Base rates. */
  rates: tokenRatesSchema,
  /** Optional prompt-size bands (long-context pricing); the highest matching threshold wins. */
  bands: z.array(promptSizeBandSchema).default([]),
});

/** One row of the price table: a model's rates from a date on. */
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/** A price row as written by a user (defaults not yet applied). */
export type ModelPriceInput = z.input<typeof modelPriceSchema>;
