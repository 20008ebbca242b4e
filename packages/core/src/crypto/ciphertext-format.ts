import { EnterpriseHubError } from '../errors/enterprise-hub-error';

/** Version tag of the field ciphertext format. */
export const CIPHERTEXT_VERSION = 'v1';

/** Key ids: 1–32 of `A–Z a–z 0–9 _ -` (no `.`, `:` or `,`, which the formats use as separators). */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The parts of a `v1.<kid>.<iv>.<ciphertext>.<tag>` field ciphertext. @internal */
export interface CiphertextParts {
  keyId: string;
  iv: Buffer;
  body: Buffer;
  tag: Buffer;
}

function malformed(): EnterpriseHubError {
  return new EnterpriseHubError({
    code: 'PII_DECRYPT_FAILED',
    message: 'The PII ciphertext is malformed (expected v1.<kid>.<iv>.<ciphertext>.<tag>).',
  });
}

/** Joins the parts as `v1.<kid>.<iv>.<ciphertext>.<tag>` (base64url, no padding). @internal */
export function formatCiphertext(parts: CiphertextParts): string {
  return [
    CIPHERTEXT_VERSION,
    parts.keyId,
    parts.iv.toString('base64url'),
    parts.body.toString('base64url'),
    parts.tag.toString('base64url'),
  ].join('.');
}

/**
 * Splits a field ciphertext into its parts, validating version, key id, encoding and lengths.
 *
 * @throws {@link EnterpriseHubError} `PII_DECRYPT_FAILED` when the string is not a v1 field ciphertext.
 * @internal
 */
export function parseCiphertext(ciphertext: unknown): CiphertextParts {
  if (typeof ciphertext !== 'string') throw malformed();
  const segments = ciphertext.split('.');
  if (segments.length !== 5) throw malformed();
  const [version = '', keyId = '', iv = '', body = '', tag = ''] = segments;
  if (version !== CIPHERTEXT_VERSION || !KEY_ID_PATTERN.test(keyId)) throw malformed();
  if (!BASE64URL.test(iv) || !BASE64URL.test(body) || !BASE64URL.test(tag)) throw malformed();
  const parts = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    body: Buffer.from(body, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) throw malformed();
  return parts;
}

/** The key id a field ciphertext names, or `undefined` when it is not a v1 ciphertext. @internal */
export function ciphertextKeyId(ciphertext: string): string | undefined {
  const start = CIPHERTEXT_VERSION.length + 1;
  if (!ciphertext.startsWith(`${CIPHERTEXT_VERSION}.`)) return undefined;
  const end = ciphertext.indexOf('.', start);
  if (end < 0) return undefined;
  const keyId = ciphertext.slice(start, end);
  return KEY_ID_PATTERN.test(keyId) ? keyId : undefined;
}

/** Random IV length for AES-256-GCM. @internal */
export const GCM_IV_BYTES = IV_BYTES;
