import { joinTokens, plainNumber, type Token } from './tokenize';

/** One amount of money found in a message, in USD, with the token span it covers. */
export interface MoneyAmount {
  /** Lower (or only) value, USD. */
  low: number;
  /** Upper value for ranges (`400-500k`, `the 400s`), USD. */
  high?: number;
  /** First and one-past-last token index. */
  start: number;
  end: number;
  /** Written with `$` or a multiplier (`k`, `m`, `million`), as opposed to a bare number. */
  explicit: boolean;
  /** The first number as written, before scaling (a bare `2016` is more likely a year than a price). */
  rawValue: number;
}

const MULTIPLIER_WORDS: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  grand: 1e3,
  m: 1e6,
  mm: 1e6,
  mil: 1e6,
  mill: 1e6,
  million: 1e6,
  millions: 1e6,
};

const SUFFIX_MULTIPLIERS: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mm: 1e6, mil: 1e6 };

const RANGE_CONNECTORS = new Set(['-', 'to', 'and', 'or']);
const DECADE_OFFSETS: Readonly<Record<string, readonly [number, number]>> = {
  low: [0, 0.5],
  lower: [0, 0.5],
  mid: [0.3, 0.7],
  middle: [0.3, 0.7],
  high: [0.7, 1],
  upper: [0.7, 1],
};

interface ParsedNumber {
  value: number;
  multiplier: number | undefined;
  hasDollar: boolean;
  decade: boolean;
  end: number;
}

function parseNumberAt(tokens: readonly Token[], index: number): ParsedNumber | undefined {
  const token = tokens[index];
  if (token?.kind !== 'number') return undefined;
  const match = /^(\$)?(\d[\d,]*(?:\.\d+)?)(k|mm|m|mil|s)?$/.exec(token.text);
  const digits = match?.[2];
  if (match === null || digits === undefined) return undefined;
  const value = plainNumber(digits);
  if (value === undefined) return undefined;
  const suffix = match[3];
  if (suffix === 's') {
    return { value, multiplier: undefined, hasDollar: match[1] === '$', decade: true, end: index + 1 };
  }
  let multiplier = suffix === undefined ? undefined : SUFFIX_MULTIPLIERS[suffix];
  let end = index + 1;
  const next = tokens[index + 1];
  if (multiplier === undefined && next?.kind === 'word' && MULTIPLIER_WORDS[next.text] !== undefined) {
    multiplier = MULTIPLIER_WORDS[next.text];
    end += 1;
  }
  return { value, multiplier, hasDollar: match[1] === '$', decade: false, end };
}

const WORD_AMOUNT_STARTS = new Set(['half', 'a', 'one', 'two']);

function wordAmountAt(tokens: readonly Token[], index: number): MoneyAmount | undefined {
  if (!WORD_AMOUNT_STARTS.has(tokens[index]?.text ?? '')) return undefined;
  const phrase = joinTokens(tokens, index, index + 3);
  if (phrase.startsWith('half a million') || phrase.startsWith('half a mil')) {
    return { low: 500_000, start: index, end: index + 3, explicit: true, rawValue: 500_000 };
  }
  const two = joinTokens(tokens, index, index + 2);
  if (/^(a|one) (million|mil)$/.test(two)) {
    return { low: 1_000_000, start: index, end: index + 2, explicit: true, rawValue: 1_000_000 };
  }
  if (/^two (million|mil)$/.test(two)) {
    return { low: 2_000_000, start: index, end: index + 2, explicit: true, rawValue: 2_000_000 };
  }
  return undefined;
}

/**
 * Scales a bare number the way leads write prices: `1.5` → 1.5 M, `600` → 600 k, `450000` as is. Numbers from 10 to
 * 49 are not prices (ages, counts) and come back `undefined`.
 *
 * @internal
 */
export function scaleBareNumber(value: number): number | undefined {
  if (value > 0 && value < 10) return value * 1e6;
  if (value >= 50 && value < 10_000) return value * 1e3;
  if (value >= 10_000) return value;
  return undefined;
}

function decadeAmount(tokens: readonly Token[], index: number, parsed: ParsedNumber): MoneyAmount | undefined {
  if (parsed.value < 100 || parsed.value > 900 || parsed.value % 100 !== 0) return undefined;
  const base = parsed.value * 1e3;
  const previous = tokens[index - 1]?.text ?? '';
  const [from, to] = DECADE_OFFSETS[previous] ?? [0, 1];
  const start = DECADE_OFFSETS[previous] === undefined ? index : index - 1;
  return {
    low: base + from * 100_000,
    high: base + to * 100_000,
    start,
    end: parsed.end,
    explicit: true,
    rawValue: parsed.value,
  };
}

/**
 * Finds every amount of money in a tokenised message: `600k`, `$1.2M`, `1.2 million`, `$425,000`, `half a million`,
 * ranges (`400-500k`, `between 400 and 500k`, `800k-1.1M`, the multiplier shared across the range) and decades
 * (`the 400s`, `low 500s`). Bare numbers (`600`) are returned unscaled-then-scaled with `explicit: false`; the caller
 * decides from context whether they are prices at all.
 *
 * @internal
 */
export function findMoneyAmounts(tokens: readonly Token[]): MoneyAmount[] {
  const amounts: MoneyAmount[] = [];
  let index = 0;
  while (index < tokens.length) {
    const worded = wordAmountAt(tokens, index);
    if (worded !== undefined) {
      amounts.push(worded);
      index = worded.end;
      continue;
    }
    const first = parseNumberAt(tokens, index);
    if (first === undefined) {
      index += 1;
      continue;
    }
    if (first.decade) {
      const decade = decadeAmount(tokens, index, first);
      if (decade !== undefined) amounts.push(decade);
      index = first.end;
      continue;
    }
    const connector = tokens[first.end]?.text ?? '';
    const second = RANGE_CONNECTORS.has(connector) ? parseNumberAt(tokens, first.end + 1) : undefined;
    const isRange =
      second !== undefined && !second.decade && (connector !== 'and' || tokens[index - 1]?.text === 'between');
    const shared = isRange ? (second.multiplier ?? first.multiplier) : first.multiplier;
    if (isRange && first.multiplier === undefined && first.value < 10 && second.value >= 100 && second.value < 1000) {
      first.value *= 100; // "5-600k" is 500k–600k
    }
    const scale = (parsed: ParsedNumber, multiplier: number | undefined): number | undefined => {
      if (multiplier !== undefined) return parsed.value * multiplier;
      return parsed.hasDollar && parsed.value >= 10_000 ? parsed.value : scaleBareNumber(parsed.value);
    };
    const explicit = shared !== undefined || (first.hasDollar && first.value >= 10_000);
    const low = scale(first, first.multiplier ?? (isRange ? shared : undefined));
    if (isRange) {
      const high = scale(second, second.multiplier ?? shared);
      if (low !== undefined && high !== undefined && high > low) {
        amounts.push({ low, high, start: index, end: second.end, explicit, rawValue: first.value });
        index = second.end;
        continue;
      }
    }
    if (low !== undefined) amounts.push({ low, start: index, end: first.end, explicit, rawValue: first.value });
    index = first.end;
  }
  return amounts;
}
