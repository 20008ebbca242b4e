import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { webhookTestKeys } from './webhook-test-keys';

/** Private keys and scheme for {@link signWebhookPayload}. */
export interface WebhookSigningKeys {
  /** Ed25519 private key (PKCS#8 PEM or `KeyObject`) for `x-ghl-signature`. @defaultValue `webhookTestKeys.ed25519` */
  ed25519?: { privateKey: string | KeyObject };
  /** RSA private key (PKCS#8 PEM or `KeyObject`) for the legacy `x-wh-signature`. @defaultValue `webhookTestKeys.rsa` */
  rsa?: { privateKey: string | KeyObject };
  /** Which headers to produce: the current one, the legacy one, or both (as GHL did during the switch). @defaultValue `'ed25519'` */
  scheme?: 'ed25519' | 'rsa-sha256' | 'both';
}

/** A signed webhook request, ready to POST: the exact body bytes and the headers to send with them. */
export interface SignedWebhook {
  /** The body that was signed; send exactly these bytes. */
  rawBody: string;
  /** `content-type` plus `x-ghl-signature` and/or `x-wh-signature`. */
  headers: Record<string, string>;
}

const toKey = (key: string | KeyObject): KeyObject => (typeof key === 'string' ? createPrivateKey(key) : key);

/**
 * Signs a webhook body the way GHL does (Ed25519 → base64 `x-ghl-signature`; legacy RSA-SHA256 → base64
 * `x-wh-signature`), so tests can send correctly signed webhooks to their own endpoints. An object body
 * is serialised with `JSON.stringify`; a string body is signed as is.
 *
 * @example
 * ```ts
 * const { rawBody, headers } = signWebhookPayload(buildWebhookEvent('InboundMessage', { body: 'Hi' }));
 * await request(app).post('/webhooks/ghl').set(headers).send(rawBody);
 * ```
 */
export function signWebhookPayload(body: string | object, keys: WebhookSigningKeys = {}): SignedWebhook {
  const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
  const data = Buffer.from(rawBody, 'utf8');
  const scheme = keys.scheme ?? 'ed25519';
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (scheme === 'ed25519' || scheme === 'both') {
    const privateKey = toKey(keys.ed25519?.privateKey ?? webhookTestKeys.ed25519.privateKey);
    headers['x-ghl-signature'] = sign(null, data, privateKey).toString('base64');
  }
  if (scheme === 'rsa-sha256' || scheme === 'both') {
    const privateKey = toKey(keys.rsa?.privateKey ?? webhookTestKeys.rsa.privateKey);
    headers['x-wh-signature'] = sign('sha256', data, privateKey).toString('base64');
  }
  return { rawBody, headers };
}
