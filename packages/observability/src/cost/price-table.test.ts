import { EnterpriseHubError, type LlmUsage } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { ANTHROPIC_PRICES } from './anthropic-prices';
import { createPriceTable } from './price-table';

const usage = (partial: Partial<LlmUsage>): LlmUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  ...partial,
});
const AT = Date.UTC(2026, 5, 1);

describe('createPriceTable', () => {
  it('prices every token kind at the model rates (Sonnet 4.5 worked example)', () => {
    const table = createPriceTable();
    const cost = table.cost({
      model: 'claude-sonnet-4-5',
      at: AT,
      usage: usage({
        inputTokens: 1000,
        outputTokens: 500,
        cacheReadTokens: 10_000,
        cacheWrite5mTokens: 2000,
        cacheWrite1hTokens: 1000,
      }),
    });
    // 1000×3 + 500×15 + 10000×0.30 + 2000×3.75 + 1000×6 = 3000 + 7500 + 3000 + 7500 + 6000 = 27000 µ$ = $0.027
    expect(cost.kind).toBe('known');
    if (cost.kind !== 'known') return;
    expect(cost.costUsd).toBeCloseTo(0.027, 10);
    expect(cost.breakdown).toEqual({
      inputUsd: 0.003,
      outputUsd: 0.0075,
      cacheReadUsd: 0.003,
      cacheWrite5mUsd: 0.0075,
      cacheWrite1hUsd: 0.006,
    });
  });

  it('matches dated snapshot ids and aliases', () => {
    const table = createPriceTable();
    const haiku = table.cost({
      model: 'claude-haiku-4-5-20251001',
      at: AT,
      usage: usage({ inputTokens: 1_000_000 }),
    });
    expect(haiku).toMatchObject({ kind: 'known', costUsd: 1 });
    const opus = table.cost({
      model: 'claude-opus-4-0',
      at: AT,
      usage: usage({ outputTokens: 1_000_000 }),
    });
    expect(opus).toMatchObject({ kind: 'known', costUsd: 75 });
    expect(
      table.cost({ model: 'claude-opus-4-6', at: AT, usage: usage({ outputTokens: 1_000_000 }) }),
    ).toMatchObject({ costUsd: 25 });
  });

  it('reports an unknown model as unknown cost, never as $0', () => {
    const cost = createPriceTable().cost({
      model: 'gpt-4o',
      at: AT,
      usage: usage({ inputTokens: 500 }),
    });
    expect(cost).toEqual({ kind: 'unknown', model: 'gpt-4o' });
  });

  it('switches the whole call to the long-context band above 200K prompt tokens', () => {
    const table = createPriceTable();
    const below = table.cost({
      model: 'claude-sonnet-4-5',
      at: AT,
      usage: usage({ inputTokens: 150_000, cacheReadTokens: 50_000, outputTokens: 1000 }),
    });
    const above = table.cost({
      model: 'claude-sonnet-4-5',
      at: AT,
      usage: usage({ inputTokens: 150_000, cacheReadTokens: 50_001, outputTokens: 1000 }),
    });
    expect(below).toMatchObject({ kind: 'known' });
    expect(below).not.toHaveProperty('bandAbovePromptTokens');
    // 150000×3 + 50000×0.3 + 1000×15 µ$
    expect(below.kind === 'known' ? below.costUsd : 0).toBeCloseTo(0.48, 9);
    // 150000×6 + 50001×0.6 + 1000×22.5 = 900000 + 30000.6 + 22500 µ$
    expect(above).toMatchObject({ kind: 'known', bandAbovePromptTokens: 200_000 });
    expect(above.kind === 'known' ? above.costUsd : 0).toBeCloseTo(0.9525006, 9);
  });

  it('applies the row in force at the call date and keeps history priced at the old rate', () => {
    const table = createPriceTable({
      prices: [
        {
          model: 'claude-haiku-4-5',
          effectiveFrom: '2026-07-01',
          rates: {
            inputPerMTok: 0.5,
            outputPerMTok: 2.5,
            cacheReadPerMTok: 0.05,
            cacheWrite5mPerMTok: 0.625,
            cacheWrite1hPerMTok: 1,
          },
        },
      ],
    });
    const million = usage({ inputTokens: 1_000_000 });
    expect(
      table.cost({ model: 'claude-haiku-4-5', at: Date.UTC(2026, 5, 30), usage: million }),
    ).toMatchObject({ costUsd: 1 });
    expect(
      table.cost({ model: 'claude-haiku-4-5', at: Date.UTC(2026, 6, 1), usage: million }),
    ).toMatchObject({ costUsd: 0.5 });
    // A call dated before the first row (e.g. a test clock) uses the first row.
    expect(
      table.cost({ model: 'claude-haiku-4-5', at: Date.UTC(2020, 0, 1), usage: million }),
    ).toMatchObject({ costUsd: 1 });
  });

  it('lets a user row replace a built-in row with the same model and date, or start empty', () => {
    const custom = {
      model: 'claude-sonnet-4-6',
      effectiveFrom: '2026-02-17',
      rates: {
        inputPerMTok: 2,
        outputPerMTok: 10,
        cacheReadPerMTok: 0.2,
        cacheWrite5mPerMTok: 2.5,
        cacheWrite1hPerMTok: 4,
      },
    };
    const overridden = createPriceTable({ prices: [custom] });
    expect(
      overridden.cost({
        model: 'claude-sonnet-4-6',
        at: AT,
        usage: usage({ inputTokens: 1_000_000 }),
      }),
    ).toMatchObject({ costUsd: 2 });
    const only = createPriceTable({ prices: [custom], replaceDefaults: true });
    expect(only.rows()).toHaveLength(1);
    expect(only.cost({ model: 'claude-haiku-4-5', at: AT, usage: usage({}) }).kind).toBe('unknown');
  });

  it('rejects an invalid row with CONFIG_INVALID', () => {
    const invalid = () =>
      createPriceTable({
        prices: [
          {
            model: 'x',
            effectiveFrom: 'soon',
            rates: {
              inputPerMTok: -1,
              outputPerMTok: 1,
              cacheReadPerMTok: 0,
              cacheWrite5mPerMTok: 0,
              cacheWrite1hPerMTok: 0,
            },
          },
        ],
      });
    expect(invalid).toThrow(EnterpriseHubError);
    expect(invalid).toThrow(/CONFIG_INVALID|Invalid price table row/);
  });

  it('ships the standard cache multipliers for the built-in rows', () => {
    for (const row of ANTHROPIC_PRICES.filter((price) => price.model !== 'claude-3-haiku')) {
      expect(row.rates.cacheReadPerMTok).toBeCloseTo(row.rates.inputPerMTok * 0.1, 9);
      expect(row.rates.cacheWrite5mPerMTok).toBeCloseTo(row.rates.inputPerMTok * 1.25, 9);
      expect(row.rates.cacheWrite1hPerMTok).toBeCloseTo(row.rates.inputPerMTok * 2, 9);
    }
  });
});
