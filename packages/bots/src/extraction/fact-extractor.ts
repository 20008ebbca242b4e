import { systemClock, toEnterpriseHubError, type Clock, type LlmClient, type Market } from '@enterprisehub/core';
import type { HistoryMessage } from '../intent/question-context';
import type { Intent } from '../intent/rules-intent';
import { createAreaMatcher } from '../market/area-matcher';
import { defaultMarket } from '../market/default-market';
import type { ExtractedFactName, ExtractedFacts, FactConfidence } from './extracted-facts';
import { extractFactsWithLlm } from './llm-facts';
import { reconcileFacts } from './reconcile-facts';
import { extractFactsWithRules } from './rules-extractor';

/** Options of {@link createFactExtractor}. */
export interface FactExtractorOptions {
  /** Market whose area names and aliases are recognised. @defaultValue the demo Austin market */
  market?: Market;
  /** Time source; timelines (`by August`) count months from `clock.now()`. @defaultValue `systemClock` */
  clock?: Clock;
  /** Model to extract with; the rules engine fills gaps, catches model errors and answers alone on failure. */
  llm?: LlmClient;
  /**
   * IANA time zone in which calendar phrases ("by August", "end of the year") are read; pass the tenant's
   * `timeZone` in production. @defaultValue `'UTC'` (so a clock set to midnight UTC on the 1st is in that month)
   */
  timeZone?: string;
  /** Tenant billed for model calls when a call does not name one. @defaultValue `'default'` */
  tenantId?: string;
  /** Model id passed to the client. @defaultValue the client's default */
  model?: string;
  /** Deadline per model call, ms. @defaultValue 6000 */
  timeoutMs?: number;
}

/** Per-call options of {@link FactExtractor.extract}. */
export interface ExtractOptions {
  /** Earlier messages, oldest first (core `Message`s fit); the bot's last question gives "3" or "600" its meaning. */
  history?: readonly HistoryMessage[];
  /** Tenant billed for the model call. */
  tenantId?: string;
  /** Contact id for tracing the model call (no PII). */
  contactId?: string;
  /** Aborts the model call; an aborted call rejects instead of falling back. */
  signal?: AbortSignal;
  /** The message's intent from the decoder, if already known (the extractor then skips its own rules decode). */
  intent?: Intent;
}

/** Facts with per-field confidence and how they were produced. */
export interface ExtractionResult {
  /** Plain facts. */
  facts: ExtractedFacts;
  /** Confidence per extracted field, 0–1. */
  confidence: FactConfidence;
  /** `rules` (no model), `llm` (model, reconciled with rules) or `rules_fallback` (the model call failed). */
  mode: 'rules' | 'llm' | 'rules_fallback';
  /** Fields whose model value was dropped as ungrounded (field names only). */
  rejectedModelFields: ExtractedFactName[];
  /** Error code of a failed model call, for `rules_fallback`. */
  errorCode?: string;
}

/** Extracts lead facts from one message. */
export interface FactExtractor {
  /** The plain facts stated in `text`: USD numbers, counts, canonical areas, months, booleans, enums, E.164, lower-case email. */
  extract(text: string, options?: ExtractOptions): Promise<ExtractedFacts>;
  /** Like {@link FactExtractor.extract}, with per-field confidence and mode, ready for `mergeFacts`. */
  extractWithProvenance(text: string, options?: ExtractOptions): Promise<ExtractionResult>;
}

/**
 * Creates a fact extractor. Without `llm` the rules engine extracts everything; with `llm` the model extracts through
 * a zod schema, and its answer is reconciled with the rules engine's (ungrounded values dropped, deterministic fields
 * checked, gaps filled); any model failure falls back to the rules answer.
 *
 * @example
 * ```ts
 * const extractor = createFactExtractor({ clock });
 * await extractor.extract('pre-approved for $550k, 3/2 in round rok by August');
 * // { budgetMax: 550000, preApproved: true, bedrooms: 3, bathrooms: 2, areas: ['Round Rock'], timelineMonths: … }
 * ```
 */
export function createFactExtractor(options: FactExtractorOptions = {}): FactExtractor {
  const market = options.market ?? defaultMarket();
  const matcher = createAreaMatcher(market);
  const clock = options.clock ?? systemClock;
  const timeZone = options.timeZone ?? 'UTC';
  const areaNames = market.areas.map((area) => area.name);

  const extractWithProvenance = async (text: string, call: ExtractOptions = {}): Promise<ExtractionResult> => {
    const now = clock.now();
    const rules = extractFactsWithRules(text, { history: call.history, now, timeZone, areaMatcher: matcher, intent: call.intent });
    const { llm } = options;
    if (llm === undefined) return { facts: rules.facts, confidence: rules.confidence, mode: 'rules', rejectedModelFields: [] };
    try {
      const model = await extractFactsWithLlm({
        llm,
        tenantId: call.tenantId ?? options.tenantId ?? 'default',
        text,
        history: call.history,
        areaNames,
        today: new Date(now).toISOString().slice(0, 10),
        model: options.model,
        timeoutMs: options.timeoutMs ?? 6000,
        signal: call.signal,
        contactId: call.contactId,
      });
      const reconciled = reconcileFacts({ rules, model, text, matcher });
      return { facts: reconciled.facts, confidence: reconciled.confidence, mode: 'llm', rejectedModelFields: reconciled.rejected };
    } catch (error) {
      if (call.signal?.aborted === true) throw toEnterpriseHubError(error);
      return {
        facts: rules.facts,
        confidence: rules.confidence,
        mode: 'rules_fallback',
        rejectedModelFields: [],
        errorCode: toEnterpriseHubError(error).code,
      };
    }
  };

  return {
    async extract(text: string, call?: ExtractOptions): Promise<ExtractedFacts> {
      return (await extractWithProvenance(text, call)).facts;
    },
    extractWithProvenance,
  };
}
