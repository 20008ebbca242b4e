import { z } from 'zod';
import {
  ghlConversationSchema,
  ghlMessageEnvelopeSchema,
  ghlMessagePageSchema,
  ghlSendMessageResultSchema,
  type GhlConversation,
  type GhlMessage,
  type GhlMessageDeliveryStatus,
  type GhlMessagePage,
  type GhlSendMessageInput,
  type GhlSendMessageResult,
} from './conversation-schemas';
import { callFields, compact, type GhlCallOptions, type GhlRequestFunction } from './ghl-call-options';


/** Filters of `GET /conversations/search` (`locationId` is filled in). */
export interface GhlConversationSearch {
  /** Contact id. */
  contactId?: string;
  /** Free-text search. */
  query?: string;
  /** Status filter or value. */
  status?: 'all' | 'read' | 'unread' | 'starred' | 'recents';
  /** Direction of the last message. */
  lastMessageDirection?: 'inbound' | 'outbound';
  /** Sort order. */
  sort?: 'asc' | 'desc';
  /** Sort field. */
  sortBy?: 'last_manual_message_date' | 'last_message_date' | 'score_profile' | 'overdue_at' | 'due_at';
  /** Page size. @defaultValue `20` */
  limit?: number;
  /** Cursor: the `dateUpdated` (epoch ms) of the previous page's last conversation. */
  startAfterDate?: number;
}

/** Message types `GET /conversations/{conversationId}/messages` can filter on. */
export type GhlMessageTypeFilter = 'TYPE_CALL' | 'TYPE_SMS' | 'TYPE_EMAIL' | 'TYPE_WHATSAPP' | 'TYPE_FACEBOOK' | 'TYPE_INSTAGRAM' | 'TYPE_GMB' | 'TYPE_LIVE_CHAT';

/** Conversations API (`Version: 2021-04-15`): search, read and send messages on every channel. */
export interface ConversationsResource {
  /** `GET /conversations/search`. */
  search(search?: GhlConversationSearch, options?: GhlCallOptions): Promise<{ conversations: GhlConversation[]; total: number }>;
  /** `GET /conversations/{conversationId}/messages`: one page, newest first. */
  getMessages(
    conversationId: string,
    page?: { lastMessageId?: string; limit?: number; type?: GhlMessageTypeFilter },
    options?: GhlCallOptions,
  ): Promise<GhlMessagePage>;
  /** `GET /conversations/messages/{id}`. */
  getMessage(messageId: string, options?: GhlCallOptions): Promise<GhlMessage>;
  /**
   * `POST /conversations/messages`: sends SMS, Email, WhatsApp, IG, FB, Live_Chat, RCS, Custom or TikTok.
   * Not retried after an ambiguous failure (it would send twice); the CRM gateway looks the message up first.
   */
  sendMessage(input: GhlSendMessageInput, options?: GhlCallOptions): Promise<GhlSendMessageResult>;
  /** `PUT /conversations/messages/{messageId}/status` (custom providers report delivery with it). */
  updateMessageStatus(
    messageId: string,
    update: { status: GhlMessageDeliveryStatus; emailMessageId?: string; recipients?: readonly string[]; error?: Readonly<Record<string, unknown>> },
    options?: GhlCallOptions,
  ): Promise<void>;
}

const conversationsAnswer = z.object({ conversations: z.array(ghlConversationSchema).default([]), total: z.number().optional() }).loose();
const emptyAnswer = z.object({}).loose();

/** Builds the conversations resource over a request function. @internal */
export function createConversationsResource(request: GhlRequestFunction, locationId: string): ConversationsResource {
  return {
    search: async (search = {}, options) => {
      const schema = conversationsAnswer;
      const query = { ...search, locationId };
      const result = await request({ method: 'GET', path: '/conversations/search', query, schema, ...callFields(options) });
      return { conversations: result.conversations, total: result.total ?? result.conversations.length };
    },
    getMessages: (conversationId, page = {}, options) =>
      request({
        method: 'GET',
        path: '/conversations/{conversationId}/messages',
        pathParams: { conversationId },
        query: { ...page },
        schema: ghlMessagePageSchema,
        ...callFields(options),
      }),
    getMessage: (messageId, options) =>
      request({ method: 'GET', path: '/conversations/messages/{id}', pathParams: { id: messageId }, schema: ghlMessageEnvelopeSchema, ...callFields(options) }),
    sendMessage: (input, options) =>
      request({
        method: 'POST',
        path: '/conversations/messages',
        body: compact({ ...input, subType: input.subType ?? input.type, status: input.status ?? 'pending' }),
        schema: ghlSendMessageResultSchema,
        ...callFields(options),
      }),
    updateMessageStatus: async (messageId, update, options) => {
      const schema = emptyAnswer;
      const path = '/conversations/messages/{messageId}/status';
      await request({ method: 'PUT', path, pathParams: { messageId }, body: compact({ ...update }), schema, ...callFields(options) });
    },
  };
}
