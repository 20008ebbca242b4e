import { halves, normalizeMessage, tokenize, type AnalyzableMessage } from './analytics-message';

/** Topic drift between the two halves of a conversation. */
export interface TopicDrift {
  /** 0 = same topic, 1 = completely different. */
  score: number;
  /** How it was computed: TF-IDF cosine, or Jaccard word overlap as the fallback. */
  method: 'tfidf' | 'jaccard' | 'none';
}

const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if so of to in on at for from by with about as is are was were be been being am i me my we our ' +
    'you your he she it its they them their this that these those there here what which who whom how when where why ' +
    'do does did have has had will would can could should just not no yes ok okay hi hello hey thanks thank please'
  ).split(' '),
);

function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * Cosine similarity of the TF-IDF vectors of two documents, with sklearn-style smoothed IDF over
 * the two documents: `idf(t) = ln((1 + 2) / (1 + df(t))) + 1`. `undefined` when either document
 * has no terms (the caller falls back to Jaccard).
 */
export function tfIdfCosine(left: readonly string[], right: readonly string[]): number | undefined {
  if (left.length === 0 || right.length === 0) return undefined;
  const leftTf = termFrequencies(left);
  const rightTf = termFrequencies(right);
  const idf = (term: string): number => {
    const df = (leftTf.has(term) ? 1 : 0) + (rightTf.has(term) ? 1 : 0);
    return Math.log(3 / (1 + df)) + 1;
  };
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const term of new Set([...leftTf.keys(), ...rightTf.keys()])) {
    const weight = idf(term);
    const a = (leftTf.get(term) ?? 0) * weight;
    const b = (rightTf.get(term) ?? 0) * weight;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return dot / (Math.sqrt(leftNorm) * Math.sqrt(rightNorm));
}

/** Jaccard overlap |A ∩ B| / |A ∪ B| of two word sets (1 when both are empty). */
export function jaccardSimilarity(left: readonly string[], right: readonly string[]): number {
  const a = new Set(left);
  const b = new Set(right);
  const union = new Set([...a, ...b]).size;
  if (union === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / union;
}

/**
 * Topic drift of a conversation: `1 − cosine` of the TF-IDF vectors (stop words removed) of the
 * first half (⌊n/2⌋ messages) and the second half. When a half has no content words (e.g. "ok",
 * "thanks") it falls back to `1 − Jaccard` over all words. Fewer than two messages: no drift.
 *
 * @example
 * ```ts
 * topicDrift(['3 bed house in Cedar Park', 'cedar park house with pool'].map((content) => ({ role: 'user', content })));
 * ```
 */
export function topicDrift(messages: readonly AnalyzableMessage[]): TopicDrift {
  if (messages.length < 2) return { score: 0, method: 'none' };
  const [first, second] = halves(
    messages.map((message) => tokenize(normalizeMessage(message).text)),
  );
  const allFirst = first.flat();
  const allSecond = second.flat();
  const content = (tokens: string[]): string[] => tokens.filter((token) => !STOP_WORDS.has(token));
  const cosine = tfIdfCosine(content(allFirst), content(allSecond));
  if (cosine !== undefined) return { score: clamp01(1 - cosine), method: 'tfidf' };
  return { score: clamp01(1 - jaccardSimilarity(allFirst, allSecond)), method: 'jaccard' };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
