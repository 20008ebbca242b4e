const CONTAINS = ['password', 'passwd', 'secret', 'apikey', 'authorization', 'cookie', 'privatekey', 'credential'];
const ENDS_WITH = ['token', 'pwd', 'phone', 'phones', 'phonenumber', 'phonenumbers', 'mobile', 'email', 'emails', 'emailaddress', 'webhookurl', 'signature'];
const EXACT = new Set(['auth', 'pin', 'ssn', 'otp']);
const cache = new Map<string, boolean>();

/**
 * True when a property name marks its value as secret or PII, whatever its content: passwords, secrets, API keys,
 * tokens (`accessToken`, `refresh_token` — but not counts such as `inputTokens`), authorization, cookies, phone and
 * email fields, webhook URLs, signatures. Case, `_` and `-` are ignored.
 *
 * @example
 * ```ts
 * isSensitiveKey('ALERT_EMAIL_SMTP_PASSWORD'); // true
 * isSensitiveKey('outputTokens');              // false
 * ```
 */
export function isSensitiveKey(name: string): boolean {
  const known = cache.get(name);
  if (known !== undefined) return known;
  const normalized = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const sensitive =
    EXACT.has(normalized) ||
    CONTAINS.some((part) => normalized.includes(part)) ||
    ENDS_WITH.some((suffix) => normalized.endsWith(suffix));
  if (cache.size < 10_000) cache.set(name, sensitive);
  return sensitive;
}
