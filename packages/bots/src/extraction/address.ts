import type { FoundSpan } from './contact-info';

const SUFFIXES = [
  'street', 'st', 'road', 'rd', 'drive', 'dr', 'lane', 'ln', 'avenue', 'ave', 'av', 'boulevard', 'blvd', 'court', 'ct',
  'circle', 'cir', 'way', 'trail', 'trl', 'parkway', 'pkwy', 'place', 'pl', 'loop', 'cove', 'cv', 'terrace', 'ter',
  'highway', 'hwy', 'pass', 'path', 'run', 'crossing', 'xing', 'bend', 'point', 'pt', 'ridge', 'square', 'sq',
].join('|');
const NAME_WORD = String.raw`(?:[a-z0-9][a-z0-9'.-]*)`;
const UNIT = String.raw`(?:\s*,?\s*(?:apt|apartment|unit|suite|ste|#)\.?\s*#?\s*[a-z0-9-]+)?`;
const ADDRESS_PATTERN = new RegExp(
  String.raw`(?<![\w$.,])(\d{1,6}[a-z]?)\s+((?:${NAME_WORD}\s+){0,3}?${NAME_WORD})\s+(${SUFFIXES})\b\.?${UNIT}`,
  'gi',
);
/** `on 4201 Speedway`: a number and a capitalised name without a street suffix, right after `on`/`at`/`is`. */
const BARE_NAME_PATTERN = /\b(?:on|at|is)\s+(\d{2,6})\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=\s*(?:$|[,.?!;]|\s+in\b|\s+and\b))/g;
/** Words that show the "street name" is really a count, a price or a distance (`3 car garage way`, `5 min drive`). */
const NOT_STREET_WORDS = new Set([
  'bed', 'beds', 'bedroom', 'bedrooms', 'br', 'bath', 'baths', 'bathroom', 'car', 'cars', 'min', 'mins', 'minute',
  'minutes', 'mile', 'miles', 'mi', 'hour', 'hours', 'k', 'story', 'stories', 'acre', 'acres', 'sqft', 'year', 'years',
  'month', 'months', 'day', 'days', 'week', 'weeks', 'kids', 'dogs', 'people', 'homes', 'houses', 'of', 'the', 'and',
  'or', 'to', 'for', 'in', 'on', 'at', 'a', 'my', 'our', 'is', 'was', 'from', 'with', 'about', 'around', 'under',
]);

/**
 * Street addresses in raw text (`123 Main St`, `2201 S 1st Street`, `310 west elm lane`, `4512 Oak Hollow Dr, Apt 4`),
 * as written, without city, state or ZIP.
 *
 * @internal
 */
export function findAddresses(raw: string): FoundSpan<string>[] {
  const found: FoundSpan<string>[] = [];
  for (const match of raw.matchAll(ADDRESS_PATTERN)) {
    const name = (match[2] ?? '').toLowerCase().split(/\s+/);
    if (name.some((word) => NOT_STREET_WORDS.has(word.replace(/[.,]$/, '')))) continue;
    const number = match[1] ?? '';
    if (/^\d{1,2}$/.test(number) && /^(way|run|pass|path|point|bend|square)$/i.test(match[3] ?? '')) continue;
    const start = match.index ?? 0;
    const value = match[0].replace(/\s+/g, ' ').replace(/[.,]$/, '').trim();
    found.push({ value, start, end: start + match[0].length });
  }
  for (const match of raw.matchAll(BARE_NAME_PATTERN)) {
    const numberAt = (match.index ?? 0) + match[0].indexOf(match[1] ?? '');
    const name = (match[2] ?? '').toLowerCase();
    if (found.some((span) => numberAt >= span.start && numberAt < span.end)) continue;
    if (name.split(/\s+/).some((word) => NOT_STREET_WORDS.has(word) || MONTH_WORDS.has(word))) continue;
    found.push({ value: `${match[1] ?? ''} ${match[2] ?? ''}`, start: numberAt, end: (match.index ?? 0) + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

const MONTH_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'am', 'pm', 'sq', 'k',
]);
