import { halves, normalizeMessage, tokenize, type AnalyzableMessage } from './analytics-message';
import { NEGATIONS, NEGATIVE_WORDS, POSITIVE_WORDS } from './sentiment-lexicon';

/** Direction of sentiment between the first and second half of a conversation. */
export type SentimentTrend = 'improving' | 'declining' | 'stable';

/** Per-message sentiment with the overall mean and the trend. */
export interface SentimentTrajectory {
  /** Score of each message, −1 … 1, in order. */
  scores: number[];
  /** Mean of the scores (0 for no messages). */
  overall: number;
  /** `improving` when the second half's mean exceeds the first half's by more than 0.1, `declining` below −0.1. */
  trend: SentimentTrend;
}

/** Threshold on the difference of half means that makes a trend (seed: ±0.1). */
export const SENTIMENT_TREND_THRESHOLD = 0.1;

/**
 * Lexicon sentiment of one text: `(positive − negative) / (positive + negative)` over the words of
 * {@link POSITIVE_WORDS} and {@link NEGATIVE_WORDS}; a negation ("not", "don't", …) up to two words
 * before a sentiment word flips it. 0 when the text has no sentiment words.
 *
 * @example
 * ```ts
 * sentimentScore('Love the kitchen but the yard is small'); // (1 − 1) / 2 = 0
 * sentimentScore('not happy with the price');               // −1
 * ```
 */
export function sentimentScore(text: string): number {
  const tokens = tokenize(text);
  let positive = 0;
  let negative = 0;
  tokens.forEach((token, index) => {
    const isPositive = POSITIVE_WORDS.has(token);
    const isNegative = NEGATIVE_WORDS.has(token);
    if (!isPositive && !isNegative) return;
    const negated = tokens
      .slice(Math.max(0, index - 2), index)
      .some((previous) => NEGATIONS.has(previous));
    if (isPositive !== negated) positive += 1;
    else negative += 1;
  });
  const total = positive + negative;
  return total === 0 ? 0 : (positive - negative) / total;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Sentiment of every message, the overall mean, and the trend comparing the mean of the first
 * half (⌊n/2⌋ messages) with the second half (threshold ±0.1).
 *
 * @example
 * ```ts
 * sentimentTrajectory([{ role: 'user', content: 'This is frustrating' }, { role: 'user', content: 'Perfect, thanks!' }]);
 * // { scores: [-1, 1], overall: 0, trend: 'improving' }
 * ```
 */
export function sentimentTrajectory(messages: readonly AnalyzableMessage[]): SentimentTrajectory {
  const scores = messages.map((message) => sentimentScore(normalizeMessage(message).text));
  const [first, second] = halves(scores);
  const difference = first.length === 0 ? 0 : mean(second) - mean(first);
  const trend: SentimentTrend =
    difference > SENTIMENT_TREND_THRESHOLD
      ? 'improving'
      : difference < -SENTIMENT_TREND_THRESHOLD
        ? 'declining'
        : 'stable';
  return { scores, overall: mean(scores), trend };
}
