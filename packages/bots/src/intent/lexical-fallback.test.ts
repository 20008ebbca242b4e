import { describe, expect, it } from 'vitest';
import { contentWords, guessIntentLexically, type LexicalModel } from './lexical-fallback';

const tiny: LexicalModel = {
  classes: ['buyer', 'seller', 'both', 'browsing', 'unknown'],
  documents: [2, 2, 1, 1, 2],
  totals: [6, 6, 1, 1, 1],
  words: {
    schools: [3, 0, 0, 0, 0],
    neighborhoods: [3, 0, 0, 0, 0],
    kids: [0, 0, 0, 1, 0],
    equity: [0, 6, 0, 0, 0],
    husband: [0, 0, 1, 0, 1],
  },
};

describe('lexical fallback', () => {
  it('drops stop words, greetings and digits from content words', () => {
    expect(contentWords('hi, what are the best schools for my 2 kids?')).toEqual(['best', 'schools', 'kids']);
  });

  it('returns the most probable class with its posterior when enough known words are present', () => {
    const guess = guessIntentLexically('schools neighborhoods schools', tiny);
    expect(guess?.intent).toBe('buyer');
    expect(guess?.probability).toBeGreaterThan(0.6);
    expect(guess?.knownWords).toBe(3);
    expect(guessIntentLexically('equity equity equity', tiny)?.intent).toBe('seller');
  });

  it('declines to guess from fewer than three known words', () => {
    expect(guessIntentLexically('equity husband', tiny)).toBeUndefined();
    expect(guessIntentLexically('completely unseen vocabulary here', tiny)).toBeUndefined();
  });
});
