import type { AreaMatcher } from '../market/area-matcher';
import { scaleBareNumber } from './money-amounts';
import { numberWord } from './tokenize';
import { EXTRACTED_FACT_NAMES, type ExtractedFactName, type ExtractedFacts, type FactConfidence } from './extracted-facts';
import type { LlmFacts } from './llm-facts';
import type { RulesExtraction } from './rules-extractor';

/** Fields computed deterministically: on disagreement the rules value wins (the model misread or miscounted). */
const DETERMINISTIC = new Set<ExtractedFactName>([
  'budgetMin', 'budgetMax', 'priceExpectation', 'bedrooms', 'bathrooms', 'timelineMonths', 'phone', 'email',
]);
const MONEY = new Set<ExtractedFactName>(['budgetMin', 'budgetMax', 'priceExpectation']);

/** Merged facts plus the fields where the model's value was rejected (no PII, field names only). */
export interface Reconciled {
  facts: ExtractedFacts;
  confidence: FactConfidence;
  rejected: ExtractedFactName[];
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, Math.abs(b) * 0.01);
}

function isGrounded(field: ExtractedFactName, value: unknown, evidence: { rules: RulesExtraction; text: string }): boolean {
  const { rules } = evidence;
  const lower = evidence.text.toLowerCase();
  if (MONEY.has(field) && typeof value === 'number') {
    const candidates = [...rules.amounts, ...rules.numbers.flatMap((n) => [n, scaleBareNumber(n) ?? n, n * 1e3, n * 1e6])];
    return candidates.some((candidate) => near(candidate, value));
  }
  if ((field === 'bedrooms' || field === 'bathrooms') && typeof value === 'number') {
    const words = lower.split(/[^a-z]+/).filter((word) => !['a', 'an', 'single', 'couple', 'few', 'several'].includes(word));
    return rules.numbers.includes(value) || rules.facts[field] === value || words.some((word) => numberWord(word) === value);
  }
  if (field === 'phone' && typeof value === 'string') {
    const digits = (phone: string): string => phone.replace(/\D/g, '').slice(-10);
    return rules.facts.phone !== undefined && digits(value) === digits(rules.facts.phone);
  }
  if ((field === 'email' || field === 'propertyAddress' || field === 'lender') && typeof value === 'string') {
    return lower.includes(value.toLowerCase().trim());
  }
  return true;
}

function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item) => b.includes(item));
  return a === b;
}

/**
 * Reconciles the model's extraction with the rules engine's: model values must be grounded in the text (amounts and
 * counts that appear in it, areas of the market, contact details written in it) or they are dropped; agreement raises
 * confidence; on disagreement the rules engine wins deterministic fields (money, rooms, timeline, contact details)
 * and the model wins interpretive ones (motivation, condition, type, financing, must-haves — lists are merged); rules
 * fill every field the model left empty.
 *
 * @internal
 */
export function reconcileFacts(input: {
  rules: RulesExtraction;
  model: LlmFacts;
  text: string;
  matcher: AreaMatcher;
}): Reconciled {
  const { rules, model, text, matcher } = input;
  const facts: Record<string, unknown> = {};
  const confidence: FactConfidence = {};
  const rejected: ExtractedFactName[] = [];
  for (const field of EXTRACTED_FACT_NAMES) {
    const ruleValue: unknown = rules.facts[field];
    const ruleConfidence = rules.confidence[field] ?? 0.7;
    let modelValue: unknown = model[field] ?? undefined;
    if (field === 'areas' && Array.isArray(modelValue)) {
      const resolved = modelValue.flatMap((name: unknown) => (typeof name === 'string' ? [matcher.resolve(name)] : []));
      const areas = [...new Set(resolved.filter((name): name is string => name !== undefined))];
      if (areas.length === 0 && modelValue.length > 0) rejected.push(field);
      modelValue = areas.length > 0 ? areas : undefined;
    }
    if (Array.isArray(modelValue) && modelValue.length === 0) modelValue = undefined;
    if (modelValue !== undefined && !isGrounded(field, modelValue, { rules, text })) {
      rejected.push(field);
      modelValue = undefined;
    }
    if (modelValue === undefined && ruleValue === undefined) continue;
    if (modelValue === undefined) {
      facts[field] = ruleValue;
      confidence[field] = ruleConfidence;
    } else if (ruleValue === undefined) {
      facts[field] = modelValue;
      confidence[field] = 0.8;
    } else if (equal(modelValue, ruleValue)) {
      facts[field] = ruleValue;
      confidence[field] = Math.max(ruleConfidence, 0.95);
    } else if (Array.isArray(modelValue) && Array.isArray(ruleValue)) {
      facts[field] = [...new Set([...(ruleValue as unknown[]), ...(modelValue as unknown[])])];
      confidence[field] = 0.8;
    } else if (DETERMINISTIC.has(field)) {
      facts[field] = ruleValue;
      confidence[field] = Math.round(ruleConfidence * 0.9 * 1000) / 1000;
    } else {
      facts[field] = modelValue;
      confidence[field] = 0.75;
    }
  }
  return { facts, confidence, rejected };
}
