import { randomUUID } from 'node:crypto';
import { addMessage } from './fake-conversation-routes';
import type { FakeGhlState, FakeRecord } from './fake-ghl-state';

/** Webhook `messageType` values of inbound messages. */
export type FakeInboundMessageType = 'SMS' | 'Email' | 'WhatsApp' | 'FB' | 'IG' | 'GMB' | 'Live Chat' | 'CALL';

const API_TYPES: Record<FakeInboundMessageType, { messageType: string; type: number }> = {
  SMS: { messageType: 'TYPE_SMS', type: 2 },
  Email: { messageType: 'TYPE_EMAIL', type: 3 },
  WhatsApp: { messageType: 'TYPE_WHATSAPP', type: 19 },
  FB: { messageType: 'TYPE_FACEBOOK', type: 11 },
  IG: { messageType: 'TYPE_INSTAGRAM', type: 18 },
  GMB: { messageType: 'TYPE_GMB', type: 14 },
  'Live Chat': { messageType: 'TYPE_LIVE_CHAT', type: 29 },
  CALL: { messageType: 'TYPE_CALL', type: 1 },
};

/** Options of `fake.simulateInboundMessage`. */
export interface SimulateInboundOptions {
  /** The contact writing; must exist in `fake.state.contacts`. */
  contactId: string;
  /** Message text. */
  body: string;
  /** Channel as the webhook names it. @defaultValue `'SMS'` */
  messageType?: FakeInboundMessageType;
}

/** A stored inbound message and the `InboundMessage` webhook body GHL would POST for it. */
export interface SimulatedInbound {
  /** The message as the conversations API returns it. */
  message: FakeRecord;
  /** The webhook body (with `timestamp` and `webhookId`), ready for `signWebhookPayload`. */
  webhook: Record<string, unknown>;
}

/** Stores an inbound message and builds its webhook. @internal */
export function simulateInbound(context: { state: FakeGhlState; locationId: string; now: number }, options: SimulateInboundOptions): SimulatedInbound {
  const contact = context.state.contacts.get(options.contactId);
  const locationId = contact?.locationId ?? context.locationId;
  const messageType = options.messageType ?? 'SMS';
  const message = addMessage({ ...context, locationId }, { contactId: options.contactId, body: options.body, direction: 'inbound', ...API_TYPES[messageType] });
  const webhook = {
    type: 'InboundMessage',
    locationId,
    attachments: [],
    body: options.body,
    contactId: options.contactId,
    contentType: 'text/plain',
    conversationId: message['conversationId'],
    dateAdded: message['dateAdded'],
    direction: 'inbound',
    messageType,
    messageId: message.id,
    status: 'delivered',
    timestamp: new Date(context.now).toISOString(),
    webhookId: randomUUID(),
  };
  return { message, webhook };
}
