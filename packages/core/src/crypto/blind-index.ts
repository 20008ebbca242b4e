import type { BlindIndexInput, Keyring } from './keyring';

/**
 * HMAC-SHA256 blind index of a phone or email (normalised first: E.164 phone, trimmed lower-case email) under the
 * keyring's derived index key, for exact lookups on encrypted columns. Returns `undefined` when the value does not
 * normalise. The same input under the same index key always gives the same base64url string.
 *
 * @example
 * ```ts
 * blindIndex(keyring, { kind: 'phone', value: '(512) 555-0123' }) === blindIndex(keyring, { kind: 'phone', value: '+1 512 555 0123' });
 * ```
 */
export function blindIndex(keyring: Keyring, input: BlindIndexInput): string | undefined {
  return keyring.blindIndex(input);
}
