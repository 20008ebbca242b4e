/**
 * Builds GHL `InboundMessage` webhooks in the official wire shape and signs them the way GHL does (Ed25519 over the
 * exact body bytes, base64 in `x-ghl-signature`). Self-contained (node:crypto only) so the built CLI needs no test kit.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';

/** Input of {@link buildInboundMessage}. */
export interface InboundMessageInput {
  /** GHL location id of the tenant (the demo tenant is `demo-location`). */
  locationId: string;
  contactId: string;
  /** The lead's text. */
  body: string;
  /** GHL conversation id. @defaultValue derived from the contact id */
  conversationId?: string;
  /** GHL message id (the server drops a second delivery of the same id). @defaultValue a random id */
  messageId?: string;
  /** Epoch ms stamped into `timestamp` and `dateAdded`. @defaultValue `Date.now()` */
  now?: number;
}

/**
 * An `InboundMessage` body as GHL sends it (the "Example(Message)" sample of GHL's webhook docs) plus the
 * `timestamp` and `webhookId` real deliveries carry.
 */
export function buildInboundMessage(input: InboundMessageInput): Record<string, unknown> {
  const at = new Date(input.now ?? Date.now()).toISOString();
  return {
    type: 'InboundMessage',
    locationId: input.locationId,
    attachments: [],
    body: input.body,
    contactId: input.contactId,
    contentType: 'text/plain',
    conversationId: input.conversationId ?? `conv-${input.contactId}`,
    dateAdded: at,
    direction: 'inbound',
    messageType: 'SMS',
    messageId: input.messageId ?? `sim-msg-${randomUUID()}`,
    status: 'delivered',
    conversationProviderId: 'enterprisehub-simulator',
    timestamp: at,
    webhookId: randomUUID(),
  };
}

/** A signed webhook request: send exactly `rawBody` with `headers`. */
export interface SignedRequest {
  rawBody: string;
  headers: Record<string, string>;
}

/** Signs a webhook body with an Ed25519 private key (PKCS#8 PEM or KeyObject) into `x-ghl-signature`. */
export function signWebhook(body: object, privateKey: string | KeyObject): SignedRequest {
  const rawBody = JSON.stringify(body);
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const signature = sign(null, Buffer.from(rawBody, 'utf8'), key).toString('base64');
  return {
    rawBody,
    headers: { 'content-type': 'application/json', 'x-ghl-signature': signature },
  };
}
