/** Compiled snippet for docs/bots.md, "Fact extraction": extract, then merge into the conversation state. */
import type { Clock, ConversationState, Message, Tenant } from '@enterprisehub/core';

declare const clock: Clock;
declare const tenant: Tenant;
declare const message: Message;
declare const history: readonly Message[];
declare const state: ConversationState;

// #region facts
import { createFactExtractor, mergeFacts } from '@enterprisehub/bots';

const extractor = createFactExtractor({ clock, timeZone: tenant.timeZone }); // market: demo Austin; time zone: UTC
await extractor.extract('pre-approved for $550k, 3/2 in round rok by August');
// { budgetMax: 550000, preApproved: true, bedrooms: 3, bathrooms: 2, areas: ['Round Rock'], timelineMonths: 7 }

const { facts, confidence } = await extractor.extractWithProvenance(message.body, {
  history,
  intent: 'buyer',
});
state.facts = mergeFacts(state.facts, facts, {
  sourceMessageId: message.id,
  confidence,
  extractedAt: clock.now(),
});
// #endregion facts
