import { z } from 'zod';
import { botNameSchema } from './bot-name';

/** The channels GHL carries conversations on, as a zod enum (`Call` is a call transcript). */
export const messageChannelSchema = z.enum([
  'SMS',
  'Email',
  'WhatsApp',
  'LiveChat',
  'Facebook',
  'Instagram',
  'GMB',
  'Call',
]);

/** A conversation channel: SMS, Email, WhatsApp, LiveChat, Facebook, Instagram, GMB (Google Business) or Call. */
export type MessageChannel = z.infer<typeof messageChannelSchema>;

/** Whether a message came from the lead (`inbound`) or was sent to them (`outbound`), as a zod enum. */
export const messageDirectionSchema = z.enum(['inbound', 'outbound']);

/** Direction of a message relative to the agency. */
export type MessageDirection = z.infer<typeof messageDirectionSchema>;

/** Who wrote a message, as a zod enum. */
export const messageAuthorSchema = z.enum(['lead', 'bot', 'agent', 'system']);

/** Who wrote a message: the lead, one of our bots, a human agent, or the system (e.g. opt-out confirmation). */
export type MessageAuthor = z.infer<typeof messageAuthorSchema>;

/** Zod schema for one conversation message. */
export const messageSchema = z.object({
  /** Stable message id (the GHL message id for messages that came through GHL). */
  id: z.string().min(1),
  /** CRM contact id the message belongs to. */
  contactId: z.string().min(1),
  /** CRM conversation id, when known. */
  conversationId: z.string().min(1).optional(),
  /** Inbound (from the lead) or outbound (to the lead). */
  direction: messageDirectionSchema,
  /** Channel the message travelled on. */
  channel: messageChannelSchema,
  /** Who wrote it. */
  author: messageAuthorSchema,
  /** Which bot wrote an outbound bot message. */
  bot: botNameSchema.optional(),
  /** Text body (for `Call`, the transcript). May contain PII; never log it. */
  body: z.string(),
  /** When the message was created, epoch ms. */
  createdAt: z.number().int().nonnegative(),
  /** When the message was actually delivered, epoch ms, if known. */
  deliveredAt: z.number().int().nonnegative().optional(),
  /** Attachment URLs. */
  attachments: z.array(z.string()).default([]),
});

/** One message in a conversation between a lead and the agency. */
export type Message = z.infer<typeof messageSchema>;
