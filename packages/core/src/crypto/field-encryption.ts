import type { FieldCryptoOptions, Keyring } from './keyring';

/**
 * Encrypts one PII field with the keyring's current key (AES-256-GCM, random 96-bit IV). The result is
 * `v1.<kid>.<iv>.<ciphertext>.<tag>` in base64url: safe in text columns, JSON and URLs.
 *
 * @example
 * ```ts
 * const stored = encryptField(keyring, '+15125550123', { context: `contact:${tenantId}:${contactId}:phone` });
 * ```
 */
export function encryptField(keyring: Keyring, plaintext: string, options?: FieldCryptoOptions): string {
  return keyring.encrypt(plaintext, options);
}

/**
 * Decrypts a field written by {@link encryptField}, with whichever key of the ring its key id names.
 *
 * @throws {@link EnterpriseHubError} `PII_KEY_MISSING` for an unknown key id; `PII_DECRYPT_FAILED` for a malformed
 *   or tampered ciphertext, a wrong key or a different `context`. Messages never contain plaintext or keys.
 * @example
 * ```ts
 * const phone = decryptField(keyring, stored, { context: `contact:${tenantId}:${contactId}:phone` });
 * ```
 */
export function decryptField(keyring: Keyring, ciphertext: string, options?: FieldCryptoOptions): string {
  return keyring.decrypt(ciphertext, options);
}

/**
 * Re-encrypts a stored field with the keyring's current key (key rotation); returns it unchanged (after verifying
 * it) when it already uses the current key.
 *
 * @throws {@link EnterpriseHubError} as {@link decryptField}.
 * @example
 * ```ts
 * if (keyring.needsReencrypt(row.phone)) row.phone = reencrypt(keyring, row.phone);
 * ```
 */
export function reencrypt(keyring: Keyring, ciphertext: string, options?: FieldCryptoOptions): string {
  return keyring.reencrypt(ciphertext, options);
}
