import { randomBytes } from 'node:crypto';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { KEY_ID_PATTERN } from './ciphertext-format';
import { KEY_BYTES } from './decode-key';

/** Options for {@link generateKeyringEnvValue}. */
export interface GenerateKeyringEnvValueOptions {
  /** Id of the new key. @defaultValue `k<n>`, the next free number */
  keyId?: string;
  /** An existing `PII_ENCRYPTION_KEYS` value; the new key is prepended (becomes current) and the old keys kept. */
  existing?: string;
}

/**
 * Generates a `PII_ENCRYPTION_KEYS` value with a fresh random 32-byte key, for first start or rotation. Store the
 * result in your secret manager; this function is never called implicitly.
 *
 * @throws {@link EnterpriseHubError} `PII_KEYRING_INVALID` when `keyId` is malformed or already in `existing`.
 *
 * @example
 * ```ts
 * // first start:  PII_ENCRYPTION_KEYS=k1:…
 * const value = generateKeyringEnvValue();
 * // rotation:     PII_ENCRYPTION_KEYS=k2:…,k1:…
 * const rotated = generateKeyringEnvValue({ existing: value });
 * ```
 */
export function generateKeyringEnvValue(options: GenerateKeyringEnvValueOptions = {}): string {
  const existing = (options.existing ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const ids = new Set(existing.map((entry) => entry.slice(0, Math.max(0, entry.indexOf(':'))).trim()));
  const keyId = options.keyId ?? nextFreeId(ids);
  if (!KEY_ID_PATTERN.test(keyId) || ids.has(keyId)) {
    throw new EnterpriseHubError({
      code: 'PII_KEYRING_INVALID',
      message: `PII key id ${keyId.slice(0, 32)} is invalid or already in use.`,
    });
  }
  return [`${keyId}:${randomBytes(KEY_BYTES).toString('base64')}`, ...existing].join(',');
}

function nextFreeId(ids: ReadonlySet<string>): string {
  let number = ids.size + 1;
  while (ids.has(`k${number}`)) number += 1;
  return `k${number}`;
}
