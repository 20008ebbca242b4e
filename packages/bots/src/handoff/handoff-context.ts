import type { BotName, LeadScore } from '@enterprisehub/core';
import type { LeadScoreResult } from '../scoring/score-lead';
import { plainFactValue, type ScoringFacts, type ScoringFactValue } from '../scoring/score-lead';

/** Facts a handoff carries: plain extractor values or core `LeadFacts` with provenance. */
export type HandoffFacts = ScoringFacts & {
  readonly mustHaves?: ScoringFactValue<readonly string[]> | undefined;
  readonly propertyType?: ScoringFactValue<string> | undefined;
  readonly bathrooms?: ScoringFactValue<number> | undefined;
};

/** Fact names each bot needs before it can act (the next bot asks only for the missing ones). */
export const BOT_KEY_FACTS: Readonly<Record<BotName, readonly (keyof HandoffFacts)[]>> = {
  lead: ['timelineMonths', 'budgetMax', 'areas'],
  buyer: ['budgetMax', 'preApproved', 'areas', 'bedrooms', 'timelineMonths', 'mustHaves'],
  seller: [
    'propertyAddress',
    'propertyCondition',
    'timelineMonths',
    'motivation',
    'priceExpectation',
  ],
};

/** Input of {@link buildHandoffContext}. */
export interface HandoffContextInput<F extends HandoffFacts> {
  /** Bot the contact leaves. */
  from: BotName;
  /** Bot the contact moves to. */
  to: BotName;
  /** Everything learned so far (passed through unchanged, provenance included). */
  facts: F;
  /** Latest score, either shape. */
  score?: LeadScoreResult | LeadScore;
  /** Intent confidence behind the handoff. */
  confidence?: number;
}

/** What the next bot receives so it never re-asks: facts, score, what is known and missing, a short summary. */
export interface HandoffContext<F extends HandoffFacts = HandoffFacts> {
  /** Bot the contact left. */
  from: BotName;
  /** Bot now in charge. */
  to: BotName;
  /** The facts, unchanged. */
  facts: F;
  /** Score and temperature, when scored. */
  score?: { value: number; temperature: LeadScore['temperature'] };
  /** Fact names already answered (never ask these again). */
  answered: (keyof HandoffFacts)[];
  /** Key facts the new bot still needs, in the order it should ask. */
  missing: (keyof HandoffFacts)[];
  /** One-paragraph summary without PII (no address, phone or e-mail). */
  summary: string;
}

const usd = (amount: number): string =>
  amount >= 1_000_000
    ? `$${(amount / 1_000_000).toFixed(amount % 1_000_000 === 0 ? 0 : 1)}M`
    : `$${Math.round(amount / 1000)}k`;

const months = (value: number): string =>
  value <= 1
    ? 'within a month'
    : value >= 12 && value % 12 === 0
      ? `in ${value / 12} year${value === 12 ? '' : 's'}`
      : `in about ${value} months`;

function describeFacts(facts: HandoffFacts): string[] {
  const parts: string[] = [];
  const budgetMin = plainFactValue(facts.budgetMin);
  const budgetMax = plainFactValue(facts.budgetMax);
  if (budgetMin !== undefined && budgetMax !== undefined)
    parts.push(`budget ${usd(budgetMin)}–${usd(budgetMax)}`);
  else if (budgetMax !== undefined) parts.push(`budget up to ${usd(budgetMax)}`);
  else if (budgetMin !== undefined) parts.push(`budget from ${usd(budgetMin)}`);
  if (plainFactValue(facts.cashBuyer) === true) parts.push('cash buyer');
  else if (plainFactValue(facts.preApproved) === true) parts.push('pre-approved');
  else if (plainFactValue(facts.preApproved) === false) parts.push('not yet pre-approved');
  const areas = plainFactValue(facts.areas);
  if (areas && areas.length > 0) parts.push(`areas: ${areas.join(', ')}`);
  const bedrooms = plainFactValue(facts.bedrooms);
  if (bedrooms !== undefined) parts.push(`${bedrooms}+ bedrooms`);
  const mustHaves = plainFactValue(facts.mustHaves);
  if (mustHaves && mustHaves.length > 0) parts.push(`must-haves: ${mustHaves.join(', ')}`);
  if (plainFactValue(facts.hasHomeToSell) === true) parts.push('has a home to sell');
  if (plainFactValue(facts.propertyAddress) !== undefined) parts.push('property address on file');
  const condition = plainFactValue(facts.propertyCondition);
  if (condition !== undefined) parts.push(`condition: ${condition.replace(/_/g, ' ')}`);
  const price = plainFactValue(facts.priceExpectation);
  if (price !== undefined) parts.push(`hopes for ${usd(price)}`);
  const timeline = plainFactValue(facts.timelineMonths);
  if (timeline !== undefined) parts.push(`moving ${months(timeline)}`);
  const motivation = plainFactValue(facts.motivation);
  if (motivation !== undefined) parts.push(`motivation: ${motivation.replace(/_/g, ' ')}`);
  return parts;
}

function isKnown(facts: HandoffFacts, name: keyof HandoffFacts): boolean {
  const value: unknown = plainFactValue(facts[name]);
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/**
 * Builds the context that travels with a handoff: the facts (unchanged), the score, which facts are answered and
 * which the new bot still needs, and a short PII-free summary for the new bot's prompt and the CRM note.
 *
 * @example
 * ```ts
 * const context = buildHandoffContext({ from: 'lead', to: 'buyer', facts: state.facts, score: state.score });
 * context.summary; // 'Handed from the lead bot to the buyer bot. Known: budget up to $600k, pre-approved, … Score 8/10 (hot). Still to ask: bedrooms, mustHaves.'
 * ```
 */
export function buildHandoffContext<F extends HandoffFacts>(
  input: HandoffContextInput<F>,
): HandoffContext<F> {
  const { facts, from, to } = input;
  const allNames = new Set<keyof HandoffFacts>([
    ...BOT_KEY_FACTS.lead,
    ...BOT_KEY_FACTS.buyer,
    ...BOT_KEY_FACTS.seller,
    'budgetMin',
    'cashBuyer',
    'hasHomeToSell',
  ]);
  const answered = [...allNames].filter((name) => isKnown(facts, name));
  const missing = BOT_KEY_FACTS[to].filter((name) => {
    if (name === 'preApproved')
      return !isKnown(facts, 'preApproved') && plainFactValue(facts.cashBuyer) !== true;
    if (name === 'budgetMax') return !isKnown(facts, 'budgetMax') && !isKnown(facts, 'budgetMin');
    return !isKnown(facts, name);
  });
  const score = input.score
    ? {
        value: 'score' in input.score ? input.score.score : input.score.value,
        temperature: input.score.temperature,
      }
    : undefined;
  const described = describeFacts(facts);
  const sentences = [
    `Handed from the ${from} bot to the ${to} bot${input.confidence !== undefined ? ` (intent confidence ${input.confidence.toFixed(2)})` : ''}.`,
    described.length > 0 ? `Known: ${described.join(', ')}.` : 'Nothing qualified yet.',
    score ? `Score ${score.value}/10 (${score.temperature}).` : undefined,
    missing.length > 0 ? `Still to ask: ${missing.join(', ')}.` : 'All key facts known.',
  ].filter((sentence): sentence is string => sentence !== undefined);
  return {
    from,
    to,
    facts,
    ...(score ? { score } : {}),
    answered,
    missing,
    summary: sentences.join(' '),
  };
}
