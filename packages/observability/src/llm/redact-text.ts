const PATTERNS: readonly [RegExp, string][] = [
  [/\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '[REDACTED_TOKEN]'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\b/g, '[REDACTED_JWT]'],
  [/\b(?:sk|pk|rk|pit|xox[abpr])[-_][A-Za-z0-9_-]{10,}\b/g, '[REDACTED_KEY]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[REDACTED_EMAIL]'],
  [/\b\d{11,}\b/g, '[REDACTED_NUMBER]'],
  [/(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g, '[REDACTED_PHONE]'],
  [/\b\d{3}-\d{2}-\d{4}\b|\b\d{9,10}\b/g, '[REDACTED_NUMBER]'],
  [/\b[A-Fa-f0-9]{32,}\b/g, '[REDACTED_SECRET]'],
];

/**
 * Masks personal data and secrets in free text before it is stored in a trace: e-mail addresses,
 * phone numbers, long digit runs (account / card numbers), bearer tokens, JWTs, API keys and long
 * hex secrets. Deliberately aggressive — traces are for debugging prompts, not for keeping PII.
 *
 * @example
 * ```ts
 * redactText('call me at (512) 555-0142 or jo@example.com'); // 'call me at [REDACTED_PHONE] or [REDACTED_EMAIL]'
 * ```
 */
export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
