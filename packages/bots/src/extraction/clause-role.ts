import type { Token } from './tokenize';

/** Which side of a deal a clause talks about: the lead's purchase (`buy`) or the home they sell (`sell`). */
export type ClauseRole = 'buy' | 'sell';

/** Cue phrases (space-joined tokens) → role, longest first so `hoping to get` wins over `get`. */
const ROLE_CUES: readonly (readonly [string, ClauseRole])[] = [
  ['hoping to get', 'sell'],
  ['want to get', 'sell'],
  ['get for it', 'sell'],
  ['out of it', 'sell'],
  ['accept', 'sell'],
  ['take', 'sell'],
  ['for my place', 'sell'],
  ['for my house', 'sell'],
  ['for my home', 'sell'],
  ['for my condo', 'sell'],
  ['for our place', 'sell'],
  ['for our house', 'sell'],
  ['for our home', 'sell'],
  ['zillow estimate', 'sell'],
  ['what does', 'buy'],
  ['get you', 'buy'],
  ['price range', 'buy'],
  ['hoping for', 'sell'],
  ['downsize to', 'buy'],
  ['downsizing to', 'buy'],
  ['upgrade to', 'buy'],
  ['move into', 'buy'],
  ['move to', 'buy'],
  ['for it', 'sell'],
  ['list it', 'sell'],
  ['list price', 'sell'],
  ['pre approved', 'buy'],
  ['pre qualified', 'buy'],
  ['sell', 'sell'],
  ['selling', 'sell'],
  ['sold', 'sell'],
  ['list', 'sell'],
  ['listing', 'sell'],
  ['asking', 'sell'],
  ['worth', 'sell'],
  ['value', 'sell'],
  ['valued', 'sell'],
  ['appraised', 'sell'],
  ['zestimate', 'sell'],
  ['estimate', 'sell'],
  ['net', 'sell'],
  ['budget', 'buy'],
  ['spend', 'buy'],
  ['afford', 'buy'],
  ['approved', 'buy'],
  ['preapproved', 'buy'],
  ['prequalified', 'buy'],
  ['qualified', 'buy'],
  ['buy', 'buy'],
  ['buying', 'buy'],
  ['purchase', 'buy'],
  ['purchasing', 'buy'],
  ['looking', 'buy'],
  ['searching', 'buy'],
  ['find', 'buy'],
  ['homes', 'buy'],
  ['listings', 'buy'],
  ['range', 'buy'],
  ['starting', 'buy'],
];

const MAX_CUE_WORDS = 3;
const cueMap = new Map(ROLE_CUES.map(([phrase, role]) => [phrase, role]));

type Cue = { role: ClauseRole; length: number } | undefined;
const cueCache = new WeakMap<readonly Token[], Cue[]>();
const CUE_WORDS = new Set(ROLE_CUES.map(([phrase]) => phrase.split(' ')[0] ?? ''));

/** The role cue starting at `index` and its length in tokens, if any (memoised per token array). @internal */
export function cueAt(tokens: readonly Token[], index: number): Cue {
  let cues = cueCache.get(tokens);
  if (cues === undefined) {
    cues = tokens.map((_, position) => computeCue(tokens, position));
    cueCache.set(tokens, cues);
  }
  return cues[index];
}

function computeCue(tokens: readonly Token[], index: number): Cue {
  if (!CUE_WORDS.has(tokens[index]?.text ?? '')) return undefined;
  for (let length = MAX_CUE_WORDS; length >= 1; length -= 1) {
    const slice = tokens.slice(index, index + length);
    if (slice.length < length || slice.some((token) => token.kind !== 'word')) continue;
    const role = cueMap.get(slice.map((token) => token.text).join(' '));
    if (role !== undefined) return { role, length };
  }
  return undefined;
}

/**
 * The role of the clause around token `index`: the nearest cue in the same clause, looking back first, then ahead.
 *
 * @internal
 */
export function clauseRoleAt(tokens: readonly Token[], index: number): ClauseRole | undefined {
  const clause = tokens[index]?.clause;
  let best: { role: ClauseRole; distance: number } | undefined;
  for (let cursor = index - 1; cursor >= 0 && tokens[cursor]?.clause === clause; cursor -= 1) {
    const cue = cueAt(tokens, cursor);
    if (cue !== undefined) {
      best = { role: cue.role, distance: index - cursor };
      break;
    }
  }
  for (let cursor = index + 1; cursor < tokens.length && tokens[cursor]?.clause === clause; cursor += 1) {
    const cue = cueAt(tokens, cursor);
    if (cue !== undefined) {
      if (best === undefined || cursor - index < best.distance) best = { role: cue.role, distance: cursor - index };
      break;
    }
  }
  return best?.role;
}

/** Counts sell and buy cues over a whole message, for messages whose clauses carry no cue of their own. @internal */
export function messageRole(tokens: readonly Token[]): ClauseRole | undefined {
  let sell = 0;
  let buy = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const cue = cueAt(tokens, index);
    if (cue === undefined) continue;
    if (cue.role === 'sell') sell += 1;
    else buy += 1;
    index += cue.length - 1;
  }
  if (sell === buy) return undefined;
  return sell > buy ? 'sell' : 'buy';
}

/**
 * The role of the clause of normalised `text` that contains character `index` (clauses end at punctuation and at
 * `and` before an action verb).
 *
 * @internal
 */
export function clauseRoleAtChar(text: string, index: number, tokenizeClause: (clause: string) => readonly Token[]): ClauseRole | undefined {
  const boundary = /[,.;!?:]|\band (?=buy|sell|purchase|get|find|list|move|downsize|upgrade)/g;
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(boundary)) {
    const at = match.index ?? 0;
    if (at < index) start = at + match[0].length;
    else {
      end = at;
      break;
    }
  }
  return messageRole(tokenizeClause(text.slice(start, end)));
}
