import { z } from 'zod';

/** Zod schema for a conversation as `GET /conversations/search` lists it. */
export const ghlConversationSchema = z
  .object({
    id: z.string(),
    contactId: z.string().nullish(),
    locationId: z.string().nullish(),
    lastMessageBody: z.string().nullish(),
    lastMessageType: z.string().nullish(),
    lastMessageDirection: z.string().nullish(),
    type: z.string().nullish(),
    unreadCount: z.number().nullish(),
    dateUpdated: z.union([z.number(), z.string()]).nullish(),
  })
  .loose();

/** A conversation (PII fields such as `fullName`, `email`, `phone` are kept as unknown extras). */
export type GhlConversation = z.infer<typeof ghlConversationSchema>;

/** Zod schema for a message (`GetMessageResponseDto`). */
export const ghlMessageSchema = z
  .object({
    id: z.string(),
    type: z.number().nullish(),
    messageType: z.string().nullish(),
    locationId: z.string().nullish(),
    contactId: z.string().nullish(),
    conversationId: z.string().nullish(),
    dateAdded: z.string().nullish(),
    body: z.string().nullish(),
    direction: z.string().nullish(),
    status: z.string().nullish(),
    contentType: z.string().nullish(),
    attachments: z.array(z.unknown()).nullish(),
    source: z.string().nullish(),
    userId: z.string().nullish(),
    conversationProviderId: z.string().nullish(),
  })
  .loose();

/** A conversation message. The body may contain PII: never log it. */
export type GhlMessage = z.infer<typeof ghlMessageSchema>;

const messagePage = z
  .object({ lastMessageId: z.string().nullish(), nextPage: z.boolean().nullish(), messages: z.array(ghlMessageSchema).default([]) })
  .loose();

/**
 * Zod schema for `GET /conversations/{conversationId}/messages`: the spec's top-level page, or the
 * `{ messages: { lastMessageId, nextPage, messages } }` envelope live GHL answers with.
 */
export const ghlMessagePageSchema = z.preprocess((value) => {
  if (typeof value !== 'object' || value === null || !('messages' in value)) return value;
  const inner = value.messages;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? inner : value;
}, messagePage);

/** One page of a conversation's messages, newest first. */
export type GhlMessagePage = z.infer<typeof ghlMessagePageSchema>;

/** Zod schema for `GET /conversations/messages/{id}`: the message, top-level (spec) or under `message`. */
export const ghlMessageEnvelopeSchema = z.preprocess((value) => {
  if (typeof value !== 'object' || value === null || !('message' in value)) return value;
  return typeof value.message === 'object' && value.message !== null ? value.message : value;
}, ghlMessageSchema);

/** Zod schema for the answer of `POST /conversations/messages` (`SendMessageResponseDto`). */
export const ghlSendMessageResultSchema = z
  .object({
    conversationId: z.string(),
    messageId: z.string(),
    messageIds: z.array(z.string()).nullish(),
    emailMessageId: z.string().nullish(),
    msg: z.string().nullish(),
    status: z.string().nullish(),
  })
  .loose();

/** What GHL answers when it accepted a message for sending. */
export type GhlSendMessageResult = z.infer<typeof ghlSendMessageResultSchema>;

/** Channel types `POST /conversations/messages` accepts. */
export type GhlOutboundMessageType = 'SMS' | 'RCS' | 'Email' | 'WhatsApp' | 'IG' | 'FB' | 'Custom' | 'Live_Chat' | 'TIKTOK';

/** Delivery statuses GHL accepts when sending or updating a message. */
export type GhlMessageDeliveryStatus = 'delivered' | 'failed' | 'pending' | 'read';

/** A message to send (`SendMessageBodyDto`); PII: never log it. */
export interface GhlSendMessageInput {
  /** Channel. */
  type: GhlOutboundMessageType;
  /** Recipient contact. */
  contactId: string;
  /** Text (SMS, WhatsApp, chat channels). */
  message?: string;
  /** Email subject. */
  subject?: string;
  /** Email HTML body. */
  html?: string;
  /** Email sender, e.g. `Agent <agent@agency.com>`. */
  emailFrom?: string;
  /** Email recipient (defaults to the contact's). */
  emailTo?: string;
  /** Email CC addresses. */
  emailCc?: readonly string[];
  /** Email BCC addresses. */
  emailBcc?: readonly string[];
  /** Reply in this email thread. */
  threadId?: string;
  /** Email message to reply to. */
  replyMessageId?: string;
  /** Reply or reply-all. */
  emailReplyMode?: 'reply' | 'reply_all';
  /** Attachment URLs. */
  attachments?: readonly string[];
  /** Template to send instead of `message`. */
  templateId?: string;
  /** Send later: UTC epoch **seconds**. */
  scheduledTimestamp?: number;
  /** Sending number (SMS). */
  fromNumber?: string;
  /** Recipient number (SMS). */
  toNumber?: string;
  /** Custom conversation provider id. */
  conversationProviderId?: string;
  /** Appointment the message relates to. */
  appointmentId?: string;
  /** Spec field (`subType`, required by the spec): defaults to `type`. */
  subType?: string;
  /** Spec field (`status`, required by the spec): defaults to `pending` for a message not yet delivered. */
  status?: GhlMessageDeliveryStatus;
}
