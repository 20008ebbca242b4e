import type { FakeRecord } from './fake-ghl-state';
import { fail, find, iso, isResult, ok, text, validate, type FakeRoute, type FakeRouteContext } from './fake-route';

const SEND_TYPES: Record<string, { messageType: string; type: number }> = {
  SMS: { messageType: 'TYPE_SMS', type: 2 },
  RCS: { messageType: 'TYPE_RCS', type: 2 },
  Email: { messageType: 'TYPE_EMAIL', type: 3 },
  WhatsApp: { messageType: 'TYPE_WHATSAPP', type: 19 },
  IG: { messageType: 'TYPE_INSTAGRAM', type: 18 },
  FB: { messageType: 'TYPE_FACEBOOK', type: 11 },
  Custom: { messageType: 'TYPE_CUSTOM_SMS', type: 20 },
  Live_Chat: { messageType: 'TYPE_LIVE_CHAT', type: 29 },
  TIKTOK: { messageType: 'TYPE_TIKTOK', type: 37 },
};

const SEND_FIELDS = [
  'type', 'subType', 'contactId', 'appointmentId', 'attachments', 'emailFrom', 'emailCc', 'emailBcc', 'html', 'message',
  'subject', 'replyMessageId', 'templateId', 'threadId', 'scheduledTimestamp', 'conversationProviderId', 'emailTo',
  'customSubtypeId', 'emailReplyMode', 'fromNumber', 'toNumber', 'forward', 'status', 'usesNativeSchedulingAi', 'optimizationPeriod',
];

/** Finds or opens the conversation of a contact. @internal */
export function conversationFor(context: Pick<FakeRouteContext, 'state' | 'locationId' | 'now'>, contactId: string): FakeRecord {
  const existing = context.state.inLocation(context.state.conversations, context.locationId).find((conversation) => conversation['contactId'] === contactId);
  if (existing !== undefined) return existing;
  const conversation: FakeRecord = { id: context.state.nextId('cv'), locationId: context.locationId, contactId, type: 'TYPE_PHONE', unreadCount: 0, dateAdded: context.now };
  context.state.conversations.set(conversation.id, conversation);
  return conversation;
}

/** Stores a message and updates its conversation's last-message fields. @internal */
export function addMessage(
  context: Pick<FakeRouteContext, 'state' | 'locationId' | 'now'>,
  message: { contactId: string; body: string; direction: 'inbound' | 'outbound'; messageType: string; type: number; extra?: Record<string, unknown> },
): FakeRecord {
  const conversation = conversationFor(context, message.contactId);
  const record: FakeRecord = {
    id: context.state.nextId('ms'),
    locationId: context.locationId,
    contactId: message.contactId,
    conversationId: conversation.id,
    type: message.type,
    messageType: message.messageType,
    body: message.body,
    direction: message.direction,
    status: message.direction === 'inbound' ? 'delivered' : 'sent',
    contentType: 'text/plain',
    attachments: [],
    dateAdded: iso(context.now),
    ...message.extra,
  };
  context.state.messages.set(record.id, record);
  Object.assign(conversation, {
    lastMessageBody: message.body,
    lastMessageType: message.messageType,
    lastMessageDirection: message.direction,
    dateUpdated: context.now,
    unreadCount: (conversation['unreadCount'] as number) + (message.direction === 'inbound' ? 1 : 0),
  });
  return record;
}

/** Conversations API routes of the fake. @internal */
export const FAKE_CONVERSATION_ROUTES: Record<string, FakeRoute> = {
  'GET /conversations/search': (context) => {
    if (context.query.get('locationId') === null) return fail(422, ['locationId should not be empty']);
    const contactId = context.query.get('contactId');
    const limit = Number(context.query.get('limit') ?? 20);
    const all = context.state
      .inLocation(context.state.conversations, context.locationId)
      .filter((conversation) => contactId === null || conversation['contactId'] === contactId)
      .sort((left, right) => Number(right['dateUpdated'] ?? 0) - Number(left['dateUpdated'] ?? 0));
    return ok({ conversations: all.slice(0, limit), total: all.length });
  },
  'GET /conversations/{conversationId}/messages': (context) => {
    const conversation = find(context.state.conversations, context.params['conversationId'], context);
    if (isResult(conversation)) return conversation;
    const limit = Number(context.query.get('limit') ?? 20);
    const all = [...context.state.messages.values()].filter((message) => message['conversationId'] === conversation.id).reverse();
    const after = context.query.get('lastMessageId');
    const start = after === null ? 0 : all.findIndex((message) => message.id === after) + 1;
    const page = all.slice(start, start + limit);
    return ok({ lastMessageId: page.at(-1)?.id ?? '', nextPage: start + limit < all.length, messages: page });
  },
  'GET /conversations/messages/{id}': (context) => {
    const message = find(context.state.messages, context.params['id'], context);
    return isResult(message) ? message : ok(message);
  },
  'POST /conversations/messages': (context) => {
    const invalid = validate(context.body, { required: ['type', 'contactId'], allowed: SEND_FIELDS });
    if (invalid !== undefined) return invalid;
    const channel = SEND_TYPES[text(context.body['type']) ?? ''];
    if (channel === undefined) return fail(422, ['type must be one of the following values: SMS, RCS, Email, WhatsApp, IG, FB, Custom, Live_Chat, TIKTOK']);
    const contact = find(context.state.contacts, text(context.body['contactId']), context);
    if (isResult(contact)) return fail(400, 'Contact not found');
    const body = text(context.body['message']) ?? text(context.body['html']) ?? '';
    const extra = { source: 'api', ...(context.body['subject'] === undefined ? {} : { subject: context.body['subject'] }) };
    const message = addMessage(context, { contactId: contact.id, body, direction: 'outbound', ...channel, extra });
    return ok({ conversationId: message['conversationId'], messageId: message.id, msg: 'Message queued successfully.', status: 'pending' });
  },
  'PUT /conversations/messages/{messageId}/status': (context) => {
    const invalid = validate(context.body, { required: ['status'], allowed: ['status', 'error', 'emailMessageId', 'recipients'] });
    if (invalid !== undefined) return invalid;
    const message = find(context.state.messages, context.params['messageId'], context);
    if (isResult(message)) return message;
    message['status'] = context.body['status'];
    return ok({ conversationId: message['conversationId'], messageId: message.id, status: message['status'] });
  },
};
