import { editDistance } from './edit-distance';

/** Whole-word slang and frequent misspellings → canonical words (applied after lower-casing). */
const WORD_FIXES: Readonly<Record<string, string>> = {
  tryna: 'trying to',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  lemme: 'let me',
  gimme: 'give me',
  crib: 'house',
  hous: 'house',
  hoem: 'home',
  hom: 'home',
  sel: 'sell',
  selll: 'sell',
  sellin: 'selling',
  byuing: 'buying',
  buyin: 'buying',
  buyng: 'buying',
  purchse: 'purchase',
  purchace: 'purchase',
  prperty: 'property',
  propety: 'property',
  proprty: 'property',
  lookin: 'looking',
  lookn: 'looking',
  thinkin: 'thinking',
  movin: 'moving',
  tryin: 'trying',
  somethin: 'something',
  sumthin: 'something',
  nothin: 'nothing',
  bout: 'about',
  u: 'you',
  ur: 'your',
  r: 'are',
  tho: 'though',
  plz: 'please',
  pls: 'please',
  thx: 'thanks',
  prolly: 'probably',
  atx: 'austin',
  rn: 'right now',
  asap: 'asap',
  bc: 'because',
  cuz: 'because',
};

/** Long words worth typo-correcting (one edit: two would turn `vacation` into `valuation`). */
const FUZZY_VOCABULARY = [
  'house',
  'purchase',
  'purchasing',
  'property',
  'properties',
  'looking',
  'buying',
  'selling',
  'relocating',
  'bedroom',
  'bedrooms',
  'bathroom',
  'bathrooms',
  'budget',
  'approved',
  'preapproved',
  'available',
  'interested',
  'neighborhood',
  'townhouse',
  'townhome',
  'investment',
  'inherited',
  'valuation',
  'mortgage',
  'downsizing',
  'remodeled',
  'renovated',
];

/** Real words that sit one edit away from a vocabulary word and must be left alone. */
const FUZZY_EXCLUSIONS = new Set([
  'horse', 'mouse', 'louse', 'rouse', 'douse', 'hours', 'telling', 'yelling', 'felling', 'sealing', 'spelling',
  'smelling', 'swelling', 'shelling', 'cooking', 'booking', 'hooking', 'locking', 'lifting', 'lasting', 'properly',
  'budged', 'budgets', 'houses', 'housed', 'bedroom', 'approves', 'approve', 'towns', 'listing', 'listings',
  'looting', 'buyings', 'sewing', 'sending',
]);

const fuzzyCache = new Map<string, string>();

function fixWord(word: string): string {
  const fixed = WORD_FIXES[word];
  if (fixed !== undefined) return fixed;
  if (word.length < 5 || !/^[a-z]+$/.test(word) || FUZZY_EXCLUSIONS.has(word)) return word;
  const cached = fuzzyCache.get(word);
  if (cached !== undefined) return cached;
  let result = word;
  for (const target of FUZZY_VOCABULARY) {
    if (target === word) break;
    if (word.endsWith('in') && `${word}g` === target) {
      result = target;
      break;
    }
    if (target.startsWith(word) || word.startsWith(target)) continue;
    const budget = 1;
    if (Math.abs(target.length - word.length) > budget || target[0] !== word[0]) continue;
    if (editDistance(word, target, budget) <= budget) {
      result = target;
      break;
    }
  }
  if (fuzzyCache.size < 10_000) fuzzyCache.set(word, result);
  return result;
}

/** Phrase-level rewrites that need a neighbour to be safe (`4 me` → `for me`, `to by` → `to buy`). */
const PHRASE_FIXES: readonly (readonly [RegExp, string])[] = [
  [/\b4 (me|us|sale|a|an|the|my|our|something|rent)\b/g, 'for $1'],
  [/\b(looking|searching|shopping|hunting) 4\b/g, '$1 for'],
  [/\b2 (buy|sell|purchase|find|move|see|list|get|own|rent|build|upgrade)\b/g, 'to $1'],
  [/\b(to|want to|going to|looking to|trying to|ready to|like to|need to) by\b/g, '$1 buy'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\/\s*/g, 'with '],
  [/\bw (a|an|the|my|our|pool|garage|yard)\b/g, 'with $1'],
  [/(?<=[a-z]) n (?=[a-z])/g, ' and '],
];

/** Replaces typographic punctuation, strips accents and pictographs, lower-cases and collapses whitespace. */
export function simplifyText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, ' - ')
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Normalises a lead message for rule matching: {@link simplifyText}, then slang (`tryna`, `wanna`, `crib`), texting
 * shorthand (`4 me`, `w/`, `u`), frequent misspellings (`hous`, `selll`, `lookin to by`) and one-letter typos of key
 * real-estate words (`purchse`, `prperty`).
 *
 * @example
 * ```ts
 * normalizeText('Lookin to by a hous 🏠'); // 'looking to buy a house'
 * ```
 */
export function normalizeText(text: string): string {
  let result = simplifyText(text)
    .replace(/(?<=[a-z])-(?=[a-z])/g, ' ')
    .replace(/(?<=\d)-(?=[a-z])/g, ' ')
    .replace(/(^|\s)-+(\s|$)/g, ' , ')
    .replace(/\b(\d+)o+k\b/g, (match) => match.replace(/o/g, '0'))
    .replace(/\b(\d)o{2,}\b/g, (match) => match.replace(/o/g, '0'));
  result = result.replace(/[a-z]+/g, (word) => fixWord(word));
  for (const [pattern, replacement] of PHRASE_FIXES) {
    pattern.lastIndex = 0;
    if (pattern.test(result)) result = result.replace(pattern, replacement);
  }
  return result.replace(/\s+/g, ' ').trim();
}
