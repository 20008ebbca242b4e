/** Replacement for a value masked because of its property name or a `key=value` label. */
export const REDACTED = '[REDACTED]';

const SCHEMES = String.raw`(?:Bearer|Basic|Token)\s+`;
const SECRET_LABELS = String.raw`password|passwd|pwd|secret|client[_-]?secret|x-api-key|api[_-]?key|access[_-]?token|refresh[_-]?token|id[_-]?token|token|authorization|private[_-]?key`;
const KNOWN_PREFIXES = String.raw`sk-ant-[A-Za-z0-9_-]{10,}|sk-[A-Za-z0-9_-]{16,}|pit-[A-Za-z0-9-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|whsec_[A-Za-z0-9+/=]{16,}`;

/** One pass over the text; each alternative is a kind of secret or PII. Case-insensitive. */
const PATTERN = new RegExp(
  [
    String.raw`(?<scheme>\b${SCHEMES})[A-Za-z0-9._~+/=-]{8,}`,
    String.raw`(?<assign>(?<![A-Za-z0-9])(?:${SECRET_LABELS})["']?\s*[:=]\s*["']?)(?:${SCHEMES})?[^\s"',;&}]+`,
    String.raw`(?<query>[?&](?:key|sig|signature|code|apikey|api_key|access_token|token)=)[^&\s"'#]+`,
    String.raw`\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*`,
    String.raw`\b(?:${KNOWN_PREFIXES})`,
    String.raw`(?<slack>https://hooks\.slack\.com/)[^\s"'<>]+`,
    // Bounded repetitions (RFC 5321 lengths) keep the scan linear on long runs without an '@'.
    String.raw`(?<email>(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24})`,
    String.raw`(?<intl>(?<![\w+])\+\d[\d\s().-]{6,20}\d)(?!\d)`,
    String.raw`(?<nanp>(?<![\w$€£.,/])(?:\+?1[\s.-]?)?(?:\(\s*[2-9]\d{2}\s*\)|[2-9]\d{2})[\s.-]?[2-9]\d{2}[\s.-]?\d{4})(?!\d)`,
    String.raw`(?<generic>(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{32,}={0,2})(?![A-Za-z0-9+/=_-])`,
  ].join('|'),
  'gi',
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;

/**
 * A long run of base64/hex characters is a secret when it mixes letters and digits like random data does: mixed
 * case, or hex, or at least 15% digits (lower-case keys); long words, paths and kebab-case names are left alone.
 */
function looksRandom(run: string): boolean {
  if (UUID.test(run)) return false;
  let digits = 0;
  let upper = false;
  let lower = false;
  for (let index = 0; index < run.length; index += 1) {
    const code = run.charCodeAt(index);
    if (code >= 48 && code <= 57) digits += 1;
    else if (code >= 65 && code <= 90) upper = true;
    else if (code >= 97 && code <= 122) lower = true;
  }
  if (digits < 2 || (!upper && !lower)) return false;
  return (upper && lower) || HEX.test(run) || digits / run.length >= 0.15;
}

function countDigits(text: string): number {
  let digits = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) digits += 1;
  }
  return digits;
}

type Groups = Partial<Record<'scheme' | 'assign' | 'query' | 'slack' | 'email' | 'intl' | 'nanp' | 'generic', string>>;

function replace(match: string, ...rest: unknown[]): string {
  const groups = rest[rest.length - 1] as Groups;
  if (groups.scheme !== undefined) return `${groups.scheme}[TOKEN]`;
  if (groups.assign !== undefined) return `${groups.assign}${REDACTED}`;
  if (groups.query !== undefined) return `${groups.query}${REDACTED}`;
  if (groups.slack !== undefined) return `${groups.slack}[TOKEN]`;
  if (groups.email !== undefined) return '[EMAIL]';
  if (groups.intl !== undefined) {
    const digits = countDigits(match);
    return digits >= 8 && digits <= 15 ? '[PHONE]' : match;
  }
  if (groups.nanp !== undefined) return '[PHONE]';
  if (groups.generic !== undefined) return looksRandom(match) ? '[TOKEN]' : match;
  return '[TOKEN]';
}

/**
 * Masks secrets and PII inside free text: phone numbers → `[PHONE]`, emails → `[EMAIL]`, bearer/basic credentials,
 * JWTs, known API-key formats (Anthropic, GHL `pit-`, Slack, GitHub, AWS), Slack webhook paths and long random
 * hex/base64 runs → `[TOKEN]`, `password=…`-style values and secret query parameters → `[REDACTED]`. Prices,
 * dates, times, ZIP codes, UUIDs and ordinary ids are left alone.
 *
 * @example
 * ```ts
 * redactText('Call (512) 555-0123 about the $450,000 listing'); // 'Call [PHONE] about the $450,000 listing'
 * ```
 */
export function redactText(text: string): string {
  if (text.length < 6) return text;
  return text.replace(PATTERN, replace);
}
