import { createPublicKey, type KeyObject } from 'node:crypto';

/** A public key: a PEM string, the base64 body of an SPKI PEM (as GHL publishes it), or a `KeyObject`. */
export type WebhookPublicKeyInput = string | KeyObject;

const cache = new Map<string, KeyObject>();

/** Turns a {@link WebhookPublicKeyInput} into a `KeyObject` (parsed PEMs are cached). @internal */
export function toPublicKey(input: WebhookPublicKeyInput): KeyObject {
  if (typeof input !== 'string') return input;
  const cached = cache.get(input);
  if (cached !== undefined) return cached;
  const key = input.includes('-----BEGIN')
    ? createPublicKey(input)
    : createPublicKey({ key: Buffer.from(input.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
  if (cache.size > 32) cache.clear();
  cache.set(input, key);
  return key;
}
