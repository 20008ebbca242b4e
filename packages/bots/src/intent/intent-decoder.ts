import { toEnterpriseHubError, type LlmClient, type Market } from '@enterprisehub/core';
import { createAreaMatcher } from '../market/area-matcher';
import { defaultMarket } from '../market/default-market';
import { classifyIntentWithLlm, combineIntent } from './llm-intent';
import type { HistoryMessage } from './question-context';
import { decodeIntentWithRules, type IntentResult } from './rules-intent';

/** Options of {@link createIntentDecoder}. */
export interface IntentDecoderOptions {
  /** Market whose areas count as "moving here" (`relocating to round rock` → buyer). @defaultValue the demo Austin market */
  market?: Market;
  /** Model to classify with; without it (or when it fails) the rules engine decides alone. */
  llm?: LlmClient;
  /** Tenant billed for model calls when `decode` is not given one. @defaultValue `'default'` */
  tenantId?: string;
  /** Model id passed to the client. @defaultValue the client's default */
  model?: string;
  /** Deadline per model call, ms. @defaultValue 4000 */
  timeoutMs?: number;
  /** Below this model confidence the rules engine breaks a disagreement. @defaultValue 0.6 */
  lowConfidence?: number;
}

/** Per-call options of {@link IntentDecoder.decode}. */
export interface DecodeOptions {
  /** Earlier messages, oldest first (core `Message`s fit); the last bot question gives "yes" or "3" its meaning. */
  history?: readonly HistoryMessage[];
  /** Tenant billed for the model call. */
  tenantId?: string;
  /** Contact id for tracing the model call (no PII). */
  contactId?: string;
  /** Aborts the model call; an aborted call rejects instead of falling back. */
  signal?: AbortSignal;
}

/** Decodes what a lead wants from one message. */
export interface IntentDecoder {
  /** Classifies `text` as buyer, seller, both, browsing or unknown, with a calibrated confidence and the evidence. */
  decode(text: string, options?: DecodeOptions): Promise<IntentResult>;
}

/**
 * Creates an intent decoder. Without `llm` the deterministic rules engine classifies every message; with `llm` the
 * model classifies through a structured zod schema, the rules engine breaks low-confidence disagreements, and any
 * model failure (timeout, rate limit, bad output, spent budget) falls back to the rules answer, so `decode` never
 * fails because of the model.
 *
 * @example
 * ```ts
 * const decoder = createIntentDecoder();
 * await decoder.decode("what's my house worth?"); // { intent: 'seller', confidence: 0.95, signals: [...] }
 * await decoder.decode('yes', { history: [{ direction: 'outbound', body: 'Are you looking to buy?' }] }); // buyer
 * ```
 */
export function createIntentDecoder(options: IntentDecoderOptions = {}): IntentDecoder {
  const matcher = createAreaMatcher(options.market ?? defaultMarket());
  const lowConfidence = options.lowConfidence ?? 0.6;
  return {
    async decode(text: string, decodeOptions: DecodeOptions = {}): Promise<IntentResult> {
      const rules = decodeIntentWithRules(text, decodeOptions.history, (value) => matcher.matchNormalized(value));
      const { llm } = options;
      const plain = (): IntentResult => ({ intent: rules.intent, confidence: rules.confidence, signals: rules.signals });
      if (llm === undefined) return plain();
      try {
        const model = await classifyIntentWithLlm({
          llm,
          tenantId: decodeOptions.tenantId ?? options.tenantId ?? 'default',
          text,
          history: decodeOptions.history,
          model: options.model,
          timeoutMs: options.timeoutMs ?? 4000,
          signal: decodeOptions.signal,
          contactId: decodeOptions.contactId,
        });
        return combineIntent(rules, model, lowConfidence);
      } catch (error) {
        if (decodeOptions.signal?.aborted === true) throw toEnterpriseHubError(error);
        const code = toEnterpriseHubError(error).code;
        return { ...plain(), signals: ['fallback:rules', `llm-error:${code}`, ...rules.signals] };
      }
    },
  };
}
