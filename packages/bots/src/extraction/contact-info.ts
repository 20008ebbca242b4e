/** A piece of PII found in raw message text, with its character span (so other rules can skip it). */
export interface FoundSpan<T> {
  value: T;
  start: number;
  end: number;
}

const EMAIL_PATTERN = /[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}/gi;
const US_PHONE_PATTERN = /(?<![\d$.,])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?!\d|,\d)/g;
const INTERNATIONAL_PATTERN = /(?<![\d$])\+([2-9]\d{0,2})[\s.-]?(\d[\d\s.-]{6,14}\d)(?!\d)/g;

/**
 * Email addresses in raw text, lower-cased.
 *
 * @internal
 */
export function findEmails(raw: string): FoundSpan<string>[] {
  return [...raw.matchAll(EMAIL_PATTERN)].map((match) => ({
    value: match[0].toLowerCase(),
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
}

/**
 * Phone numbers in raw text as E.164: US/NANP numbers in any common layout (`512-555-0199`, `(512) 555 0143`,
 * `512.555.0111`, `+1 737 555 0188`, `5125550123`) become `+1XXXXXXXXXX`; other numbers written with a `+` country
 * code keep their digits.
 *
 * @internal
 */
export function findPhones(raw: string, emails: readonly FoundSpan<string>[] = []): FoundSpan<string>[] {
  const insideEmail = (index: number): boolean => emails.some((email) => index >= email.start && index < email.end);
  const found: FoundSpan<string>[] = [];
  for (const match of raw.matchAll(US_PHONE_PATTERN)) {
    const start = match.index ?? 0;
    if (insideEmail(start)) continue;
    found.push({ value: `+1${match[1] ?? ''}${match[2] ?? ''}${match[3] ?? ''}`, start, end: start + match[0].length });
  }
  for (const match of raw.matchAll(INTERNATIONAL_PATTERN)) {
    const start = match.index ?? 0;
    if (insideEmail(start) || found.some((phone) => start >= phone.start && start < phone.end)) continue;
    if (match[1] === '1') continue;
    const digits = `${match[1] ?? ''}${(match[2] ?? '').replace(/\D/g, '')}`;
    if (digits.length >= 8 && digits.length <= 15) found.push({ value: `+${digits}`, start, end: start + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
