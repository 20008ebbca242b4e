import { clauseRoleAt, type ClauseRole } from './clause-role';
import { findMoneyAmounts, type MoneyAmount } from './money-amounts';
import { joinTokens, type Token } from './tokenize';

/** Budget and price-expectation facts found in one message, USD. */
export interface MoneyFacts {
  budgetMin?: number;
  budgetMax?: number;
  priceExpectation?: number;
}

/** Result of {@link extractMoney}: facts, per-field confidence, and every amount seen (for grounding model output). */
export interface MoneyExtraction {
  facts: MoneyFacts;
  confidence: Partial<Record<keyof MoneyFacts, number>>;
  amounts: number[];
}

/** Context for reading a message's amounts. */
export interface MoneyContext {
  /** The bot just asked for a budget (`buy`) or a price expectation (`sell`). */
  question?: ClauseRole | undefined;
  /** Role of the whole message when its clauses carry no cue. */
  messageRole?: ClauseRole | undefined;
}

const UNITS_AFTER = new Set([
  'bed', 'beds', 'bedroom', 'bedrooms', 'br', 'brs', 'bd', 'bds', 'bdrm', 'bdrms', 'bdr', 'bath', 'baths', 'bathroom',
  'bathrooms', 'ba', 'car', 'cars', 'story', 'stories', 'acre', 'acres', 'sq', 'sqft', 'square', 'sf', 'ft', 'feet',
  'foot', 'mile', 'miles', 'mi', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days',
  'week', 'weeks', 'wk', 'wks', 'month', 'months', 'mo', 'mos', 'year', 'years', 'yr', 'yrs', 'kid', 'kids', 'dog',
  'dogs', 'cat', 'cats', 'people', 'percent', '%', 'pm', 'am', 'times', 'x', 'units', 'unit', 'homes', 'houses',
  'monthly', 'st', 'nd', 'rd', 'th', 'garage', 'bay', 'plex', 'am', 'o\'clock', ':', 'of',
]);
const PERIOD_WORDS = new Set(['mo', 'month', 'yr', 'year', 'week', 'wk', 'day', 'sqft', 'sf', 'square', 'foot', 'night']);
const IGNORE_BEFORE = new Set([
  'rent', 'payment', 'payments', 'monthly', 'hoa', 'tax', 'taxes', 'income', 'make', 'makes', 'making', 'earn',
  'earns', 'salary', 'saved', 'savings', 'down', 'owe', 'owed', 'payoff', 'balance', 'bought', 'paid', 'purchased',
  'deposit', 'commission', 'equity', 'costs', 'fee', 'fees', 'utilities', 'mortgage', '#', 'insurance', 'loan',
]);
const HOME_NOUNS = new Set(['home', 'house', 'condo', 'place', 'property', 'townhome', 'townhouse', 'one']);
const APPROVAL_WORDS = new Set(['approved', 'preapproved', 'qualified', 'prequalified', 'approval']);
/** Ignore words that do not apply to the price of a home (`mortgage on a 450k home`) or an approval amount. */
const SOFT_IGNORES = new Set(['mortgage', 'loan', 'payment', 'payments', 'monthly', 'down', 'insurance']);
const IGNORE_AFTER = new Set(['down', 'saved', 'savings', 'income', 'salary', 'equity', 'taxes', 'owed', 'left', 'annually']);
const LISTING_REFERENCES = ['seller is asking', 'sellers are asking', 'they are asking', "they're asking", 'owner is asking', 'the one', 'that one', 'the listing', 'that listing', 'the house on', 'that house', 'this house', 'listed at', 'listed for', 'priced at'];
const BARE_CUES = new Set([
  'budget', 'under', 'below', 'max', 'maximum', 'up', 'around', 'about', 'between', 'least', 'over', 'above', 'spend',
  'afford', 'range', 'asking', 'ask', 'list', 'price', 'ideally', 'stretch', 'approved', 'qualified', 'preapproved',
  'starting', 'than', 'less', 'more', 'high', 'much', 'accept', 'take', 'roughly', 'approximately', 'sell', 'get', 'for', 'net',
]);
const MAX_PHRASES = ['nothing above', 'nothing over', 'nothing more than', 'as high as', 'as much as', 'cent over', 'penny over', 'dime over', 'dollar over', 'no more than', 'not more than', 'not over', 'not above', 'no higher than', 'less than', 'up to', 'at most', 'stretch to', 'under', 'below', 'max', 'maximum', 'cap', 'tops', 'top'];
const MIN_PHRASES = ['no less than', 'at least', 'more than', 'north of', 'upwards of', 'starting at', 'starting', 'minimum', 'min', 'over', 'above', 'from'];
const MAX_AFTER = ['or less', 'or under', 'or below', 'at most', 'max', 'maximum', 'tops', 'top'];
const MIN_AFTER = ['or more', 'or higher', 'or above', 'and up', 'minimum', 'min', '+', 'plus'];

type Qualifier = 'min' | 'max' | undefined;

function sameClause(tokens: readonly Token[], a: number, b: number): boolean {
  return tokens[a] !== undefined && tokens[a].clause === tokens[b]?.clause;
}

function isIgnored(tokens: readonly Token[], amount: MoneyAmount): boolean {
  const next = tokens[amount.end]?.text ?? '';
  const afterNext = tokens[amount.end + 1]?.text ?? '';
  if (UNITS_AFTER.has(next)) return true;
  if ((next === '/' || next === 'a' || next === 'per' || next === 'an') && PERIOD_WORDS.has(afterNext.replace(/s$/, ''))) {
    return true;
  }
  if (!amount.explicit && Number.isInteger(amount.rawValue) && amount.rawValue >= 1900 && amount.rawValue <= 2100) return true;
  const priceOfHome = HOME_NOUNS.has(next) || (next === 'for' && HOME_NOUNS.has(afterNext));
  let clauseStart = amount.start;
  while (clauseStart > 0 && sameClause(tokens, clauseStart - 1, amount.start)) clauseStart -= 1;
  const approval = tokens.slice(clauseStart, amount.start).some((token) => APPROVAL_WORDS.has(token.text));
  for (let cursor = amount.start - 1; cursor >= amount.start - 4 && cursor >= clauseStart; cursor -= 1) {
    const word = tokens[cursor]?.text ?? '';
    if (!IGNORE_BEFORE.has(word)) continue;
    if ((priceOfHome || approval) && SOFT_IGNORES.has(word)) continue;
    return true;
  }
  for (let cursor = amount.end; cursor < amount.end + 3 && sameClause(tokens, cursor, amount.start); cursor += 1) {
    if (IGNORE_AFTER.has(tokens[cursor]?.text ?? '')) return true;
  }
  const before = ` ${joinTokens(tokens, clauseStart, amount.start)} `;
  return LISTING_REFERENCES.some((phrase) => before.includes(` ${phrase} `));
}

function hasBareCue(tokens: readonly Token[], amount: MoneyAmount): boolean {
  const sentence = tokens[amount.start]?.sentence;
  for (let cursor = amount.start - 1; cursor >= amount.start - 4 && tokens[cursor]?.sentence === sentence; cursor -= 1) {
    if (BARE_CUES.has(tokens[cursor]?.text ?? '')) return true;
  }
  const after = joinTokens(tokens, amount.end, amount.end + 2);
  return /^(range|max|tops|budget|or less|or under|for it|ish)\b/.test(after);
}

function qualifierOf(tokens: readonly Token[], amount: MoneyAmount): Qualifier {
  let clauseStart = amount.start;
  while (clauseStart > 0 && amount.start - clauseStart < 4 && sameClause(tokens, clauseStart - 1, amount.start)) {
    clauseStart -= 1;
  }
  const before = ` ${joinTokens(tokens, clauseStart, amount.start)} `;
  const after = ` ${joinTokens(tokens, amount.end, amount.end + 2)} `;
  const endOf = (phrases: readonly string[]): number =>
    Math.max(
      -1,
      ...phrases.map((phrase) => {
        const at = before.lastIndexOf(` ${phrase} `);
        const negated = before.includes(` not ${phrase} `) && !phrase.startsWith('not');
        return at < 0 || negated ? -1 : (at + phrase.length) * 100 + phrase.length;
      }),
    );
  const maxAt = endOf(MAX_PHRASES);
  const minAt = endOf(MIN_PHRASES);
  if (maxAt >= 0 || minAt >= 0) return maxAt >= minAt ? 'max' : 'min';
  if (MAX_AFTER.some((phrase) => after.startsWith(` ${phrase} `))) return 'max';
  if (MIN_AFTER.some((phrase) => after.startsWith(` ${phrase} `))) return 'min';
  return undefined;
}

/**
 * Reads budgets and price expectations from a tokenised message. Amounts tied to rent, payments, income, savings,
 * taxes, debts, past purchases or a specific listing are ignored; bare numbers count only with a budget cue or right
 * after a budget/price question; each amount's role comes from the nearest cue in its clause (`sell … for 500k` vs
 * `buy … around 700k`), then the question, then the whole message (default: budget).
 *
 * @internal
 */
export function extractMoney(tokens: readonly Token[], context: MoneyContext = {}): MoneyExtraction {
  const amounts = findMoneyAmounts(tokens);
  const facts: MoneyFacts = {};
  const confidence: MoneyExtraction['confidence'] = {};
  const mins: number[] = [];
  const maxes: number[] = [];
  let budgetConfidence = 0;
  for (const amount of amounts) {
    if (isIgnored(tokens, amount)) continue;
    if (!amount.explicit && context.question === undefined && ((amount.rawValue < 10 && Number.isInteger(amount.rawValue)) || !hasBareCue(tokens, amount))) continue;
    if (amount.low < 10_000 || amount.low > 100_000_000) continue;
    const clauseRole = clauseRoleAt(tokens, amount.start);
    const role = clauseRole ?? context.question ?? context.messageRole ?? 'buy';
    const base = amount.explicit ? 0.95 : context.question !== undefined ? 0.85 : 0.75;
    const score = clauseRole !== undefined || context.question !== undefined ? base : base - 0.15;
    if (role === 'sell') {
      if (facts.priceExpectation === undefined) {
        facts.priceExpectation = amount.low;
        confidence.priceExpectation = score;
      }
      continue;
    }
    budgetConfidence = Math.max(budgetConfidence, score);
    if (amount.high !== undefined) {
      mins.push(amount.low);
      maxes.push(amount.high);
    } else if (qualifierOf(tokens, amount) === 'min') mins.push(amount.low);
    else maxes.push(amount.low);
  }
  if (maxes.length > 0) facts.budgetMax = Math.max(...maxes);
  if (mins.length > 0) {
    const budgetMin = Math.min(...mins);
    if (facts.budgetMax === undefined || budgetMin < facts.budgetMax) facts.budgetMin = budgetMin;
  }
  if (facts.budgetMax !== undefined) confidence.budgetMax = budgetConfidence;
  if (facts.budgetMin !== undefined) confidence.budgetMin = budgetConfidence;
  return { facts, confidence, amounts: amounts.flatMap((amount) => [amount.low, ...(amount.high === undefined ? [] : [amount.high])]) };
}
