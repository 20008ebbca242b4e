import { z } from 'zod';
import { botNameSchema } from './bot-name';
import { leadFactsSchema } from './lead-facts';
import { leadScoreSchema } from './lead-score';
import { messageSchema } from './message';

/** How many messages a conversation state keeps; older ones are dropped by {@link appendMessage} and stores. */
export const MAX_CONVERSATION_MESSAGES = 50;

/** Conversation stages, as a zod enum. */
export const conversationStageSchema = z.enum([
  'new',
  'qualifying',
  'qualified',
  'scheduling',
  'appointment_set',
  'nurturing',
  'dormant',
  'escalated',
  'opted_out',
  'closed',
]);

/** Where a conversation stands in qualification. */
export type ConversationStage = z.infer<typeof conversationStageSchema>;

/** Zod schema for one bot-to-bot handoff in a conversation's history. */
export const handoffRecordSchema = z.object({
  /** Bot the contact left. */
  from: botNameSchema,
  /** Bot the contact moved to. */
  to: botNameSchema,
  /** Intent confidence that triggered the handoff, 0–1. */
  confidence: z.number().min(0).max(1),
  /** When the handoff happened, epoch ms. */
  at: z.number().int().nonnegative(),
  /** Short reason (no PII), e.g. `intent:seller`. */
  reason: z.string().optional(),
});

/** One handoff between bots. */
export type HandoffRecord = z.infer<typeof handoffRecordSchema>;

/** Zod schema for the persisted state of one conversation, keyed by (tenantId, contactId). */
export const conversationStateSchema = z.object({
  /** Owning tenant. */
  tenantId: z.string().min(1),
  /** CRM contact id. */
  contactId: z.string().min(1),
  /** Bot currently in charge of the contact. */
  activeBot: botNameSchema,
  /** Qualification stage. */
  stage: conversationStageSchema,
  /** Facts extracted so far. */
  facts: leadFactsSchema.default({}),
  /** Latest lead score, once scored. */
  score: leadScoreSchema.optional(),
  /** Most recent messages, oldest first, at most {@link MAX_CONVERSATION_MESSAGES}. */
  messages: z.array(messageSchema).default([]),
  /** Handoff history, oldest first. */
  handoffs: z.array(handoffRecordSchema).default([]),
  /** Keys of questions already asked (so a bot does not repeat itself). */
  askedQuestions: z.array(z.string()).default([]),
  /** Handed to a human; bots stay silent until cleared. */
  escalated: z.boolean().default(false),
  /** Bot replies paused (by an agent or the system). */
  paused: z.boolean().default(false),
  /** Why the conversation was paused or escalated (no PII). */
  pauseReason: z.string().optional(),
  /** Number of bot turns taken. */
  turnCount: z.number().int().nonnegative().default(0),
  /** Small bot-specific key/value memory (no PII). */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** When the conversation started, epoch ms. */
  createdAt: z.number().int().nonnegative(),
  /** Last write, epoch ms. */
  updatedAt: z.number().int().nonnegative(),
  /** Last inbound message from the lead, epoch ms. */
  lastInboundAt: z.number().int().nonnegative().optional(),
  /** Last outbound message to the lead, epoch ms. */
  lastOutboundAt: z.number().int().nonnegative().optional(),
  /** When the lead reached `qualified`, epoch ms. */
  qualifiedAt: z.number().int().nonnegative().optional(),
  /**
   * Optimistic-concurrency version: 0 for a state never stored; the store sets it to
   * `expectedVersion + 1` on every successful compare-and-set.
   */
  version: z.number().int().nonnegative(),
});

/** Persisted state of one conversation: active bot, stage, facts, score, bounded history, version. */
export type ConversationState = z.infer<typeof conversationStateSchema>;

/**
 * Returns a copy of `state` with `message` appended and the history trimmed to the newest `limit` messages.
 *
 * @example
 * ```ts
 * const next = appendMessage(state, message); // state is not mutated
 * ```
 */
export function appendMessage(
  state: ConversationState,
  message: ConversationState['messages'][number],
  limit: number = MAX_CONVERSATION_MESSAGES,
): ConversationState {
  const messages = [...state.messages, message];
  return { ...state, messages: messages.slice(Math.max(0, messages.length - limit)) };
}
