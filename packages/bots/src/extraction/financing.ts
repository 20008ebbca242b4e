import { isNegatedAt } from './phrase-rules';

/** Financing facts found in one message. */
export interface FinancingFacts {
  preApproved?: boolean;
  cashBuyer?: boolean;
  lender?: string;
}

const PRE_APPROVAL = /\bpre ?(approved|approval|qualified|qualification|qual'?d|approv'?d)\b|\bpreapproved\b|\bprequalified\b|\bapproved for (a |an )?(loan|mortgage|\$?\d)|\b(got|have|has) (a |an |our |my )?(loan |mortgage )?approval\b/g;
const NOT_PRE_APPROVED = /\b(not|haven'?t been|havent been|have not been|aren'?t|am not|isn'?t|not yet) (yet )?pre ?(approved|qualified)\b|\b(need|needs|have|going) to (get|be) pre ?(approved|qualified)\b|\bhaven'?t (talked|spoken) (to|with) (a |any )?lenders?\b|\b(no|don'?t have a|dont have a) lender\b|\bcan i get pre ?approved\b|\bdo i need a lender\b|\bhow do i get pre ?approved\b/;
const CASH = /^cash\b(?! offer)|\b(all|paying|pay|in|with|full) cash\b|\bcash (buyers?|offer|purchase|deal)\b|\bpaying in full\b/g;
const FINANCED = /\b(fha|va|usda|conventional|jumbo|fha) loans?\b|\b(va|fha) buyer\b|\bneed (a |to get a )?(loan|mortgage|financing)\b|\b(getting|get|using) (a |an )?(loan|mortgage|financing)\b|\bwill be financing\b|\bfinancing\b/;
const LENDER = /\bpre[\s-]?(?:approved|qualified)(?:\s+(?:online|already|today|yesterday|recently))?\s+(?:with|w\/|thru|through|by|from|at)\s+([A-Za-z][A-Za-z&'.-]*(?:\s+(?!for\b|and\b|to\b|in\b|at\b|but\b)[A-Z][A-Za-z&'.-]*){0,2}|[a-z][a-z&'.-]*)/i;
const YES = /^(yes|yep|yeah|yup|ya|yea|sure|correct|we are|i am|already|absolutely|definitely|of course)\b/;
const NO = /^(no|nope|nah|not yet|negative|not really|haven'?t)\b/;

/**
 * Reads pre-approval (`pre-approved`, `pre-qualified` — counted as pre-approved, with lower confidence — or a
 * pre-approval letter; `not pre-approved yet` and `haven't talked to a lender` as `false`), cash purchase (`paying
 * cash`, `all cash`, `cash offer`; FHA/VA/conventional loans or financing as `false`; never for a seller who wants a
 * cash offer) and the lender named after `pre-approved with`.
 *
 * @internal
 */
export function extractFinancing(
  normalized: string,
  raw: string,
  context: { question: 'preApproval' | 'financing' | undefined; sellerOnly: boolean },
): { facts: FinancingFacts; preQualifiedOnly: boolean } {
  const facts: FinancingFacts = {};
  let preQualifiedOnly = false;
  if (NOT_PRE_APPROVED.test(normalized)) facts.preApproved = false;
  else {
    for (const match of normalized.matchAll(PRE_APPROVAL)) {
      if (isNegatedAt(normalized, match.index ?? 0)) {
        facts.preApproved = false;
        break;
      }
      facts.preApproved = true;
      preQualifiedOnly = /qual/.test(match[0]);
    }
  }
  if (!context.sellerOnly) {
    for (const match of normalized.matchAll(CASH)) {
      if (!isNegatedAt(normalized, match.index ?? 0)) facts.cashBuyer = true;
    }
    if (facts.cashBuyer === undefined && FINANCED.test(normalized)) facts.cashBuyer = false;
  }
  const answer = normalized.trim();
  if (context.question === 'preApproval' && facts.preApproved === undefined) {
    if (YES.test(answer)) facts.preApproved = true;
    else if (NO.test(answer)) facts.preApproved = false;
  }
  if (context.question === 'financing' && facts.cashBuyer === undefined) {
    if (/\bcash\b/.test(answer)) facts.cashBuyer = true;
    else if (/\b(financ\w*|loan|mortgage)\b/.test(answer)) facts.cashBuyer = false;
  }
  const lender = LENDER.exec(raw)?.[1]?.trim().replace(/[.,!]+$/, '');
  if (lender !== undefined && facts.preApproved === true && !/^(our|my|a|the|your|an)$/i.test(lender.split(/\s+/)[0] ?? '')) {
    facts.lender = lender
      .split(/\s+/)
      .map((word) => (word === word.toLowerCase() ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word))
      .join(' ');
  }
  return { facts, preQualifiedOnly };
}
