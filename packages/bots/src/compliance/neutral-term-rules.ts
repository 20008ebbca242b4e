import type { TextRule } from './text-rule';

const rule = (pattern: string, replacement: string, description: string): TextRule => ({
  id: 'style.neutral_terms',
  action: 'rewrite',
  pattern,
  rewrite: { mode: 'phrase', with: replacement },
  description,
});

/**
 * Optional style rewrites to neutral property terms. These words are lawful (HUD's 1995 advertising guidance
 * names "master bedroom" and "mother-in-law suite" as acceptable), so they are applied only when a tenant opts in
 * with `neutralTerms: true`; by default such texts pass untouched.
 */
export const NEUTRAL_TERM_RULES: readonly TextRule[] = [
  rule(
    String.raw`\bmaster(?= (?:bed ?rooms?|bath(?:rooms?)?|suites?|closets?|retreats?|wing|ba|br)\b)`,
    'primary',
    '"master bedroom" → "primary bedroom".',
  ),
  rule(
    String.raw`\bmother[- ]in[- ]law (?=(?:suites?|apartments?|units?|quarters|plans?)\b)`,
    'guest ',
    '"mother-in-law suite" → "guest suite".',
  ),
  rule(String.raw`\bman cave\b`, 'bonus room', '"man cave" → "bonus room".'),
  rule(
    String.raw`\bhandicap(?:ped)? (?=accessible\b)`,
    '',
    '"handicap accessible" → "accessible".',
  ),
  rule(String.raw`\bhis[- ](?:and|&)[- ]hers?\b`, 'dual', '"his and hers" → "dual".'),
];
