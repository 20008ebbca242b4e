import type { Fact, LeadFacts } from '@enterprisehub/core';
import { EXTRACTED_FACT_NAMES, type ExtractedFactName, type ExtractedFacts, type FactConfidence } from './extracted-facts';

/** Provenance of one merge: the message the facts came from and how sure the extraction was. */
export interface MergeFactsOptions {
  /** Id of the message the facts were extracted from. */
  sourceMessageId?: string;
  /** Confidence for every field, or per field (missing fields get 0.7). */
  confidence: number | FactConfidence;
  /** When the facts were extracted, epoch ms (timelines are relative to it). */
  extractedAt?: number;
  /**
   * A new value replaces a stored one unless it is weaker by more than this margin (a shaky guess never overwrites a
   * firm answer). @defaultValue 0.25
   */
  overrideMargin?: number;
}

const LIST_FIELDS = new Set<ExtractedFactName>(['areas', 'mustHaves']);

function confidenceFor(options: MergeFactsOptions, field: ExtractedFactName): number {
  return typeof options.confidence === 'number' ? options.confidence : (options.confidence[field] ?? 0.7);
}

/**
 * Merges one message's extracted facts into a conversation's provenance-tagged facts, without mutating either:
 * fields the message did not mention are kept (an unrelated message never erases an answer); a new value replaces the
 * stored one (a later "actually 700k" updates `budgetMax`) unless it is much less confident; lists (`areas`,
 * `mustHaves`) accumulate; a new `budgetMax` below the stored `budgetMin` (or a new minimum above the stored maximum)
 * drops the contradicted bound.
 *
 * @example
 * ```ts
 * let facts = mergeFacts({}, { budgetMax: 600000 }, { sourceMessageId: 'm1', confidence: 0.95 });
 * facts = mergeFacts(facts, { budgetMax: 700000 }, { sourceMessageId: 'm2', confidence: 0.9 });
 * facts.budgetMax; // { value: 700000, sourceMessageId: 'm2', confidence: 0.9 }
 * ```
 */
export function mergeFacts(existing: LeadFacts, extracted: ExtractedFacts, options: MergeFactsOptions): LeadFacts {
  const merged: Record<string, Fact<unknown> | undefined> = { ...existing };
  const margin = options.overrideMargin ?? 0.25;
  for (const field of EXTRACTED_FACT_NAMES) {
    const value: unknown = extracted[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const confidence = Math.min(1, Math.max(0, confidenceFor(options, field)));
    const previous = merged[field];
    if (previous !== undefined && confidence + margin < previous.confidence && !LIST_FIELDS.has(field)) continue;
    const combined =
      LIST_FIELDS.has(field) && previous !== undefined && Array.isArray(previous.value) && Array.isArray(value)
        ? [...new Set([...(previous.value as unknown[]), ...(value as unknown[])])]
        : value;
    merged[field] = {
      value: combined,
      confidence,
      ...(options.sourceMessageId === undefined ? {} : { sourceMessageId: options.sourceMessageId }),
      ...(options.extractedAt === undefined ? {} : { extractedAt: options.extractedAt }),
    };
  }
  const min = merged['budgetMin'];
  const max = merged['budgetMax'];
  if (min !== undefined && max !== undefined && typeof min.value === 'number' && typeof max.value === 'number' && min.value > max.value) {
    if (extracted.budgetMax !== undefined && extracted.budgetMin === undefined) delete merged['budgetMin'];
    else if (extracted.budgetMin !== undefined && extracted.budgetMax === undefined) delete merged['budgetMax'];
  }
  return merged;
}
