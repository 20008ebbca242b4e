/** Options for {@link normalizePhone}. */
export interface NormalizePhoneOptions {
  /** Country calling code applied to national numbers (no `+`). @defaultValue `'1'` (US / NANP) */
  defaultCallingCode?: string;
}

const ALLOWED = /^\+?[\d\s().-]+$/;
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;

function e164(digits: string): string | undefined {
  if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return undefined;
  if (digits.startsWith('1') && !NANP.test(digits.slice(1))) return undefined;
  return `+${digits}`;
}

/**
 * Normalises a phone number to E.164 (`+15125550123`). National numbers get the default calling code (US `1`):
 * `(512) 555-0123`, `512.555.0123`, `1-512-555-0123` → `+15125550123`; `+44 20 7946 0958` and `0044…` keep their
 * country. NANP numbers are checked (area code and exchange start with 2–9). Returns `undefined` when the value is
 * not a phone number (letters, too few or too many digits, invalid NANP).
 *
 * @example
 * ```ts
 * normalizePhone('(512) 555-0123'); // '+15125550123'
 * normalizePhone('call me');        // undefined
 * ```
 */
export function normalizePhone(value: string, options: NormalizePhoneOptions = {}): string | undefined {
  let text = value.trim();
  if (text.toLowerCase().startsWith('tel:')) text = text.slice(4).trim();
  if (text === '' || !ALLOWED.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) return e164(digits);
  if (digits.startsWith('00')) return e164(digits.slice(2));
  const callingCode = (options.defaultCallingCode ?? '1').replace(/^\+/, '');
  if (callingCode === '1') {
    if (digits.length === 11 && digits.startsWith('1')) return e164(digits);
    return digits.length === 10 ? e164(`1${digits}`) : undefined;
  }
  const national = digits.startsWith('0') ? digits.slice(1) : digits;
  return national.length >= 4 ? e164(`${callingCode}${national}`) : undefined;
}
