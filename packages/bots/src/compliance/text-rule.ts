/** Keys of the neutral sentences a rewrite may insert (see {@link DEFAULT_COMPLIANCE_NOTES}). */
export type ComplianceNoteKey = 'safety' | 'schools' | 'lending' | 'tax' | 'legal' | 'financial';

/** How a rewrite rule changes the text. */
export type TextRuleRewrite =
  /** Replace only the matched phrase (`$1`… refer to capture groups); the rule's note is appended once. */
  | { readonly mode: 'phrase'; readonly with: string }
  /** Replace the whole sentence with the rule's note, or drop the sentence when the rule has no note. */
  | { readonly mode: 'sentence' };

/**
 * One row of a compliance rule table: phrase pattern → rule id → action → neutral replacement.
 *
 * Patterns are regular-expression sources compiled case-insensitively; the placeholder `{PLACE}` expands to the
 * generic place words plus the tenant's market areas and aliases.
 */
export interface TextRule {
  /** Rule id reported in `rules` (e.g. `fair_housing.steering.safety`). */
  readonly id: string;
  /** `block`: the message must not be sent; `rewrite`: it can be sent once neutralised. */
  readonly action: 'block' | 'rewrite';
  /** Regular-expression source (case-insensitive). */
  readonly pattern: string;
  /** How to neutralise a `rewrite` match; ignored for `block`. */
  readonly rewrite?: TextRuleRewrite;
  /** Neutral sentence inserted by the rewrite. */
  readonly note?: ComplianceNoteKey;
  /** A human should review (fair-housing preference or demographic statements). */
  readonly escalate?: boolean;
  /**
   * Skip matches in a sentence that declines to characterise an area (`disclaimer`, e.g. "I can't say whether
   * an area is safe") or that refers the lead to a professional (`referral`, e.g. "check with your CPA").
   */
  readonly suppressWhen?: 'disclaimer' | 'referral';
  /** What the rule catches, for docs and audits. */
  readonly description: string;
}

/** Neutral sentences inserted by rewrites; tenants may override them (e.g. with their city's official links). */
export const DEFAULT_COMPLIANCE_NOTES: Readonly<Record<ComplianceNoteKey, string>> = {
  safety: "For crime information, see the local police department's official crime maps.",
  schools: "For school information, see the school district's official ratings.",
  lending: 'A licensed lender can review your situation and explain which loan options fit.',
  tax: 'A tax professional can advise how this applies to you.',
  legal: 'For legal questions, please consult a real estate attorney.',
  financial: "Home values can go up or down; I'm happy to share recent sales data.",
};
