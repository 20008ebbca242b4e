/**
 * Compiled snippet for docs/bots.md: decoding intent and extracting facts for one inbound message, then merging the
 * facts into the conversation state.
 */
import type { Clock, ConversationState, LlmClient, Message } from '@enterprisehub/core';
import { createFactExtractor, createIntentDecoder, mergeFacts, type IntentResult } from '@enterprisehub/bots';

/** What the snippet needs from the host service. */
export interface TurnInput {
  /** The inbound message. */
  message: Message;
  /** The stored conversation (facts and recent messages). */
  state: ConversationState;
  /** Time source (tests pass a ManualClock). */
  clock: Clock;
  /** Optional model; without it the rules engine does everything. */
  llm?: LlmClient;
}

/** Decodes intent, extracts facts and returns the merged state plus the intent. */
export async function understandMessage(input: TurnInput): Promise<{ state: ConversationState; intent: IntentResult }> {
  const { message, state, clock, llm } = input;
  const decoder = createIntentDecoder({ ...(llm === undefined ? {} : { llm }), tenantId: state.tenantId });
  const extractor = createFactExtractor({
    clock,
    timeZone: 'America/Chicago', // the tenant's time zone: calendar phrases like "by August" are read in it
    ...(llm === undefined ? {} : { llm }),
    tenantId: state.tenantId,
  });

  const history = state.messages; // core Messages: { direction, body, … }, oldest first
  const intent = await decoder.decode(message.body, { history, contactId: state.contactId });
  const extraction = await extractor.extractWithProvenance(message.body, {
    history,
    contactId: state.contactId,
    intent: intent.intent, // reuse the decoded intent instead of decoding twice
  });

  const facts = mergeFacts(state.facts, extraction.facts, {
    sourceMessageId: message.id,
    confidence: extraction.confidence,
    extractedAt: clock.now(),
  });
  return { state: { ...state, facts }, intent };
}
