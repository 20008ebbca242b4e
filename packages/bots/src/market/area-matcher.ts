import type { Market } from '@enterprisehub/core';
import { AUSTIN_AREA_ALIASES } from './area-aliases';
import { editDistance, typoBudget } from './edit-distance';
import { normalizeText } from './normalize-text';

/** Finds a market's canonical area names in free text. */
export interface AreaMatcher {
  /** Canonical area names mentioned in `text`, in order of first mention, without duplicates or negated ones. */
  match(text: string): string[];
  /** Like {@link AreaMatcher.match}, for text already passed through `normalizeText` (saves normalising twice). */
  matchNormalized(normalized: string): string[];
  /** The canonical name for one area name or alias (case, spacing and small typos tolerated), if it is one. */
  resolve(name: string): string | undefined;
}

/** Options of {@link createAreaMatcher}. */
export interface AreaMatcherOptions {
  /** Extra alias groups merged into matching market areas. @defaultValue {@link AUSTIN_AREA_ALIASES} */
  extraAliases?: readonly (readonly string[])[];
}

interface Variant {
  canonical: string;
  compact: string;
  first: string;
}

const MAX_WINDOW = 4;
const STOP_WORDS = new Set(['in', 'at', 'the', 'to', 'for', 'of', 'my', 'a', 'an', 'near', 'and', 'or', 'is', 'on']);
const NEGATORS = new Set(['not', 'no', 'except', 'avoid', 'excluding', 'besides']);
const NAME_INTRODUCERS = ['this is', 'name is', "i'm", 'im', 'i am', 'thanks', 'regards', 'love', '-'];
/** Everyday words a typo away from an area name or alias; they never fuzzy-match. */
const FUZZY_BLOCKLIST = new Set([
  'lender', 'lenders', 'leader', 'leaders', 'leaner', 'lander', 'circle', 'circles', 'rainy', 'domains', 'remain',
  'manner', 'minor', 'parker', 'parks', 'lakes', 'eastern', 'western', 'dipping', 'ripping', 'stainer', 'steiners',
  'zinger', 'miller', 'muller', 'downtime', 'downturn', 'hydepark',
]);

function toTokens(text: string): string[] {
  return tokensOfNormalized(normalizeText(text));
}

function tokensOfNormalized(normalized: string): string[] {
  return normalized
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(' ')
    .filter((token) => token.length > 0);
}

function buildVariants(market: Market, extraAliases: readonly (readonly string[])[]): Variant[] {
  const variants: Variant[] = [];
  for (const area of market.areas) {
    const spellings = new Set([area.name, ...area.aliases].map((name) => toTokens(name).join(' ')));
    for (const group of extraAliases) {
      const normalizedGroup = group.map((name) => toTokens(name).join(' '));
      if (normalizedGroup.some((name) => spellings.has(name))) normalizedGroup.forEach((name) => spellings.add(name));
    }
    for (const spelling of spellings) {
      const compact = spelling.replace(/ /g, '');
      if (compact.length > 0) variants.push({ canonical: area.name, compact, first: compact.charAt(0) });
    }
  }
  return variants;
}

function isNegated(tokens: readonly string[], start: number): boolean {
  const before = tokens.slice(Math.max(0, start - 2), start);
  if (before.some((token) => NEGATORS.has(token))) return true;
  return before.join(' ').endsWith('anywhere but') || tokens[start - 1] === "don't";
}

function isPersonName(tokens: readonly string[], start: number, length: number): boolean {
  if (length !== 1) return false;
  const before = tokens.slice(Math.max(0, start - 2), start).join(' ');
  return NAME_INTRODUCERS.some((introducer) => before === introducer || before.endsWith(` ${introducer}`));
}

/**
 * Creates an {@link AreaMatcher} for a market: exact matches on area names and aliases (case, punctuation and spacing
 * ignored: `round rock`, `RoundRock`), plus small typos on names longer than five letters (`round rok`, `georgetwon`,
 * `ceder park`); short aliases such as `pf` or `soco` only match exactly. Areas right after a negation
 * (`not pflugerville`) are left out.
 *
 * @example
 * ```ts
 * const matcher = createAreaMatcher(DEMO_TENANT.market);
 * matcher.match('round rok or pf, not georgetown'); // ['Round Rock', 'Pflugerville']
 * ```
 */
export function createAreaMatcher(market: Market, options: AreaMatcherOptions = {}): AreaMatcher {
  const variants = buildVariants(market, options.extraAliases ?? AUSTIN_AREA_ALIASES);
  const exact = new Map(variants.map((variant) => [variant.compact, variant.canonical]));
  const maxCompact = Math.max(0, ...variants.map((variant) => variant.compact.length));
  const fuzzyByFirst = new Map<string, Variant[]>();
  for (const variant of variants) {
    if (typoBudget(variant.compact.length) === 0) continue;
    const bucket = fuzzyByFirst.get(variant.first) ?? [];
    bucket.push(variant);
    fuzzyByFirst.set(variant.first, bucket);
  }

  const lookup = (compact: string, allowFuzzy: boolean): string | undefined => {
    const hit = exact.get(compact);
    if (hit !== undefined || !allowFuzzy || FUZZY_BLOCKLIST.has(compact)) return hit;
    let best: { canonical: string; distance: number } | undefined;
    for (const variant of fuzzyByFirst.get(compact.charAt(0)) ?? []) {
      const budget = typoBudget(variant.compact.length);
      if (Math.abs(variant.compact.length - compact.length) > budget) continue;
      const distance = editDistance(compact, variant.compact, budget);
      if (distance <= budget && (best === undefined || distance < best.distance)) {
        best = { canonical: variant.canonical, distance };
      }
    }
    return best?.canonical;
  };

  const fuzzyCache = new Map<string, string | null>();
  const cachedLookup = (compact: string, allowFuzzy: boolean): string | undefined => {
    if (!allowFuzzy) return exact.get(compact);
    const cached = fuzzyCache.get(compact);
    if (cached !== undefined) return cached ?? undefined;
    const found = lookup(compact, true);
    if (fuzzyCache.size >= 20_000) fuzzyCache.clear();
    fuzzyCache.set(compact, found ?? null);
    return found;
  };

  const matchTokens = (tokens: readonly string[]): string[] => {
    const found: string[] = [];
    let index = 0;
    while (index < tokens.length) {
      let matched = 0;
      const first = tokens[index] ?? '';
      for (let size = Math.min(MAX_WINDOW, tokens.length - index); size >= 1 && matched === 0; size -= 1) {
        let compact = '';
        let shortToken = false;
        for (let offset = 0; offset < size; offset += 1) {
          const token = tokens[index + offset] ?? '';
          compact += token;
          shortToken ||= token.length <= 1;
        }
        const last = tokens[index + size - 1] ?? '';
        const allowFuzzy = !shortToken && !STOP_WORDS.has(first) && !STOP_WORDS.has(last) && compact.length <= maxCompact + 2;
        const canonical = cachedLookup(compact, allowFuzzy);
        if (canonical === undefined) continue;
        matched = size;
        if (!isNegated(tokens, index) && !isPersonName(tokens, index, size) && !found.includes(canonical)) {
          found.push(canonical);
        }
      }
      index += matched > 0 ? matched : 1;
    }
    return found;
  };

  const resolve = (name: string): string | undefined => {
    const compact = toTokens(name).join('');
    return compact.length === 0 ? undefined : lookup(compact, true);
  };

  return {
    match: (text) => matchTokens(toTokens(text)),
    matchNormalized: (normalized) => matchTokens(tokensOfNormalized(normalized)),
    resolve,
  };
}
