import type { AreaMatcher } from '../market/area-matcher';
import { normalizeText } from '../market/normalize-text';
import { questionTopics, type HistoryMessage } from '../intent/question-context';
import { decodeNormalizedIntent, type Intent } from '../intent/rules-intent';
import { findAddresses } from './address';
import { clauseRoleAtChar, messageRole } from './clause-role';
import { findEmails, findPhones, type FoundSpan } from './contact-info';
import type { ExtractedFacts, FactConfidence } from './extracted-facts';
import { extractFinancing } from './financing';
import { extractMoney } from './money-facts';
import { LEAD_MOTIVATIONS, MOTIVATION_RULES } from './motivation-rules';
import { distinctValues, findPhraseHits } from './phrase-rules';
import { CONDITION_RULES, MUST_HAVE_RULES, PROPERTY_TYPE_RULES } from './property-rules';
import { extractRooms } from './rooms';
import { extractTimeline } from './timeline';
import { tokenize } from './tokenize';

/** Inputs of {@link extractFactsWithRules}. */
export interface RulesExtractionOptions {
  /** Earlier messages, oldest first; the bot's last question gives short answers their meaning. */
  history?: readonly HistoryMessage[] | undefined;
  /** Current time, epoch ms (timelines are relative to it). */
  now: number;
  /** IANA time zone for calendar phrases (`by August`). */
  timeZone: string;
  /** Matcher for the tenant market's areas. */
  areaMatcher: AreaMatcher;
  /** The message's intent when already decoded (saves decoding twice); decoded with the rules engine otherwise. */
  intent?: Intent | undefined;
}

/** Facts, per-field confidence, and the amounts and numbers seen (used to ground a model's answer). */
export interface RulesExtraction {
  /** Plain facts. */
  facts: ExtractedFacts;
  /** Confidence per extracted field. */
  confidence: FactConfidence;
  /** Every money amount in the message, USD (before role and context filtering). */
  amounts: number[];
  /** Every plain number written in the message. */
  numbers: number[];
}

/** Links are blanked before extraction: their digits and words are not facts the lead stated. */
const URL_PATTERN = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;

function blank(raw: string, spans: readonly FoundSpan<string>[]): string {
  let result = raw;
  for (const span of spans) result = `${result.slice(0, span.start)}${' '.repeat(span.end - span.start)}${result.slice(span.end)}`;
  return result;
}

/**
 * Extracts plain lead facts from one message with the deterministic rules engine (money, rooms, areas, timeline,
 * financing, property type and condition, must-haves, motivation, contact details and address), reading short
 * answers against the bot's last question.
 *
 * @example
 * ```ts
 * extractFactsWithRules('3/2 in round rok under 450k', { now: Date.now(), timeZone: 'America/Chicago', areaMatcher }).facts;
 * // { budgetMax: 450000, bedrooms: 3, bathrooms: 2, areas: ['Round Rock'] }
 * ```
 */
export function extractFactsWithRules(text: string, options: RulesExtractionOptions): RulesExtraction {
  const result = { facts: {} as ExtractedFacts, confidence: {} as FactConfidence };
  const set = <K extends keyof ExtractedFacts>(key: K, value: ExtractedFacts[K] | undefined, confidence: number): void => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
    result.facts[key] = value;
    result.confidence[key] = confidence;
  };
  const topics = questionTopics(options.history);
  const urls = [...text.matchAll(URL_PATTERN)].map((match) => ({
    value: match[0],
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
  const withoutUrls = blank(text, urls);
  const emails = findEmails(withoutUrls);
  const phones = findPhones(withoutUrls, emails);
  const addresses = findAddresses(blank(withoutUrls, [...emails, ...phones]));
  const raw = blank(withoutUrls, [...emails, ...phones, ...addresses]);
  const normalized = normalizeText(raw);
  const tokens = tokenize(normalized);
  const decoded =
    options.intent === undefined
      ? decodeNormalizedIntent(normalized, options.history, (value) => options.areaMatcher.matchNormalized(value))
      : undefined;
  // A lexical guess is too weak to mark a seller-only message or a home to sell.
  const intent = options.intent ?? (decoded?.signals.includes('fallback:lexical') === true ? 'unknown' : decoded?.intent);
  const roleOfTokens = messageRole(tokens);
  const sellerOnly = intent === 'seller' || (intent !== 'buyer' && intent !== 'both' && roleOfTokens === 'sell');

  const money = extractMoney(tokens, {
    question: topics.includes('price') ? 'sell' : topics.includes('budget') ? 'buy' : undefined,
    messageRole: sellerOnly ? 'sell' : intent === 'buyer' ? 'buy' : roleOfTokens,
  });
  for (const key of ['budgetMin', 'budgetMax', 'priceExpectation'] as const) {
    set(key, money.facts[key], money.confidence[key] ?? 0.7);
  }
  const roomQuestion = topics.includes('bedrooms') ? 'bedrooms' : topics.includes('bathrooms') ? 'bathrooms' : undefined;
  const rooms = extractRooms(tokens, roomQuestion);
  set('bedrooms', rooms.bedrooms, 0.9);
  set('bathrooms', rooms.bathrooms, 0.9);
  set('areas', options.areaMatcher.matchNormalized(normalized), 0.9);
  const timeline = extractTimeline(normalized, {
    now: options.now,
    timeZone: options.timeZone,
    answersQuestion: topics.includes('timeline'),
  });
  set('timelineMonths', timeline, 0.8);

  const financeQuestion = topics.includes('preApproval') ? 'preApproval' : topics.includes('financing') ? 'financing' : undefined;
  const financing = extractFinancing(normalized, raw, { question: financeQuestion, sellerOnly });
  set('preApproved', financing.facts.preApproved, financing.preQualifiedOnly ? 0.6 : 0.9);
  set('cashBuyer', financing.facts.cashBuyer, financing.facts.cashBuyer === true ? 0.9 : 0.7);
  set('lender', financing.facts.lender, 0.7);

  const typeHits = findPhraseHits(normalized, PROPERTY_TYPE_RULES);
  const buyType = typeHits.find((hit) => clauseRoleAtChar(normalized, hit.index, tokenize) === 'buy');
  const firstByPriority = PROPERTY_TYPE_RULES.map((rule) => typeHits.find((hit) => hit.value === rule.value)).find(
    (hit) => hit !== undefined,
  );
  const sellOnlyType = intent === 'both' && buyType === undefined;
  set('propertyType', sellOnlyType ? undefined : (buyType ?? firstByPriority)?.value, 0.85);
  const conditions = distinctValues(findPhraseHits(normalized, CONDITION_RULES));
  const condition = CONDITION_RULES.map((rule) => rule.value).find((value) => conditions.includes(value));
  set('propertyCondition', condition ?? conditionAnswer(normalized, topics.includes('condition')), 0.75);
  if (!sellerOnly) set('mustHaves', distinctValues(findPhraseHits(normalized, MUST_HAVE_RULES)), 0.8);
  const motivations = distinctValues(findPhraseHits(normalized, MOTIVATION_RULES));
  set('motivation', LEAD_MOTIVATIONS.find((value) => motivations.includes(value)), 0.7);
  if (intent === 'both') set('hasHomeToSell', true, 0.75);

  set('phone', phones[0]?.value, 0.99);
  set('email', emails[0]?.value, 0.99);
  set('propertyAddress', addresses[0]?.value, 0.9);
  const numbers = tokens.flatMap((token) => {
    const value = Number(token.text.replace(/[$,]/g, ''));
    return token.kind === 'number' && Number.isFinite(value) ? [value] : [];
  });
  return { ...result, amounts: money.amounts, numbers };
}

function conditionAnswer(normalized: string, answersQuestion: boolean): 'move_in_ready' | 'needs_work' | undefined {
  if (!answersQuestion) return undefined;
  if (/\b(rough|bad|poor|needs|dated|old|repairs?)\b/.test(normalized)) return 'needs_work';
  if (/\b(good|great|excellent|fine|decent|solid|perfect|new|nice)\b/.test(normalized)) return 'move_in_ready';
  return undefined;
}
