/** Compiled snippet for docs/observability.md, "Overriding prices": a dated rate change and an extra model. */
import type { LlmClient } from '@enterprisehub/core';

declare const anthropic: LlmClient;

// #region prices
import { createPriceTable, withLlmTracing } from '@enterprisehub/observability';

const priceTable = createPriceTable({
  prices: [
    // A new rate from a date on: calls before it keep the old price.
    {
      model: 'claude-haiku-4-5',
      effectiveFrom: '2026-06-01',
      rates: {
        inputPerMTok: 0.9,
        outputPerMTok: 4.5,
        cacheReadPerMTok: 0.09,
        cacheWrite5mPerMTok: 1.125,
        cacheWrite1hPerMTok: 1.8,
      },
    },
    // A model we do not ship (a fine-tune, another provider's model behind the same port).
    {
      model: 'my-proxy-model',
      provider: 'proxy',
      effectiveFrom: '2026-01-01',
      rates: {
        inputPerMTok: 2,
        outputPerMTok: 8,
        cacheReadPerMTok: 0,
        cacheWrite5mPerMTok: 0,
        cacheWrite1hPerMTok: 0,
      },
    },
  ],
  // replaceDefaults: true — start from an empty table instead.
});
const llm = withLlmTracing(anthropic, { priceTable });
// #endregion prices

export { llm };
