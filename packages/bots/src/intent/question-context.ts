import { normalizeText } from '../market/normalize-text';

/** What the bot's last question asked about; short answers ("yes", "3", "600") are read against it. */
export type QuestionTopic =
  | 'buy'
  | 'sell'
  | 'buyOrSell'
  | 'budget'
  | 'price'
  | 'bedrooms'
  | 'bathrooms'
  | 'timeline'
  | 'areas'
  | 'preApproval'
  | 'financing'
  | 'condition'
  | 'address'
  | 'email'
  | 'phone';

/** One earlier message of the conversation; core's `Message` fits. */
export interface HistoryMessage {
  /** `inbound` from the lead, `outbound` from the bot or agent. */
  direction: 'inbound' | 'outbound';
  /** Message text. */
  body: string;
}

const TOPIC_PATTERNS: readonly (readonly [QuestionTopic, RegExp])[] = [
  ['buyOrSell', /\bbuy(ing)?\b.*\bsell(ing)?\b|\bsell(ing)?\b.*\bbuy(ing)?\b/],
  ['price', /\b(hoping to get|hoping for|want for|asking|price(?! range)|list(ing)? (it )?(at|for)|list price|worth|sell (it )?for|value)\b/],
  ['sell', /\b(sell(ing)?|list(ing)? your|valuation|value report|home'?s? value|worth|estimate|cma|market analysis)\b/],
  ['budget', /\b(budget|price range|spend|afford|price point|max(imum)? price)\b/],
  ['bedrooms', /\b(bed(room)?s?|br)\b/],
  ['bathrooms', /\bbath(room)?s?\b/],
  ['timeline', /\b(when|timeline|timeframe|time frame|how soon|move in date)\b/],
  ['areas', /\b(which|what) (areas?|part of town|neighborhoods?|cities|city|location)\b|\bwhere\b/],
  ['preApproval', /\bpre ?-?(approv|qualif)|\blender\b/],
  ['financing', /\bcash\b.*\bfinanc|\bfinanc\w*\b.*\bcash\b|\bpaying cash\b/],
  ['condition', /\bcondition\b|\bshape\b|\brepairs?\b|\bupdates?\b/],
  ['address', /\baddress\b/],
  ['email', /\be-?mail\b/],
  ['phone', /\b(phone|number to reach|best number|cell)\b/],
  ['buy', /\b(buy(ing)?|purchas\w*|in the market|looking for a (home|house|place)|homes? that match|send (you|them)|text them|(a few|some|\d) (homes|listings|options)|showings?|tours?|see (it|the home|some homes))\b/],
];

/**
 * The topics the most recent outbound message (within the last three messages) asked about, e.g. `['budget']` for
 * "What's your budget?" or `['buyOrSell']` for "Are you looking to buy or sell?". Empty when the bot asked nothing.
 *
 * @example
 * ```ts
 * questionTopics([{ direction: 'outbound', body: 'How many bedrooms do you need?' }]); // ['bedrooms']
 * ```
 */
export function questionTopics(history: readonly HistoryMessage[] | undefined): QuestionTopic[] {
  if (history === undefined || history.length === 0) return [];
  const recent = history.slice(-3);
  const question = [...recent].reverse().find((message) => message.direction === 'outbound');
  if (question === undefined) return [];
  const text = normalizeText(question.body);
  const topics = TOPIC_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([topic]) => topic);
  if (topics.includes('buyOrSell')) return topics.filter((topic) => topic !== 'buy' && topic !== 'sell');
  if (topics.includes('price')) return topics.filter((topic) => topic !== 'budget');
  return topics;
}
