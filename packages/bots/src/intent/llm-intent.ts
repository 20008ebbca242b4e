import type { LlmClient, LlmMessage } from '@enterprisehub/core';
import { z } from 'zod';
import type { HistoryMessage } from './question-context';
import { INTENTS, type IntentResult, type RulesIntentResult } from './rules-intent';

/** Zod schema of the model's structured intent answer. */
export const llmIntentSchema = z.object({
  /** One of buyer, seller, both, browsing, unknown. */
  intent: z.enum(INTENTS),
  /** Model's own probability for `intent`, 0–1 (a missing value counts as {@link DEFAULT_MODEL_CONFIDENCE}). */
  confidence: z.number().min(0).max(1).optional(),
  /** Short evidence phrases (no PII). */
  signals: z.array(z.string().max(80)).max(8).optional(),
});

/** The model's structured intent answer. */
export type LlmIntent = z.infer<typeof llmIntentSchema>;

/** Confidence assumed when the model names an intent without a probability. */
export const DEFAULT_MODEL_CONFIDENCE = 0.75;

/** Static, cacheable instructions for intent classification. */
export const INTENT_SYSTEM_PROMPT = `You classify what a real-estate lead wants from their latest text message.
Classes:
- buyer: wants to purchase a home (searching, asking about listings, showings, budget, pre-approval).
- seller: wants to sell their property or learn what it is worth (valuation, listing, "what's my house worth").
- both: wants to sell and buy (trading up or down, relocating with a home to sell, "need to sell first").
- browsing: market curiosity or not ready yet ("just curious", "not looking to sell yet", market questions).
- unknown: the text carries no signal ("ok", "thanks", an emoji, a name, contact details only).
Read short answers against the agent's previous question (a "yes" to "are you looking to buy?" is buyer).
Answer with the intent, your probability that it is right (0-1), and up to 8 short evidence phrases.`;

/** Renders history and the new message as one user turn (the model sees who said what). */
export function formatConversation(text: string, history: readonly HistoryMessage[] | undefined): LlmMessage[] {
  const lines = (history ?? []).slice(-6).map((message) => `${message.direction === 'outbound' ? 'Agent' : 'Lead'}: ${message.body}`);
  const context = lines.length > 0 ? `Conversation so far:\n${lines.join('\n')}\n\n` : '';
  return [{ role: 'user', content: `${context}Lead's new message:\n${text}` }];
}

/** Options of {@link classifyIntentWithLlm}. */
export interface LlmIntentCall {
  llm: LlmClient;
  tenantId: string;
  text: string;
  history: readonly HistoryMessage[] | undefined;
  model?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  contactId?: string | undefined;
}

/** Asks the model for a structured intent; throws whatever the client throws. */
export async function classifyIntentWithLlm(call: LlmIntentCall): Promise<LlmIntent> {
  const response = await call.llm.complete({
    tenantId: call.tenantId,
    system: [{ text: INTENT_SYSTEM_PROMPT, cache: '1h' }],
    messages: formatConversation(call.text, call.history),
    schema: llmIntentSchema,
    schemaName: 'intent_decision',
    maxTokens: 200,
    temperature: 0,
    timeoutMs: call.timeoutMs,
    ...(call.model === undefined ? {} : { model: call.model }),
    ...(call.signal === undefined ? {} : { signal: call.signal }),
    metadata: { operation: 'intent.decode', ...(call.contactId === undefined ? {} : { contactId: call.contactId }) },
  });
  return llmIntentSchema.parse(response.parsed ?? JSON.parse(response.text));
}

/**
 * Combines the model's answer with the rules engine's: agreement raises the confidence (`1 − (1−a)(1−b)`, at most
 * 0.99); on disagreement a model answer below `lowConfidence` loses to a rules answer that is at least as confident
 * (the rules engine is the tie-breaker); otherwise the model wins, its confidence discounted by 10% when the rules
 * engine had a class of its own.
 */
export function combineIntent(rules: RulesIntentResult, answer: LlmIntent, lowConfidence: number): IntentResult {
  const model = { ...answer, confidence: answer.confidence ?? DEFAULT_MODEL_CONFIDENCE };
  const modelSignals = (model.signals ?? []).map((signal) => `llm:${signal}`);
  if (model.intent === rules.intent) {
    const confidence = Math.min(0.99, 1 - (1 - model.confidence) * (1 - rules.confidence));
    return { intent: model.intent, confidence: round(confidence), signals: ['llm', 'rules:agree', ...rules.signals, ...modelSignals] };
  }
  if (model.confidence < lowConfidence && rules.intent !== 'unknown' && rules.confidence >= model.confidence) {
    return { intent: rules.intent, confidence: rules.confidence, signals: ['tie-breaker:rules', `llm-low-confidence:${model.intent}`, ...rules.signals] };
  }
  const discount = rules.intent === 'unknown' ? 1 : 0.9;
  return {
    intent: model.intent,
    confidence: round(model.confidence * discount),
    signals: ['llm', `rules-disagreed:${rules.intent}`, ...modelSignals],
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
