import { numberWord } from './tokenize';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
];
const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  christmas: 12, xmas: 12, 'the holidays': 12, thanksgiving: 11, halloween: 10, 'labor day': 9, 'memorial day': 5,
  'spring break': 3,
};
/** Middle month of each season (1-based), and the months the season covers. */
const SEASONS: Readonly<Record<string, { target: number; months: readonly number[] }>> = {
  spring: { target: 4, months: [3, 4, 5] },
  summer: { target: 7, months: [6, 7, 8] },
  fall: { target: 10, months: [9, 10, 11] },
  autumn: { target: 10, months: [9, 10, 11] },
  winter: { target: 1, months: [12, 1, 2] },
};
const MONTH_PREFIX = String.raw`(?:in|by|before|around|until|till|til|end of|early|mid|late|next|come|starting|after)`;
const COUNT = String.raw`(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple|few|several)`;
const MONTH_NAMES = [...MONTHS, ...Object.keys(MONTH_ABBREVIATIONS)].join('|');

function monthOf(name: string): number | undefined {
  const index = MONTHS.indexOf(name);
  return index >= 0 ? index + 1 : MONTH_ABBREVIATIONS[name];
}

function countOf(text: string): number | undefined {
  const value = Number(text);
  return Number.isFinite(value) ? value : numberWord(text);
}

/** Months from `currentMonth` (1–12) to the next occurrence of `targetMonth` (0 when it is this month). */
function monthsUntil(currentMonth: number, targetMonth: number): number {
  return (targetMonth - currentMonth + 12) % 12;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const monthCache = new Map<string, { month: number; year: number }>();

/** Calendar month (1–12) and year of `now` in `timeZone` (cached per 15-minute bucket). @internal */
export function monthInTimeZone(now: number, timeZone: string): { month: number; year: number } {
  // Every time zone offset is a multiple of 15 minutes, so the local month is constant within a 15-minute bucket.
  const key = `${timeZone}|${Math.floor(now / 900_000)}`;
  const cached = monthCache.get(key);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric', year: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const month = Number(parts.find((part) => part.type === 'month')?.value ?? '1');
  const year = Number(parts.find((part) => part.type === 'year')?.value ?? '1970');
  if (monthCache.size >= 1_000) monthCache.clear();
  monthCache.set(key, { month, year });
  return { month, year };
}

type Rule = readonly [RegExp, (match: RegExpMatchArray, month: number, year: number) => number | undefined];

/** A calendar phrase right after these words dates a past event (`he passed in december`), not the move. */
const PAST_EVENT = /\b(passed|passed away|died|bought|moved in|got married|built|last)\b[^.!?]*$/;
const NOT_AGO = String.raw`(?!\s+(?:ago|old|now))`;

const RULES: readonly Rule[] = [
  [/\b(?:in |within )?(?:a )?year or two\b|\b(?:in |within )?couple (?:of )?years\b/g, () => 24],
  [/\b(?:in |within )?few years\b/g, () => 36],
  [/\b(?:in |within )?(?:a |the next |next )?month or two\b/g, () => 2],
  [/\b(?:in |within )?(?:a |the next |next )?week or two\b/g, () => 0],
  [new RegExp(String.raw`\b${COUNT}\s+months?\s+(?:to|or|-)\s+${COUNT}\s+years?\b`, 'g'), (match) => {
    const years = countOf(match[2] ?? '');
    return years === undefined ? undefined : Math.round(years * 12);
  }],
  [/\b(asap|as soon as possible|right away|immediately|urgently)\b/g, () => 0],
  [new RegExp(String.raw`\b(?:have|got|need|only have)\s+${COUNT}\s+(days?|weeks?|months?)\s+to\s+(?:find|move|buy|sell|close|get|be out)\b`, 'g'), (match) => {
    const count = countOf(match[1] ?? '');
    const unit = match[2] ?? '';
    if (count === undefined) return undefined;
    if (unit.startsWith('d')) return Math.round(count / 30);
    return unit.startsWith('w') ? Math.round(count / 4.345) : Math.round(count);
  }],
  [/\bthis month\b/g, () => 0],
  [/\bnext month\b/g, () => 1],
  [new RegExp(String.raw`\b(?:in|within|next|over the next|the next|in the next|about|around|for another|another|under|less than|inside|for at least|at least|in at least)\s+(?:${COUNT}\s*(?:-|to|or)\s*)?${COUNT}\s+(days?|weeks?|wks?|months?|mos?|years?|yrs?)\b${NOT_AGO}`, 'g'), (match) => {
    const count = countOf(match[2] ?? '');
    const unit = match[3] ?? '';
    if (count === undefined) return undefined;
    if (unit.startsWith('d')) return Math.round(count / 30);
    if (unit.startsWith('w')) return Math.round(count / 4.345);
    if (unit.startsWith('y')) return Math.round(count * 12);
    return Math.round(count);
  }],
  [new RegExp(String.raw`\b(?:${COUNT}\s*(?:-|to|or)\s*)?${COUNT}\s+(months?|years?)\s+(?:from now|out|away)\b`, 'g'), (match) => {
    const count = countOf(match[2] ?? '');
    return count === undefined ? undefined : Math.round((match[3] ?? '').startsWith('y') ? count * 12 : count);
  }],
  [/\b(?:end of (?:the |this )?year|year end|this year|later this year)\b/g, (_, month) => 12 - month],
  [/\bnext year\b|\bwithin (?:a|the) year\b|\bin a year\b/g, () => 12],
  [new RegExp(String.raw`\b${MONTH_PREFIX}\s+(?:the\s+)?(?:end of\s+)?(${MONTH_NAMES})\b`, 'g'), (match, month) => {
    const target = monthOf(match[1] ?? '');
    return target === undefined ? undefined : monthsUntil(month, target);
  }],
  [/\b(this|next|by|in|by the|in the|until|till|before|after|around|come|early|late|end of)\s+(?:the\s+)?(spring|summer|fall|autumn|winter)\b/g, (match, month) => {
    const season = SEASONS[match[2] ?? ''];
    if (season === undefined) return undefined;
    const inSeason = season.months.includes(month);
    const part = match[1] ?? '';
    const target = part === 'early' ? season.months[0] : part === 'late' || part === 'end of' ? season.months[2] : season.target;
    if (part === 'next' && inSeason) return monthsUntil(month, season.target) + 12;
    return inSeason ? 0 : monthsUntil(month, target ?? season.target);
  }],
  [/\b(?:in|by|until|before)\s+(20\d\d)\b/g, (match, month, year) => {
    const target = Number(match[1]);
    return target > year && target <= year + 5 ? (target - year) * 12 - (month - 1) : undefined;
  }],
];

/** Whole-message answers to "when?": a bare month, season or count of months. */
const ANSWER_RULES: readonly Rule[] = [
  [new RegExp(String.raw`^(?:${COUNT}\s*(?:-|to|or)\s*)?${COUNT}\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)$`), (match) => {
    const count = countOf(match[2] ?? '');
    const unit = match[3] ?? '';
    if (count === undefined) return undefined;
    if (unit.startsWith('d')) return Math.round(count / 30);
    if (unit.startsWith('w')) return Math.round(count / 4.345);
    return Math.round(unit.startsWith('y') ? count * 12 : count);
  }],
  [new RegExp(String.raw`^(${MONTH_NAMES})$`), (match, month) => {
    const target = monthOf(match[1] ?? '');
    return target === undefined ? undefined : monthsUntil(month, target);
  }],
  [/^(spring|summer|fall|autumn|winter)$/, (match, month) => {
    const season = SEASONS[match[1] ?? ''];
    return season === undefined || season.months.includes(month) ? 0 : monthsUntil(month, season.target);
  }],
];

/**
 * Months from now until the lead wants to move, from phrases such as `ASAP` (0), `within 6 months` (6, the upper
 * bound of a range), `by August` (months until August in `timeZone`), `next spring` (months until April), `next year`
 * (12), `end of the year`, `in a couple months` (2), `a year or two` (24). With several phrases the soonest wins.
 *
 * @internal
 */
export function extractTimeline(
  normalized: string,
  options: { now: number; timeZone: string; answersQuestion: boolean },
): number | undefined {
  const { month, year } = monthInTimeZone(options.now, options.timeZone);
  let text = normalized
    .replace(/[.!?,;]+/g, ' ')
    .replace(/\ba (couple|few)(?: of)?\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const found: number[] = [];
  for (const [pattern, compute] of RULES) {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const spans: (readonly [number, number])[] = [];
    for (const match of text.matchAll(pattern)) {
      const before = text.slice(Math.max(0, (match.index ?? 0) - 30), match.index ?? 0);
      if (PAST_EVENT.test(before)) continue;
      const value = compute(match, month, year);
      if (value !== undefined && value >= 0 && value <= 120) found.push(value);
      spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
    }
    for (const [from, to] of spans) text = `${text.slice(0, from)}${' '.repeat(to - from)}${text.slice(to)}`;
  }
  if (found.length === 0 && options.answersQuestion) {
    const answer = text.trim().replace(/^(maybe|probably|around|about|hopefully|ideally|in|by|within|the)\s+/, '');
    for (const [pattern, compute] of ANSWER_RULES) {
      const match = pattern.exec(answer);
      const value = match === null ? undefined : compute(match, month, year);
      if (value !== undefined) found.push(value);
    }
  }
  return found.length === 0 ? undefined : Math.min(...found);
}
