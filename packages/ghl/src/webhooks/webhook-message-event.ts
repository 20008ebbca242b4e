import { z } from 'zod';
import type { MessageChannel } from '@enterprisehub/core';

const CHANNELS: Record<string, MessageChannel> = {
  sms: 'SMS',
  type_sms: 'SMS',
  email: 'Email',
  type_email: 'Email',
  call: 'Call',
  type_call: 'Call',
  voicemail: 'Call',
  whatsapp: 'WhatsApp',
  type_whatsapp: 'WhatsApp',
  gmb: 'GMB',
  type_gmb: 'GMB',
  fb: 'Facebook',
  facebook: 'Facebook',
  type_facebook: 'Facebook',
  ig: 'Instagram',
  instagram: 'Instagram',
  type_instagram: 'Instagram',
  'live chat': 'LiveChat',
  live_chat: 'LiveChat',
  livechat: 'LiveChat',
  type_live_chat: 'LiveChat',
};

/** Maps a GHL `messageType` (`SMS`, `CALL`, `VoiceMail`, `FB`, `Live Chat`, `TYPE_SMS`, …) to our channel. */
export function toMessageChannel(messageType: string | undefined): MessageChannel | undefined {
  return messageType === undefined ? undefined : CHANNELS[messageType.trim().toLowerCase()];
}

const messageFields = {
  locationId: z.string().min(1),
  contactId: z.string().min(1),
  conversationId: z.string().optional(),
  /** Absent in some official samples (inbound SMS); dedupe on `webhookId` then. */
  messageId: z.string().optional(),
  body: z.string().optional(),
  contentType: z.string().optional(),
  attachments: z.array(z.unknown()).optional(),
  dateAdded: z.string().optional(),
  direction: z.string().optional(),
  messageType: z.string().optional(),
  status: z.string().optional(),
  userId: z.string().optional(),
  conversationProviderId: z.string().optional(),
  source: z.string().optional(),
  callDuration: z.number().optional(),
  callStatus: z.string().optional(),
  emailMessageId: z.string().optional(),
  threadId: z.string().optional(),
  subject: z.string().optional(),
  from: z.string().optional(),
  to: z.union([z.string(), z.array(z.string())]).optional(),
  timestamp: z.string().optional(),
  webhookId: z.string().optional(),
};

function withDerived<T extends { type: string; messageType?: string | undefined; direction?: string | undefined }>(
  event: T,
): T & { channel: MessageChannel | undefined; fromContact: boolean } {
  const channel = toMessageChannel(event.messageType);
  // GHL's samples are inconsistent (an inbound call arrives as `OutboundMessage` with direction `inbound`;
  // an outbound SMS sample says direction `inbound`): the event type decides, except for calls, which
  // GHL logs under either type with the call's real direction.
  const fromContact =
    channel === 'Call' && event.direction !== undefined ? event.direction === 'inbound' : event.type === 'InboundMessage';
  return { ...event, channel, fromContact };
}

/** Zod schema for an `InboundMessage` webhook (a contact wrote or called); adds `channel` and `fromContact`. */
export const inboundMessageEventSchema = z
  .object({ type: z.literal('InboundMessage'), ...messageFields })
  .loose()
  .transform(withDerived);

/** Zod schema for an `OutboundMessage` webhook (the agency or an automation wrote); adds `channel` and `fromContact`. */
export const outboundMessageEventSchema = z
  .object({ type: z.literal('OutboundMessage'), ...messageFields })
  .loose()
  .transform(withDerived);

/** An `InboundMessage` webhook, with our `channel` and whether it came from the contact. */
export type InboundMessageEvent = z.infer<typeof inboundMessageEventSchema>;

/** An `OutboundMessage` webhook, with our `channel` and whether it came from the contact. */
export type OutboundMessageEvent = z.infer<typeof outboundMessageEventSchema>;
