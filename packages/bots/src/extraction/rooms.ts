import { clauseRoleAt } from './clause-role';
import { numberWord, plainNumber, type Token } from './tokenize';

/** Bedroom and bathroom counts found in one message. */
export interface RoomFacts {
  bedrooms?: number;
  bathrooms?: number;
}

const BED_UNITS = new Set([
  'bed', 'beds', 'bedroom', 'bedrooms', 'br', 'brs', 'bd', 'bds', 'bdrm', 'bdrms', 'bdr', 'bedrm', 'bedrms', 'bed\'s',
  'bedroom\'s',
]);
const BATH_UNITS = new Set(['bath', 'baths', 'bathroom', 'bathrooms', 'ba', 'bth', 'bths', 'bathrm']);
const RANGE_WORDS = new Set(['-', 'to', 'or']);
const NOT_COUNTS = new Set(['a', 'an', 'single', 'couple', 'few', 'several']);

function countAt(tokens: readonly Token[], index: number): number | undefined {
  const token = tokens[index];
  if (token === undefined) return undefined;
  if (token.kind === 'number') return plainNumber(token.text.replace(/(?<=\d)s$/, ''));
  if (token.kind === 'word' && !NOT_COUNTS.has(token.text)) return numberWord(token.text);
  return undefined;
}

interface Mention {
  value: number;
  index: number;
}

function findMentions(tokens: readonly Token[], units: ReadonlySet<string>, max: number): Mention[] {
  const mentions: Mention[] = [];
  tokens.forEach((token, index) => {
    if (!units.has(token.text)) return;
    let cursor = index - 1;
    if (tokens[cursor]?.text === '+') cursor -= 1;
    const halfBefore = tokens[cursor]?.text === 'half' && tokens[cursor - 1]?.text === 'a' && tokens[cursor - 2]?.text === 'and';
    const whole = halfBefore ? countAt(tokens, cursor - 3) : undefined;
    if (whole !== undefined) {
      if (whole + 0.5 <= max) mentions.push({ value: whole + 0.5, index });
      return;
    }
    if (tokens[cursor]?.text === 'full' || tokens[cursor]?.text === 'half') cursor -= 1;
    let value = countAt(tokens, cursor);
    if (value !== undefined && RANGE_WORDS.has(tokens[cursor - 1]?.text ?? '')) {
      value = countAt(tokens, cursor - 2) ?? value;
    }
    if (value !== undefined && value >= 0 && value <= max) mentions.push({ value, index });
  });
  return mentions;
}

function slashPairs(tokens: readonly Token[]): { beds: Mention; baths: Mention }[] {
  const pairs: { beds: Mention; baths: Mention }[] = [];
  tokens.forEach((token, index) => {
    if (token.text !== '/' || index === 0) return;
    const beds = countAt(tokens, index - 1);
    const baths = countAt(tokens, index + 1);
    const before = tokens[index - 2]?.text ?? '';
    const after = tokens[index + 2]?.text ?? '';
    if (beds === undefined || baths === undefined || tokens[index - 1]?.kind !== 'number') return;
    if (before === '/' || after === '/' || before === 'on' || /^\d/.test(after)) return;
    if (beds < 1 || beds > 9 || baths < 1 || baths > 9 || (baths * 2) % 1 !== 0) return;
    pairs.push({ beds: { value: beds, index: index - 1 }, baths: { value: baths, index: index + 1 } });
  });
  return pairs;
}

function pick(tokens: readonly Token[], mentions: readonly Mention[]): number | undefined {
  if (mentions.length <= 1) return mentions[0]?.value;
  const wanted = mentions.find((mention) => clauseRoleAt(tokens, mention.index) === 'buy');
  return (wanted ?? mentions[0])?.value;
}

/**
 * Reads bedroom and bathroom counts: `3 bed`, `3br`, `three bedrooms`, `4-5br` (the lower bound), `2.5 baths`,
 * `3bd/2ba` and the shorthand `3/2` (3 beds, 2 baths). With several mentions the one in a buying clause wins
 * (`sell our 3br and buy a 4br` → 4). A bare count answers the bot's bedroom or bathroom question.
 *
 * @internal
 */
export function extractRooms(tokens: readonly Token[], question: 'bedrooms' | 'bathrooms' | undefined): RoomFacts {
  const pairs = slashPairs(tokens);
  const beds = [...findMentions(tokens, BED_UNITS, 12), ...pairs.map((pair) => pair.beds)];
  const baths = [...findMentions(tokens, BATH_UNITS, 10), ...pairs.map((pair) => pair.baths)];
  beds.sort((a, b) => a.index - b.index);
  baths.sort((a, b) => a.index - b.index);
  const facts: RoomFacts = {};
  const bedrooms = pick(tokens, beds);
  const bathrooms = pick(tokens, baths);
  if (bedrooms !== undefined) facts.bedrooms = bedrooms;
  if (bathrooms !== undefined) facts.bathrooms = bathrooms;
  if (question !== undefined && facts[question] === undefined) {
    const counts = tokens.map((_, index) => countAt(tokens, index)).filter((value) => value !== undefined);
    const first = counts[0];
    if (first !== undefined && first >= 1 && first <= 10 && tokens.length <= 8) facts[question] = first;
  }
  return facts;
}
