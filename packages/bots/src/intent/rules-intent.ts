import { normalizeText } from '../market/normalize-text';
import { isNegatedAt } from '../extraction/phrase-rules';
import { calibrateConfidence } from './calibration';
import { INTENT_SIGNALS, type SignalTarget } from './intent-signals';
import { guessIntentLexically, LEXICAL_MIN_PROBABILITY } from './lexical-fallback';
import { questionTopics, type HistoryMessage } from './question-context';

/** What a lead wants: to buy, to sell, both, just browsing, or no signal at all. */
export type Intent = 'buyer' | 'seller' | 'both' | 'browsing' | 'unknown';

/** Every {@link Intent}. */
export const INTENTS: readonly Intent[] = ['buyer', 'seller', 'both', 'browsing', 'unknown'];

/** The decoded intent of one message. */
export interface IntentResult {
  /** Most likely intent. */
  intent: Intent;
  /** Calibrated probability that `intent` is right, 0–1. */
  confidence: number;
  /** Ids of the evidence used (`buyer:buy-verb`, `negated:seller:sell-verb`, `history:yes-to-buy`, `llm`, …). */
  signals: string[];
}

/** Rules-engine result with the raw class scores (for tie-breaking and diagnostics). */
export interface RulesIntentResult extends IntentResult {
  /** Summed signal weights per class (`both` only when a sell-and-buy plan is plausible). */
  scores: Record<Exclude<Intent, 'unknown'>, number>;
  /** Score gap between the winner and the runner-up (the unknown floor counts as a runner-up). */
  margin: number;
}

/**
 * A lexical guess is capped below the handoff threshold (0.7): it may route a first contact, never move a lead
 * between bots on its own.
 */
const LEXICAL_MAX_CONFIDENCE = 0.65;
/** Classes a lexical guess may produce: `both` needs explicit sell-and-buy evidence, `unknown` is the default. */
const LEXICAL_INTENTS: readonly Intent[] = ['buyer', 'seller', 'browsing'];

/** Below this score a message carries no usable intent (`ok`, `👍`, `call me`). */
export const UNKNOWN_FLOOR = 2;
const NEGATED_TO_BROWSING = 2.5;
const MOVING_TO = /\b(moving|relocating|relocate|move|coming) (back )?to ([a-z ]{3,30})/;
const YES = /^(yes|yep|yeah|yup|ya|yea|yess+|sure|ok|okay|definitely|absolutely|of course|correct|i am|we are|that'?s right|y|yes please|please do|for sure|totally|100)\b/;
const NO = /^(no|nope|nah|not really|negative|n)\b/;
/** Accepting an offered showing or call: a time, a day, "works", "sounds good". */
const ACCEPT = /\b(works|sounds good|perfect|let'?s do it|i'?m in|send (them|it)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|this weekend)\b|\bat \d/;

function scoreSignals(normalized: string, signals: string[], weak: Record<SignalTarget, number>): Record<SignalTarget, number> {
  const scores: Record<SignalTarget, number> = { buyer: 0, seller: 0, browsing: 0, both: 0 };
  let masked = normalized;
  for (const signal of INTENT_SIGNALS) {
    signal.pattern.lastIndex = 0;
    if (!signal.pattern.test(masked)) continue;
    signal.pattern.lastIndex = 0;
    const spans: (readonly [number, number])[] = [];
    for (const match of masked.matchAll(signal.pattern)) {
      const index = match.index ?? 0;
      if (signal.negatable === true && isNegatedAt(normalized, index)) {
        scores[signal.target] -= signal.weight;
        scores.browsing += NEGATED_TO_BROWSING;
        signals.push(`negated:${signal.id}`);
      } else if (signal.once !== true || !signals.includes(signal.id)) {
        scores[signal.target] += signal.weight;
        if (signal.weak === true) weak[signal.target] += signal.weight;
        if (!signals.includes(signal.id)) signals.push(signal.id);
      }
      if (signal.transparent !== true) spans.push([index, index + match[0].length]);
    }
    for (const [from, to] of spans) masked = `${masked.slice(0, from)}${' '.repeat(to - from)}${masked.slice(to)}`;
  }
  return scores;
}

function scoreHistory(
  normalized: string,
  history: readonly HistoryMessage[] | undefined,
  tally: { scores: Record<SignalTarget, number>; signals: string[] },
): void {
  const { scores, signals } = tally;
  const topics = questionTopics(history);
  if (topics.length === 0) return;
  const answer = normalized.replace(/^(um+|uh+|well|oh|hi|hey)\b[ ,]*/, '');
  const asked = /\?/.test([...(history ?? [])].reverse().find((message) => message.direction === 'outbound')?.body ?? '');
  const yes = asked && (YES.test(answer) || (ACCEPT.test(answer) && !NO.test(answer)));
  const hasNumber = /\d/.test(answer);
  if (yes && topics.includes('buy')) {
    scores.buyer += 4;
    signals.push('history:yes-to-buy');
  }
  if (yes && (topics.includes('sell') || topics.includes('price')) && !topics.includes('buy')) {
    scores.seller += 4;
    signals.push('history:yes-to-sell');
  }
  if (hasNumber && topics.includes('price')) {
    scores.seller += 3;
    signals.push('history:price-answer');
  }
  if (hasNumber && topics.includes('budget')) {
    scores.buyer += 3;
    signals.push('history:budget-answer');
  }
  if (NO.test(answer) && (topics.includes('buy') || topics.includes('sell'))) signals.push('history:no');
}

/**
 * Decodes intent with the deterministic rules engine: weighted signals over the normalised text (most specific
 * first, each hit masking its words), negations turned into not-ready-yet votes, and short answers read against the
 * bot's last question; with `matchAreas`, "moving to <market area>" counts as buying here. `both` wins when a sell-and-buy plan is evident; `unknown` when no class reaches
 * {@link UNKNOWN_FLOOR} — unless the lexical fallback (naive Bayes trained on the corpus tune split) recognises
 * at least three content words with posterior ≥ 0.6, in which case its guess is returned with confidence ≤ 0.65
 * and the signal `fallback:lexical`. The confidence is the score margin passed through {@link calibrateConfidence}.
 *
 * @example
 * ```ts
 * decodeIntentWithRules('whats my house worth').intent; // 'seller'
 * ```
 */
export function decodeIntentWithRules(
  text: string,
  history?: readonly HistoryMessage[],
  matchAreas?: (text: string) => readonly string[],
): RulesIntentResult {
  return decodeNormalizedIntent(normalizeText(text), history, matchAreas);
}

/** {@link decodeIntentWithRules} for text already passed through `normalizeText`. @internal */
export function decodeNormalizedIntent(
  normalized: string,
  history?: readonly HistoryMessage[],
  matchAreas?: (normalized: string) => readonly string[],
): RulesIntentResult {
  const signals: string[] = [];
  const weak: Record<SignalTarget, number> = { buyer: 0, seller: 0, browsing: 0, both: 0 };
  const raw = scoreSignals(normalized, signals, weak);
  scoreHistory(normalized, history, { scores: raw, signals });
  if (matchAreas !== undefined && matchAreas(normalized).length > 0) {
    raw.buyer += 1;
    weak.buyer += 1;
    signals.push('buyer:area-mentioned');
  }
  const moving = MOVING_TO.exec(normalized);
  if (moving !== null && !signals.includes('buyer:moving-here') && (matchAreas?.(moving[3] ?? '').length ?? 0) > 0) {
    raw.buyer += 2.5;
    signals.push('buyer:moving-to-area');
  }
  const buyer = Math.max(0, raw.buyer);
  const seller = Math.max(0, raw.seller);
  const browsing = Math.max(0, raw.browsing);
  const bothSides = buyer - weak.buyer >= 2.5 && seller - weak.seller >= 2.5;
  const bothEligible = bothSides || raw.both >= 4 || (raw.both >= 2.5 && (buyer >= 2 || seller >= 2));
  const both = bothEligible ? raw.both + Math.max(buyer, seller) + 0.5 : 0;
  const scores = { buyer, seller, both, browsing };
  const ranked = (Object.entries(scores) as [Exclude<Intent, 'unknown'>, number][]).sort(
    (a, b) => b[1] - a[1] || (a[0] === 'browsing' ? -1 : b[0] === 'browsing' ? 1 : 0),
  );
  const [winner = 'unknown', top = 0] = ranked[0] ?? [];
  const runnerUp = Math.max(ranked[1]?.[1] ?? 0, UNKNOWN_FLOOR);
  if (top < UNKNOWN_FLOOR) {
    const guess = guessIntentLexically(normalized);
    const guessed = LEXICAL_INTENTS.find((intent) => intent === guess?.intent);
    if (guess !== undefined && guessed !== undefined && guess.probability >= LEXICAL_MIN_PROBABILITY) {
      const confidence = Math.round(Math.min(LEXICAL_MAX_CONFIDENCE, guess.probability) * 1000) / 1000;
      return { intent: guessed, confidence, signals: [...signals, 'fallback:lexical'], scores, margin: 0 };
    }
    const margin = UNKNOWN_FLOOR - top;
    return { intent: 'unknown', confidence: calibrateConfidence('unknown', margin), signals, scores, margin };
  }
  const margin =
    winner === 'both' ? raw.both + Math.min(buyer, seller) - Math.max(browsing, UNKNOWN_FLOOR) : top - runnerUp;
  return { intent: winner, confidence: calibrateConfidence(winner, margin), signals, scores, margin };
}
