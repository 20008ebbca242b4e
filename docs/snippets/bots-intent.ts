/** Compiled snippet for docs/bots.md, "Intent decoding". */

// #region intent
import { createIntentDecoder } from '@enterprisehub/bots';

const decoder = createIntentDecoder(); // market defaults to the demo Austin market; add { llm } for LLM mode
await decoder.decode("what's my house worth?");
// { intent: 'seller', confidence: 0.93, signals: ['seller:worth', …] }
await decoder.decode('yes', {
  history: [{ direction: 'outbound', body: 'Are you looking to buy?' }],
});
// { intent: 'buyer', … }   — history takes core Messages or { direction, body } pairs, oldest first
// #endregion intent
