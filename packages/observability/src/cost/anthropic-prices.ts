import type { ModelPriceInput, TokenRates } from './model-price';

/** Standard prompt-cache multipliers: write 5m = 1.25×, write 1h = 2×, read = 0.1× the input rate. */
const rates = (inputPerMTok: number, outputPerMTok: number): TokenRates => ({
  inputPerMTok,
  outputPerMTok,
  cacheReadPerMTok: round(inputPerMTok * 0.1),
  cacheWrite5mPerMTok: round(inputPerMTok * 1.25),
  cacheWrite1hPerMTok: round(inputPerMTok * 2),
});

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Sonnet 4 / 4.5 long-context pricing: prompts over 200K tokens bill every token at $6 / $22.50. */
const SONNET_LONG_CONTEXT = [{ abovePromptTokens: 200_000, rates: rates(6, 22.5) }];

/**
 * Anthropic list prices (USD per million tokens) for the Claude 4.x family and the older models
 * still served, from Anthropic's public pricing page. Standard (non-batch) API rates. These are
 * data: override or extend them with `createPriceTable({ prices })` when Anthropic changes a rate
 * or your contract differs — a new row with a later `effectiveFrom` keeps history priced right.
 */
export const ANTHROPIC_PRICES: readonly ModelPriceInput[] = Object.freeze([
  { model: 'claude-opus-4-6', effectiveFrom: '2026-02-05', rates: rates(5, 25) },
  { model: 'claude-opus-4-5', effectiveFrom: '2025-11-24', rates: rates(5, 25) },
  { model: 'claude-opus-4-1', effectiveFrom: '2025-08-05', rates: rates(15, 75) },
  {
    model: 'claude-opus-4',
    aliases: ['claude-opus-4-0'],
    effectiveFrom: '2025-05-22',
    rates: rates(15, 75),
  },
  { model: 'claude-sonnet-4-6', effectiveFrom: '2026-02-17', rates: rates(3, 15) },
  {
    model: 'claude-sonnet-4-5',
    effectiveFrom: '2025-09-29',
    rates: rates(3, 15),
    bands: SONNET_LONG_CONTEXT,
  },
  {
    model: 'claude-sonnet-4',
    aliases: ['claude-sonnet-4-0'],
    effectiveFrom: '2025-05-22',
    rates: rates(3, 15),
    bands: SONNET_LONG_CONTEXT,
  },
  { model: 'claude-3-7-sonnet', effectiveFrom: '2025-02-24', rates: rates(3, 15) },
  { model: 'claude-haiku-4-5', effectiveFrom: '2025-10-15', rates: rates(1, 5) },
  { model: 'claude-3-5-haiku', effectiveFrom: '2024-10-22', rates: rates(0.8, 4) },
  {
    model: 'claude-3-haiku',
    effectiveFrom: '2024-03-13',
    rates: {
      ...rates(0.25, 1.25),
      cacheReadPerMTok: 0.03,
      cacheWrite5mPerMTok: 0.3,
      cacheWrite1hPerMTok: 0.5,
    },
  },
]);
