import type { ConversationState, LeadFacts } from '@enterprisehub/core';
import type { TemplateKey } from '../templates/default-templates';
import type { BotTurnPlan } from './bot-engine';

/** One qualification question: its template, when it counts as answered, and how often it may be asked. */
export interface QuestionSpec {
  /** Template (and question key) asked. */
  key: TemplateKey;
  /** Whether the conversation already answers it (then it is never asked again). */
  answered: (state: ConversationState) => boolean;
  /** Times it may be asked without an answer before the bot moves on; default 2. */
  maxAsks?: number;
}

/** The plain value of a stored fact. */
export function factValue<K extends keyof LeadFacts>(
  facts: LeadFacts,
  name: K,
): NonNullable<LeadFacts[K]>['value'] | undefined {
  return facts[name]?.value;
}

/** Whether a fact is known (lists must be non-empty). */
export function hasFact(facts: LeadFacts, name: keyof LeadFacts): boolean {
  const value: unknown = facts[name]?.value;
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/** Times `key` has been asked in this conversation. */
export function timesAsked(state: ConversationState, key: string): number {
  const count = state.attributes[`asked.${key}`];
  return typeof count === 'number' ? count : 0;
}

/**
 * The first question that is neither answered nor asked `maxAsks` times: one question at a time, never one
 * already answered.
 */
export function nextQuestion(
  specs: readonly QuestionSpec[],
  state: ConversationState,
): QuestionSpec | undefined {
  return specs.find(
    (spec) => !spec.answered(state) && timesAsked(state, spec.key) < (spec.maxAsks ?? 2),
  );
}

/** Records in `plan` that `key` is asked on this turn (ask count and last question). */
export function markAsked(plan: BotTurnPlan, state: ConversationState, key: TemplateKey): void {
  plan.nextQuestion = key;
  plan.attributes[`asked.${key}`] = timesAsked(state, key) + 1;
  plan.attributes['lastQuestion'] = key;
}

const known = (name: keyof LeadFacts) => (state: ConversationState) => hasFact(state.facts, name);

/** Shared question: the move timeline. */
export const TIMELINE_QUESTION: QuestionSpec = {
  key: 'ask.timeline',
  answered: known('timelineMonths'),
};

/** The buyer's qualification questions, in asking order. */
export const BUYER_QUESTIONS: readonly QuestionSpec[] = [
  {
    key: 'ask.budget',
    answered: (state) => hasFact(state.facts, 'budgetMax') || hasFact(state.facts, 'budgetMin'),
  },
  {
    key: 'ask.financing',
    answered: (state) => hasFact(state.facts, 'preApproved') || hasFact(state.facts, 'cashBuyer'),
  },
  { key: 'ask.areas', answered: known('areas') },
  { key: 'ask.bedrooms', answered: known('bedrooms') },
  { key: 'ask.must_haves', answered: known('mustHaves'), maxAsks: 1 },
  TIMELINE_QUESTION,
];

/** The seller's qualification questions, in asking order. */
export const SELLER_QUESTIONS: readonly QuestionSpec[] = [
  { key: 'ask.address', answered: known('propertyAddress') },
  { key: 'ask.property_area', answered: known('areas'), maxAsks: 1 },
  {
    key: 'ask.size',
    answered: (state) =>
      hasFact(state.facts, 'bedrooms') && typeof state.attributes['subjectSqft'] === 'number',
    maxAsks: 1,
  },
  { key: 'ask.condition', answered: known('propertyCondition') },
  TIMELINE_QUESTION,
  { key: 'ask.motivation', answered: known('motivation'), maxAsks: 1 },
  { key: 'ask.price', answered: known('priceExpectation'), maxAsks: 1 },
];
