import { EnterpriseHubError, type LlmUsage } from '@enterprisehub/core';
import { z } from 'zod';
import { ANTHROPIC_PRICES } from './anthropic-prices';
import {
  modelPriceSchema,
  type ModelPrice,
  type ModelPriceInput,
  type TokenRates,
} from './model-price';

/** Cost of one call in USD, split by token kind. */
export interface CostBreakdown {
  /** Uncached input. */
  inputUsd: number;
  /** Output. */
  outputUsd: number;
  /** Prompt-cache reads. */
  cacheReadUsd: number;
  /** 5-minute prompt-cache writes. */
  cacheWrite5mUsd: number;
  /** 1-hour prompt-cache writes. */
  cacheWrite1hUsd: number;
}

/** Result of pricing one call: a known cost, or `unknown` when the model is not in the table (never $0). */
export type CallCost =
  | {
      kind: 'known';
      /** Total USD. */
      costUsd: number;
      /** USD per token kind. */
      breakdown: CostBreakdown;
      /** The row that priced the call. */
      price: ModelPrice;
      /** Prompt-size band threshold that applied, if any. */
      bandAbovePromptTokens?: number;
    }
  | { kind: 'unknown'; /** The model id that has no price. */ model: string };

/** Options for {@link PriceTable.cost}. */
export interface PriceCallOptions {
  /** Model id the provider reported. */
  model: string;
  /** Token usage of the call. */
  usage: LlmUsage;
  /** When the call happened, epoch ms (selects the row by `effectiveFrom`). */
  at: number;
}

/** Model price lookup and per-call cost. */
export interface PriceTable {
  /** The row in force for `model` at `at`, or `undefined` for an unknown model. */
  priceFor(options: { model: string; at: number }): ModelPrice | undefined;
  /** Prices one call. */
  cost(options: PriceCallOptions): CallCost;
  /** Every row, sorted by model then `effectiveFrom`. */
  rows(): readonly ModelPrice[];
}

/** Options for {@link createPriceTable}. */
export interface PriceTableOptions {
  /** Rows added to (or replacing, same model + `effectiveFrom`) the built-in Anthropic rows. */
  prices?: readonly ModelPriceInput[];
  /** Start from an empty table instead of {@link ANTHROPIC_PRICES}. @defaultValue false */
  replaceDefaults?: boolean;
}

const DATED_SUFFIX = /-(\d{8}|latest)$/;
const startOf = (price: ModelPrice): number => Date.parse(price.effectiveFrom);

/**
 * Creates a price table from the built-in Anthropic list prices plus your rows. Model ids match
 * exactly, through `aliases`, or after dropping a dated snapshot suffix (`-20250929`, `-latest`).
 * Among a model's rows the latest `effectiveFrom` not after the call applies (a call dated before
 * the first row uses the first row).
 *
 * @throws An {@link EnterpriseHubError} with `CONFIG_INVALID` when a row fails validation.
 * @example
 * ```ts
 * const prices = createPriceTable({
 *   prices: [{ model: 'claude-haiku-4-5', effectiveFrom: '2026-06-01', rates: { inputPerMTok: 0.8, outputPerMTok: 4,
 *     cacheReadPerMTok: 0.08, cacheWrite5mPerMTok: 1, cacheWrite1hPerMTok: 1.6 } }],
 * });
 * prices.cost({ model: 'claude-haiku-4-5-20251001', usage, at: Date.now() }); // { kind: 'known', costUsd: … }
 * ```
 */
export function createPriceTable(options: PriceTableOptions = {}): PriceTable {
  const input = [...(options.replaceDefaults ? [] : ANTHROPIC_PRICES), ...(options.prices ?? [])];
  const parsed = z.array(modelPriceSchema).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnterpriseHubError({
      code: 'CONFIG_INVALID',
      message: `Invalid price table row at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}.`,
    });
  }
  const byModel = new Map<string, ModelPrice[]>();
  for (const price of parsed.data) {
    for (const id of [price.model, ...price.aliases]) {
      const rows = (byModel.get(id) ?? []).filter(
        (row) => row.effectiveFrom !== price.effectiveFrom,
      );
      rows.push(price);
      rows.sort((left, right) => startOf(left) - startOf(right));
      byModel.set(id, rows);
    }
  }
  const rowsFor = (model: string): ModelPrice[] | undefined =>
    byModel.get(model) ?? byModel.get(model.replace(DATED_SUFFIX, ''));

  const priceFor = ({ model, at }: { model: string; at: number }): ModelPrice | undefined => {
    const rows = rowsFor(model);
    if (!rows || rows.length === 0) return undefined;
    let chosen = rows[0];
    for (const row of rows) if (startOf(row) <= at) chosen = row;
    return chosen;
  };

  return {
    priceFor,
    cost({ model, usage, at }) {
      const price = priceFor({ model, at });
      if (!price) return { kind: 'unknown', model };
      const promptTokens =
        usage.inputTokens +
        usage.cacheReadTokens +
        usage.cacheWrite5mTokens +
        usage.cacheWrite1hTokens;
      const band = [...price.bands]
        .sort((left, right) => right.abovePromptTokens - left.abovePromptTokens)
        .find((candidate) => promptTokens > candidate.abovePromptTokens);
      const breakdown = costOf(usage, band?.rates ?? price.rates);
      const costUsd =
        breakdown.inputUsd +
        breakdown.outputUsd +
        breakdown.cacheReadUsd +
        breakdown.cacheWrite5mUsd +
        breakdown.cacheWrite1hUsd;
      return {
        kind: 'known',
        costUsd,
        breakdown,
        price,
        ...(band ? { bandAbovePromptTokens: band.abovePromptTokens } : {}),
      };
    },
    rows: () =>
      [...new Set([...byModel.values()].flat())].sort(
        (left, right) => left.model.localeCompare(right.model) || startOf(left) - startOf(right),
      ),
  };
}

function costOf(usage: LlmUsage, rates: TokenRates): CostBreakdown {
  const perToken = (tokens: number, perMillion: number): number =>
    (tokens * perMillion) / 1_000_000;
  return {
    inputUsd: perToken(usage.inputTokens, rates.inputPerMTok),
    outputUsd: perToken(usage.outputTokens, rates.outputPerMTok),
    cacheReadUsd: perToken(usage.cacheReadTokens, rates.cacheReadPerMTok),
    cacheWrite5mUsd: perToken(usage.cacheWrite5mTokens, rates.cacheWrite5mPerMTok),
    cacheWrite1hUsd: perToken(usage.cacheWrite1hTokens, rates.cacheWrite1hPerMTok),
  };
}
