import { z } from 'zod';
import { botNameSchema } from './bot-name';
import { crmActionSchema } from './crm-action';
import { leadScoreSchema } from './lead-score';

/** Lead intents the decoder distinguishes, as a zod enum. */
export const intentKindSchema = z.enum(['buyer', 'seller', 'both', 'browsing', 'unknown']);

/** What the lead wants: buy, sell, both, just browsing, or not yet known. */
export type IntentKind = z.infer<typeof intentKindSchema>;

/** Zod schema for a decoded intent with its confidence. */
export const intentSchema = z.object({
  /** What the lead wants. */
  kind: intentKindSchema,
  /** 0–1; handoffs need at least 0.7. */
  confidence: z.number().min(0).max(1),
});

/** A decoded intent and its confidence. */
export type Intent = z.infer<typeof intentSchema>;

/** What a bot decided to do on a turn, as a zod enum. */
export const botActionKindSchema = z.enum([
  'reply',
  'handoff',
  'escalate',
  'book_appointment',
  'schedule_follow_up',
  'opt_out',
  'no_reply',
]);

/** Kind of decision a bot made on a turn. */
export type BotActionKind = z.infer<typeof botActionKindSchema>;

/** Zod schema for the outcome of one bot turn, as recorded in the audit log. */
export const botDecisionSchema = z.object({
  /** Bot that decided. */
  bot: botNameSchema,
  /** Contact concerned. */
  contactId: z.string().min(1),
  /** Inbound message that triggered the turn, if any. */
  messageId: z.string().optional(),
  /** Decoded intent, if the decoder ran. */
  intent: intentSchema.optional(),
  /** What the bot decided. */
  action: botActionKindSchema,
  /** Reply text chosen (PII-bearing; audit stores only its length). */
  reply: z.string().optional(),
  /** Key of the next question asked, if any. */
  nextQuestion: z.string().optional(),
  /** Names of fact fields that changed this turn. */
  factsUpdated: z.array(z.string()).default([]),
  /** Score after the turn. */
  score: leadScoreSchema.optional(),
  /** CRM actions requested this turn. */
  crmActions: z.array(crmActionSchema).default([]),
  /** Who produced the decision: the model, the rules engine, or the rules engine after a model failure. */
  source: z.enum(['llm', 'rules', 'fallback']),
  /** Short reasons (no PII). */
  reasons: z.array(z.string()).default([]),
  /** Model used, when `source` is `llm`. */
  model: z.string().optional(),
  /** Turn duration, ms. */
  durationMs: z.number().nonnegative().optional(),
});

/** Outcome of one bot turn: intent, action, reply, facts changed, score, CRM actions, and why. */
export type BotDecision = z.infer<typeof botDecisionSchema>;
