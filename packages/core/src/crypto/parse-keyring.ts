import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { createKeyring, type Keyring, type KeyringKey } from './keyring';

/** Options for {@link parseKeyring}. */
export interface ParseKeyringOptions {
  /** Name of the variable, used in error messages. @defaultValue `'PII_ENCRYPTION_KEYS'` */
  variableName?: string;
  /** Key id the blind-index key derives from. @defaultValue the last listed key */
  indexKeyId?: string;
}

/**
 * Parses the `PII_ENCRYPTION_KEYS` configuration value into a {@link Keyring}.
 *
 * Format: comma-separated `id:base64key` pairs, e.g. `k2:<base64 32 bytes>,k1:<base64 32 bytes>`. The FIRST key is
 * current (new ciphertexts use it); every listed key can decrypt. To rotate, prepend a new key
 * ({@link generateKeyringEnvValue} with `existing`), re-encrypt stored fields, then drop the old key. Blind indexes
 * derive from the LAST key by default, so prepending keys keeps them stable. Keys are never generated silently.
 *
 * @throws {@link EnterpriseHubError} `PII_KEY_MISSING` when the value is empty or unset; `PII_KEYRING_INVALID` when
 *   an entry is malformed (the message names the entry's position and id, never key material).
 * @example
 * ```ts
 * const keyring = parseKeyring(process.env['PII_ENCRYPTION_KEYS']);
 * ```
 */
export function parseKeyring(envValue: string | undefined, options: ParseKeyringOptions = {}): Keyring {
  const variable = options.variableName ?? 'PII_ENCRYPTION_KEYS';
  const entries = (envValue ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) {
    throw new EnterpriseHubError({
      code: 'PII_KEY_MISSING',
      message: `${variable} is not set; generate a value with generateKeyringEnvValue() and keep it secret.`,
    });
  }
  const keys: KeyringKey[] = entries.map((entry, index) => {
    const separator = entry.indexOf(':');
    if (separator <= 0) {
      throw new EnterpriseHubError({
        code: 'PII_KEYRING_INVALID',
        message: `${variable} entry #${index + 1} is not in the form id:base64key.`,
      });
    }
    return { id: entry.slice(0, separator).trim(), key: entry.slice(separator + 1).trim() };
  });
  const first = keys[0];
  return createKeyring({
    keys,
    ...(first ? { currentKeyId: first.id } : {}),
    ...(options.indexKeyId === undefined ? {} : { indexKeyId: options.indexKeyId }),
  });
}
