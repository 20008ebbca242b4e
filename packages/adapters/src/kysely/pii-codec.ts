import { EnterpriseHubError } from '@enterprisehub/core';

/** Encrypts and decrypts one string field; the kysely stores use it for every PII column. */
export interface FieldCipher {
  /**
   * Returns ciphertext for `plaintext` (a fresh IV each call), bound to `options.context` as
   * associated data so it cannot be copied onto another record.
   */
  encrypt(plaintext: string, options?: { context?: string }): string;
  /** Returns the plaintext of `ciphertext`; throws when it was tampered with, its key is unknown or the context differs. */
  decrypt(ciphertext: string, options?: { context?: string }): string;
  /** Whether `ciphertext` was written with a key other than the current one (key rotation). */
  needsReencrypt?(ciphertext: string): boolean;
}

/**
 * Seals JSON values into ciphertext columns and opens them again: the one place where store
 * rows meet the keyring.
 */
export class PiiCodec {
  readonly #cipher: FieldCipher;

  /** Wraps a field cipher. */
  constructor(cipher: FieldCipher) {
    this.#cipher = cipher;
  }

  /** Ciphertext of `JSON.stringify(value)`, bound to `context` (e.g. `contacts:<tenant>:<contact>`). */
  seal(value: unknown, context: string): string {
    return this.#cipher.encrypt(JSON.stringify(value), { context: `enterprisehub:${context}` });
  }

  /** Whether `ciphertext` should be re-encrypted under the current key. */
  isStale(ciphertext: string): boolean {
    return this.#cipher.needsReencrypt?.(ciphertext) ?? false;
  }

  /** Re-encrypts `ciphertext` under the current key, keeping its context. */
  reseal(ciphertext: string, context: string): string {
    const options = { context: `enterprisehub:${context}` };
    return this.#cipher.encrypt(this.#cipher.decrypt(ciphertext, options), options);
  }

  /** The JSON value sealed in `ciphertext` under `context` (unvalidated: callers parse it with a zod schema). */
  open(ciphertext: string, what: string, context: string): unknown {
    const plaintext = this.#cipher.decrypt(ciphertext, { context: `enterprisehub:${context}` });
    try {
      return JSON.parse(plaintext) as unknown;
    } catch (error) {
      throw new EnterpriseHubError({
        code: 'STORE_CORRUPT',
        message: `Stored ${what} did not decrypt to JSON.`,
        cause: error,
      });
    }
  }
}
