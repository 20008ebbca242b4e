import model from './lexical-model.json';

/** A multinomial naive-Bayes model over content words: per-class document and word counts. */
export interface LexicalModel {
  /** Class names, in the order of every count array. */
  classes: string[];
  /** Training messages per class. */
  documents: number[];
  /** Word occurrences per class. */
  totals: number[];
  /** Word → occurrences per class. */
  words: Record<string, number[]>;
}

/** A lexical guess for a message no rule recognised. */
export interface LexicalGuess {
  /** Most likely class. */
  intent: string;
  /** Posterior probability of `intent`. */
  probability: number;
  /** Content words of the message that the model knows. */
  knownWords: number;
}

/** Words that carry no intent (function words, greetings, acknowledgements). */
const STOP_WORDS = new Set(
  (
    "a an the i im i'm we we're us our my me you your u to of in on at for and or but is are was be it it's this that " +
    'these those with just so do does did can could would will what how when where who why hi hey hello thanks thank ' +
    'ok okay yes no please pls lol any some get got have has had there here them they their he she his her if as about ' +
    'up out from by not'
  ).split(' '),
);

/** Fewest known content words before the fallback may guess. */
export const LEXICAL_MIN_WORDS = 3;
/** Lowest posterior the fallback accepts. */
export const LEXICAL_MIN_PROBABILITY = 0.6;

/** Content words of normalised text (lower-case letters, no stop words). */
export function contentWords(normalized: string): string[] {
  return normalized
    .replace(/[^a-z' ]+/g, ' ')
    .split(' ')
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

const lexicalModel: LexicalModel = model;
const documentTotal = lexicalModel.documents.reduce((sum, count) => sum + count, 0);
const vocabularySize = Object.keys(lexicalModel.words).length;

/**
 * Naive-Bayes guess (Laplace smoothing) over the content words of normalised text, from a model trained on the tune
 * split of the labelled corpus (`packages/bots/bench/train-intent-fallback.ts`). `undefined` when the message has
 * fewer than {@link LEXICAL_MIN_WORDS} known words.
 */
export function guessIntentLexically(normalized: string, trained: LexicalModel = lexicalModel): LexicalGuess | undefined {
  const known = contentWords(normalized).filter((word) => trained.words[word] !== undefined);
  if (known.length < LEXICAL_MIN_WORDS) return undefined;
  const total = trained === lexicalModel ? documentTotal : trained.documents.reduce((sum, count) => sum + count, 0);
  const size = trained === lexicalModel ? vocabularySize : Object.keys(trained.words).length;
  const logPosteriors = trained.classes.map((_, index) => {
    let score = Math.log(((trained.documents[index] ?? 0) + 1) / (total + trained.classes.length));
    for (const word of known) {
      score += Math.log(((trained.words[word]?.[index] ?? 0) + 1) / ((trained.totals[index] ?? 0) + size));
    }
    return score;
  });
  const best = Math.max(...logPosteriors);
  const weights = logPosteriors.map((score) => Math.exp(score - best));
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const index = weights.indexOf(Math.max(...weights));
  return { intent: trained.classes[index] ?? 'unknown', probability: (weights[index] ?? 0) / sum, knownWords: known.length };
}
