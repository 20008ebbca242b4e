import { verify } from 'node:crypto';
import type { Clock, ErrorCode, Inbox } from '@enterprisehub/core';
import { GHL_WEBHOOK_ED25519_PUBLIC_KEY, GHL_WEBHOOK_RSA_PUBLIC_KEY } from './ghl-webhook-public-keys';
import { toPublicKey, type WebhookPublicKeyInput } from './to-public-key';
import { readHeader, type WebhookHeaders } from './webhook-headers';

/** Which signature a webhook was verified with: current Ed25519 (`x-ghl-signature`) or legacy RSA (`x-wh-signature`). */
export type WebhookSignatureScheme = 'ed25519' | 'rsa-sha256';

/** Why a webhook was rejected. */
export type WebhookRejectionReason =
  | 'missing_signature'
  | 'invalid_signature'
  | 'legacy_disabled'
  | 'invalid_json'
  | 'missing_timestamp'
  | 'stale_timestamp'
  | 'duplicate'
  | 'inbox_unavailable';

/** The outcome of {@link verifyWebhookSignature}: verified (with the parsed body) or rejected (with a reason). */
export type WebhookVerificationResult =
  | {
      ok: true;
      kind: 'verified';
      /** Scheme the signature verified with. */
      scheme: WebhookSignatureScheme;
      /** The parsed JSON body (pass it to `parseWebhookEvent`). */
      payload: Record<string, unknown>;
      /** The body's `webhookId`, when present. */
      webhookId?: string;
      /** The body's `timestamp`, epoch ms, when present. */
      timestampMs?: number;
    }
  | {
      ok: false;
      kind: 'rejected';
      reason: WebhookRejectionReason;
      /** Error code for the reason; `ERROR_CODES[code].httpStatus` is the status to answer with. */
      code: ErrorCode;
      /** One sentence, safe to log and to return (no body content). */
      message: string;
      /** Scheme that was tried, when a signature header was present. */
      scheme?: WebhookSignatureScheme;
    };

/** Keys that verify signatures; each may be one key or a list (accepted during a rotation). */
export interface WebhookPublicKeys {
  /** Ed25519 keys for `x-ghl-signature`. @defaultValue {@link GHL_WEBHOOK_ED25519_PUBLIC_KEY} */
  ed25519?: WebhookPublicKeyInput | readonly WebhookPublicKeyInput[];
  /** RSA keys for the legacy `x-wh-signature`. @defaultValue {@link GHL_WEBHOOK_RSA_PUBLIC_KEY} */
  rsa?: WebhookPublicKeyInput | readonly WebhookPublicKeyInput[];
}

/** Options of {@link verifyWebhookSignature}. */
export interface VerifyWebhookSignatureOptions {
  /** Override GHL's published keys (keys rotate; tests use their own). */
  publicKeys?: WebhookPublicKeys;
  /** Accept the legacy RSA `x-wh-signature` when no `x-ghl-signature` is present. @defaultValue `true` */
  allowLegacyRsa?: boolean;
  /** Largest accepted distance between the body's `timestamp` and now, ms. @defaultValue `300000` (5 minutes) */
  toleranceMs?: number;
  /** Reject bodies without a `timestamp`. @defaultValue `true` */
  requireTimestamp?: boolean;
  /** Time source for the timestamp window. @defaultValue the system clock */
  clock?: Pick<Clock, 'now'>;
  /** Inbox that remembers accepted `webhookId`s; without it duplicates are not detected. */
  inbox?: Pick<Inbox, 'markSeen'>;
  /** Tenant scope for the inbox. @defaultValue the body's `locationId`, else `companyId`, else `'ghl'` */
  tenantId?: string;
  /** How long a `webhookId` is remembered, ms. @defaultValue `86400000` (24 hours) */
  replayTtlMs?: number;
}

type Rejected = Extract<WebhookVerificationResult, { ok: false }>;

const REJECTION_CODES: Record<WebhookRejectionReason, ErrorCode> = {
  missing_signature: 'WEBHOOK_SIGNATURE_MISSING',
  invalid_signature: 'WEBHOOK_SIGNATURE_INVALID',
  legacy_disabled: 'WEBHOOK_SIGNATURE_INVALID',
  invalid_json: 'WEBHOOK_PAYLOAD_INVALID',
  missing_timestamp: 'WEBHOOK_TIMESTAMP_INVALID',
  stale_timestamp: 'WEBHOOK_TIMESTAMP_INVALID',
  duplicate: 'WEBHOOK_DUPLICATE',
  inbox_unavailable: 'UNAVAILABLE',
};

function reject(reason: WebhookRejectionReason, message: string, scheme?: WebhookSignatureScheme): Rejected {
  const rejected: Rejected = { ok: false, kind: 'rejected', reason, code: REJECTION_CODES[reason], message };
  return scheme === undefined ? rejected : { ...rejected, scheme };
}

function isKeyList(keys: WebhookPublicKeyInput | readonly WebhookPublicKeyInput[]): keys is readonly WebhookPublicKeyInput[] {
  return Array.isArray(keys);
}

function verifies(check: { scheme: WebhookSignatureScheme; body: Buffer; signature: string; keys: WebhookPublicKeyInput | readonly WebhookPublicKeyInput[] }): boolean {
  const signatureBytes = Buffer.from(check.signature, 'base64');
  if (signatureBytes.length === 0) return false;
  const keys = isKeyList(check.keys) ? check.keys : [check.keys];
  return keys.some((key) => {
    try {
      return verify(check.scheme === 'ed25519' ? null : 'sha256', check.body, toPublicKey(key), signatureBytes);
    } catch {
      return false;
    }
  });
}

function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const numeric = Number(value);
  if (Number.isFinite(numeric)) return parseTimestamp(numeric);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function parseBody(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Verifies a GHL webhook over its raw body bytes (never a re-serialised body) and applies replay protection.
 *
 * `x-ghl-signature` (Ed25519) is checked first; when present there is no fallback to the legacy
 * `x-wh-signature` (RSA-SHA256), which is checked only when it is the sole header. No signature
 * header → rejected. Then the body's `timestamp` must lie within `toleranceMs` of now and its
 * `webhookId` must be new to the `inbox`. Never throws: every failure is a typed rejection.
 *
 * @example
 * ```ts
 * const result = await verifyWebhookSignature(request.rawBody, request.headers, { inbox });
 * if (!result.ok) return response.status(ERROR_CODES[result.code].httpStatus).json({ error: result.reason });
 * const event = parseWebhookEvent(result.payload);
 * ```
 */
export async function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  options: VerifyWebhookSignatureOptions = {},
): Promise<WebhookVerificationResult> {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  const ed25519Signature = readHeader(headers, 'x-ghl-signature');
  const rsaSignature = readHeader(headers, 'x-wh-signature');
  let scheme: WebhookSignatureScheme;
  if (ed25519Signature !== undefined) {
    scheme = 'ed25519';
    const keys = options.publicKeys?.ed25519 ?? GHL_WEBHOOK_ED25519_PUBLIC_KEY;
    if (!verifies({ scheme, body, signature: ed25519Signature, keys })) {
      return reject('invalid_signature', 'The x-ghl-signature did not verify.', scheme);
    }
  } else if (rsaSignature !== undefined) {
    scheme = 'rsa-sha256';
    if (options.allowLegacyRsa === false) {
      return reject('legacy_disabled', 'Legacy x-wh-signature webhooks are not accepted.', scheme);
    }
    const keys = options.publicKeys?.rsa ?? GHL_WEBHOOK_RSA_PUBLIC_KEY;
    if (!verifies({ scheme, body, signature: rsaSignature, keys })) {
      return reject('invalid_signature', 'The x-wh-signature did not verify.', scheme);
    }
  } else {
    return reject('missing_signature', 'The webhook has no x-ghl-signature or x-wh-signature header.');
  }

  const payload = parseBody(body);
  if (payload === undefined) {
    return reject('invalid_json', 'The webhook body is not a JSON object.', scheme);
  }
  const timestampMs = parseTimestamp(payload['timestamp']);
  if (timestampMs === undefined && options.requireTimestamp !== false) {
    return reject('missing_timestamp', 'The webhook body has no valid timestamp.', scheme);
  }
  const now = (options.clock ?? Date).now();
  if (timestampMs !== undefined && Math.abs(now - timestampMs) > (options.toleranceMs ?? 300_000)) {
    return reject('stale_timestamp', 'The webhook timestamp is outside the accepted window.', scheme);
  }
  const webhookId = str(payload['webhookId']);
  if (webhookId !== undefined && options.inbox !== undefined) {
    const tenantId = options.tenantId ?? str(payload['locationId']) ?? str(payload['companyId']) ?? 'ghl';
    try {
      const isFirst = await options.inbox.markSeen({ tenantId, id: `ghl-webhook:${webhookId}`, ttlMs: options.replayTtlMs ?? 86_400_000 });
      if (!isFirst) {
        return reject('duplicate', `Webhook ${webhookId} was already accepted.`, scheme);
      }
    } catch {
      return reject('inbox_unavailable', 'The webhook inbox could not be reached.', scheme);
    }
  }
  return {
    ok: true,
    kind: 'verified',
    scheme,
    payload,
    ...(webhookId === undefined ? {} : { webhookId }),
    ...(timestampMs === undefined ? {} : { timestampMs }),
  };
}
