/** One phrase rule: a pattern over normalised text and the value it stands for. */
export interface PhraseRule<T> {
  pattern: RegExp;
  value: T;
  /** Skip the negation check (for patterns that carry their own negation, like `no hoa`). */
  allowNegated?: boolean;
}

/** A rule hit with the character index it was found at. */
export interface PhraseHit<T> {
  value: T;
  index: number;
}

const NEGATION =
  /\b(not|no|never|without|dont|don't|do not|doesn't|doesnt|isn't|isnt|aren't|arent|won't|wont|haven't|havent|hasn't|can't|cant|cannot|nor|neither|nah)\b/;

/**
 * True when one of the four words before `index` (in the same clause) negates what follows: `don't need a pool`,
 * `not pre-approved`, `no rush`.
 *
 * @internal
 */
export function isNegatedAt(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  const clause = before.split(/[,.;!?:]| but | and /).pop() ?? '';
  const words = clause.trim().split(/\s+/).slice(-4).join(' ');
  return NEGATION.test(words);
}

/**
 * Every hit of `rules` in normalised `text`, in text order, skipping negated hits; each rule's pattern must be global.
 *
 * @internal
 */
export function findPhraseHits<T>(text: string, rules: readonly PhraseRule<T>[]): PhraseHit<T>[] {
  const hits: PhraseHit<T>[] = [];
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    if (!rule.pattern.test(text)) continue;
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const index = match.index ?? 0;
      if (rule.allowNegated !== true && isNegatedAt(text, index)) continue;
      hits.push({ value: rule.value, index });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Distinct values of `hits` in first-seen order. @internal */
export function distinctValues<T>(hits: readonly PhraseHit<T>[]): T[] {
  const values: T[] = [];
  for (const hit of hits) if (!values.includes(hit.value)) values.push(hit.value);
  return values;
}
