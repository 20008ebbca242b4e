/**
 * Signed GHL InboundMessage webhooks for the benches (the test Ed25519 key the bench servers trust), and a
 * keep-alive sender.
 */
import { Agent, request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { buildWebhookEvent, signWebhookPayload } from '@enterprisehub/ghl/testing';

/** The demo tenant's GHL location (TenantRegistry.demo()). */
export const DEMO_LOCATION = 'demo-location';

/** A signed webhook request: body bytes and headers. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** Options of {@link signedInbound}. */
export interface InboundOptions {
  contactId: string;
  messageId: string;
  body: string;
  phone?: string;
}

/** A signed InboundMessage for the demo tenant. */
export function signedInbound(options: InboundOptions): SignedRequest {
  const event = buildWebhookEvent('InboundMessage', {
    locationId: DEMO_LOCATION,
    contactId: options.contactId,
    conversationId: `conv-${options.contactId}`,
    messageId: options.messageId,
    body: options.body,
    messageType: 'SMS',
    direction: 'inbound',
    ...(options.phone ? { phone: options.phone } : {}),
  });
  const { rawBody, headers } = signWebhookPayload(event);
  return { body: rawBody, headers };
}

/** A run-unique prefix for message and contact ids. */
export function idPrefix(): string {
  return randomBytes(4).toString('hex');
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs a signed webhook to `<baseUrl>/webhooks/ghl`; resolves with the status code. */
export function postWebhook(baseUrl: string, signed: SignedRequest): Promise<number> {
  const url = new URL('/webhooks/ghl', baseUrl);
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...signed.headers, 'content-length': Buffer.byteLength(signed.body).toString() },
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      },
    );
    call.once('error', reject);
    call.end(signed.body);
  });
}

/** Closes the keep-alive sockets so the bench process can exit. */
export function closeSender(): void {
  agent.destroy();
}
