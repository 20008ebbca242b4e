import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { GCM_IV_BYTES, KEY_ID_PATTERN, ciphertextKeyId, formatCiphertext, parseCiphertext } from './ciphertext-format';
import { decodeKey } from './decode-key';
import { normalizeEmail } from './normalize-email';
import { normalizePhone } from './normalize-phone';

/** What a blind index is computed over. */
export type BlindIndexKind = 'phone' | 'email';

/** Input of a blind index: the kind decides the normalisation (E.164 phone, lower-cased email). */
export interface BlindIndexInput {
  /** `phone` or `email`. */
  kind: BlindIndexKind;
  /** The raw value; it is normalised before hashing. */
  value: string;
}

/** Options of field encryption and decryption. */
export interface FieldCryptoOptions {
  /**
   * Optional associated data (e.g. `contact:<tenantId>:<contactId>:phone`) bound to the ciphertext: decrypting
   * with a different context fails, so a ciphertext cannot be copied onto another record. Never PII.
   */
  context?: string;
}

/** One key of a keyring. */
export interface KeyringKey {
  /** Key id, 1–32 of `A–Z a–z 0–9 _ -`; written into every ciphertext. */
  id: string;
  /** 32 bytes, as base64 / base64url text or raw bytes. */
  key: string | Uint8Array;
}

/** Options for {@link createKeyring}. */
export interface KeyringOptions {
  /** Every key that may have encrypted stored data; at least one. */
  keys: readonly KeyringKey[];
  /** The key new ciphertexts are written with. @defaultValue the first key */
  currentKeyId?: string;
  /**
   * The key the blind-index key is derived from. Keep it stable across rotations, or re-index.
   * @defaultValue the last key (with `PII_ENCRYPTION_KEYS` order, the oldest: prepending a new key keeps indexes)
   */
  indexKeyId?: string;
}

interface KeyMaterial {
  key: Buffer;
  indexKey: Buffer;
}

const INDEX_KEY_INFO = 'enterprisehub/pii/blind-index/v1';

function invalid(message: string): EnterpriseHubError {
  return new EnterpriseHubError({ code: 'PII_KEYRING_INVALID', message });
}

/**
 * A set of AES-256-GCM keys for PII fields: encrypts with the current key, decrypts with any key named in the
 * ciphertext, and derives a separate HMAC-SHA256 key for blind indexes. Key material stays in private fields:
 * it never appears in `JSON.stringify`, `console.log` or error messages.
 */
export class Keyring {
  /** Id of the key new ciphertexts are written with. */
  readonly currentKeyId: string;
  /** Id of the key the blind-index key is derived from. */
  readonly indexKeyId: string;
  /** Every key id, in configuration order. */
  readonly keyIds: readonly string[];
  readonly #keys = new Map<string, KeyMaterial>();

  /** Validates and loads the keys; prefer {@link createKeyring} or {@link parseKeyring}. */
  constructor(options: KeyringOptions) {
    if (options.keys.length === 0) throw invalid('The PII keyring needs at least one key.');
    for (const [position, entry] of options.keys.entries()) {
      if (!KEY_ID_PATTERN.test(entry.id)) throw invalid(`PII key #${position + 1} has an invalid id (1-32 of A-Z a-z 0-9 _ -).`);
      if (this.#keys.has(entry.id)) throw invalid(`PII key id ${entry.id} appears twice.`);
      const key = decodeKey(entry.key);
      if (key === undefined) throw invalid(`PII key ${entry.id} is not 32 bytes of base64.`);
      const indexKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), INDEX_KEY_INFO, 32));
      this.#keys.set(entry.id, { key, indexKey });
    }
    this.keyIds = Object.freeze(options.keys.map((entry) => entry.id));
    this.currentKeyId = options.currentKeyId ?? this.keyIds[0] ?? '';
    this.indexKeyId = options.indexKeyId ?? this.keyIds[this.keyIds.length - 1] ?? '';
    if (!this.#keys.has(this.currentKeyId)) throw invalid(`The current PII key id ${this.currentKeyId} is not in the keyring.`);
    if (!this.#keys.has(this.indexKeyId)) throw invalid(`The PII index key id ${this.indexKeyId} is not in the keyring.`);
  }

  /** Encrypts one field with the current key: `v1.<kid>.<iv>.<ciphertext>.<tag>` (base64url). */
  encrypt(plaintext: string, options: FieldCryptoOptions = {}): string {
    const keyId = this.currentKeyId;
    const iv = randomBytes(GCM_IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.material(keyId).key, iv);
    cipher.setAAD(associatedData(keyId, options.context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return formatCiphertext({ keyId, iv, body, tag: cipher.getAuthTag() });
  }

  /**
   * Decrypts a field written by {@link Keyring.encrypt} with any key of the ring.
   *
   * @throws {@link EnterpriseHubError} `PII_KEY_MISSING` when the ciphertext names an unknown key id;
   *   `PII_DECRYPT_FAILED` when it is malformed, tampered with, or the key or context does not match.
   */
  decrypt(ciphertext: string, options: FieldCryptoOptions = {}): string {
    const parts = parseCiphertext(ciphertext);
    const material = this.material(parts.keyId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', material.key, parts.iv);
      decipher.setAAD(associatedData(parts.keyId, options.context));
      decipher.setAuthTag(parts.tag);
      return Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new EnterpriseHubError({
        code: 'PII_DECRYPT_FAILED',
        message: `PII decryption with key ${parts.keyId} failed: wrong key or context, or tampered ciphertext.`,
        details: { keyId: parts.keyId },
        cause: error,
      });
    }
  }

  /** True when `ciphertext` was written with another key than the current one (rotation pending). */
  needsReencrypt(ciphertext: string): boolean {
    return ciphertextKeyId(ciphertext) !== this.currentKeyId;
  }

  /** Re-encrypts `ciphertext` with the current key; returns it unchanged when it already uses the current key. */
  reencrypt(ciphertext: string, options: FieldCryptoOptions = {}): string {
    if (!this.needsReencrypt(ciphertext)) {
      this.decrypt(ciphertext, options); // still verify it
      return ciphertext;
    }
    return this.encrypt(this.decrypt(ciphertext, options), options);
  }

  /**
   * HMAC-SHA256 blind index (base64url) of a normalised phone or email under the index key, for exact lookups
   * without decrypting; `undefined` when the value does not normalise.
   */
  blindIndex(input: BlindIndexInput): string | undefined {
    return this.indexUnder(this.indexKeyId, input);
  }

  /** Blind indexes of `input` under every key (index key first), to find rows while the index key is being rotated. */
  blindIndexCandidates(input: BlindIndexInput): string[] {
    const ids = [this.indexKeyId, ...this.keyIds.filter((id) => id !== this.indexKeyId)];
    return ids.flatMap((id) => this.indexUnder(id, input) ?? []);
  }

  /** A safe JSON form: key ids only. */
  toJSON(): { currentKeyId: string; indexKeyId: string; keyIds: readonly string[] } {
    return { currentKeyId: this.currentKeyId, indexKeyId: this.indexKeyId, keyIds: this.keyIds };
  }

  private indexUnder(keyId: string, input: BlindIndexInput): string | undefined {
    const normalized = input.kind === 'phone' ? normalizePhone(input.value) : normalizeEmail(input.value);
    if (normalized === undefined) return undefined;
    return createHmac('sha256', this.material(keyId).indexKey).update(`${input.kind}:${normalized}`).digest('base64url');
  }

  private material(keyId: string): KeyMaterial {
    const material = this.#keys.get(keyId);
    if (material === undefined) {
      throw new EnterpriseHubError({
        code: 'PII_KEY_MISSING',
        message: `The PII keyring has no key with id ${keyId}.`,
        details: { keyId },
      });
    }
    return material;
  }
}

function associatedData(keyId: string, context: string | undefined): Buffer {
  return Buffer.from(context === undefined ? `v1.${keyId}` : `v1.${keyId}|${context}`, 'utf8');
}

/**
 * Creates a {@link Keyring} from explicit keys.
 *
 * @throws {@link EnterpriseHubError} `PII_KEYRING_INVALID` for a bad id, a key that is not 32 bytes, a duplicate id,
 *   or a current/index key id that is not in `keys`.
 * @example
 * ```ts
 * const keyring = createKeyring({ keys: [{ id: 'k2', key: newKeyBase64 }, { id: 'k1', key: oldKeyBase64 }], currentKeyId: 'k2' });
 * const stored = keyring.encrypt('+15125550123');
 * ```
 */
export function createKeyring(options: KeyringOptions): Keyring {
  return new Keyring(options);
}
