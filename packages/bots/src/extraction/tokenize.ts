/** One token of a normalised message. */
export interface Token {
  /** Token text. */
  text: string;
  /** Kind: a number (possibly with `$` and a `k`/`m`/`mil`/`s` suffix), a word, or punctuation. */
  kind: 'number' | 'word' | 'punct';
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** Index of the clause (comma, dash or `but` separated) the token belongs to. */
  clause: number;
}

const TOKEN_PATTERN =
  /\$?\d[\d,]*(?:\.\d+)?(?:k|mm|m|mil|s)?(?![a-z\d])|\$?\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)*|[^\s\w]/g;
const SENTENCE_BREAKS = new Set(['.', '!', '?', ';']);
const CLAUSE_BREAKS = new Set([',', ':', '(', ')', '"', '&']);
const CLAUSE_WORDS = new Set(['but', 'then', 'though', 'also', 'plus']);
const ACTION_AFTER_AND = new Set(['buy', 'sell', 'purchase', 'get', 'find', 'list', 'move', 'downsize', 'upgrade']);

/**
 * Splits normalised text into tokens annotated with sentence and clause indexes (clauses break at commas, spaced dashes,
 * colons, `but`, `then`, and at `and` followed by an action such as `buy` or `sell`).
 *
 * @internal
 */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  const raw = normalized.match(TOKEN_PATTERN) ?? [];
  raw.forEach((text, index) => {
    const next = raw[index + 1] ?? '';
    if (SENTENCE_BREAKS.has(text)) {
      tokens.push({ text, kind: 'punct', sentence, clause });
      sentence += 1;
      clause += 1;
      return;
    }
    if (CLAUSE_BREAKS.has(text) || CLAUSE_WORDS.has(text) || (text === 'and' && ACTION_AFTER_AND.has(next))) {
      clause += 1;
      tokens.push({ text, kind: /^[a-z]/.test(text) ? 'word' : 'punct', sentence, clause });
      return;
    }
    const kind = /\d/.test(text) ? 'number' : /^[a-z]/.test(text) ? 'word' : 'punct';
    tokens.push({ text, kind, sentence, clause });
  });
  return tokens;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
  an: 1,
  single: 1,
  couple: 2,
  few: 3,
  several: 4,
};

/** The integer a small number word stands for (`three` → 3, `couple` → 2), if it is one. @internal */
export function numberWord(word: string): number | undefined {
  return NUMBER_WORDS[word];
}

/** The plain numeric value of a digit token without `$`, commas or suffix, or `undefined`. @internal */
export function plainNumber(text: string): number | undefined {
  const match = /^\$?(\d[\d,]*(?:\.\d+)?)$/.exec(text);
  if (match?.[1] === undefined) return undefined;
  const value = Number(match[1].replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** Joins the words of `tokens[from, to)` with spaces (for phrase checks). @internal */
export function joinTokens(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(Math.max(0, from), Math.max(0, to))
    .map((token) => token.text)
    .join(' ');
}
