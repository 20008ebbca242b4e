const BASE64_TEXT = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

/** Key length of AES-256, in bytes. */
export const KEY_BYTES = 32;

/**
 * Decodes a 32-byte key given as base64 / base64url text or raw bytes; `undefined` when it is anything else.
 *
 * @internal
 */
export function decodeKey(key: string | Uint8Array): Buffer | undefined {
  if (typeof key !== 'string') return key.length === KEY_BYTES ? Buffer.from(key) : undefined;
  const text = key.trim();
  if (!BASE64_TEXT.test(text)) return undefined;
  const bytes = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  return bytes.length === KEY_BYTES ? bytes : undefined;
}
