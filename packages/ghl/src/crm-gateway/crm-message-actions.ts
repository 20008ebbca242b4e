import type { CrmActionOf, CrmExecuteResult, MessageChannel } from '@enterprisehub/core';
import type { GhlOutboundMessageType } from '../resources/conversation-schemas';
import { createOnce, type CrmActionContext } from './crm-action-context';

const SEND_TYPES: Partial<Record<MessageChannel, GhlOutboundMessageType>> = {
  SMS: 'SMS',
  Email: 'Email',
  WhatsApp: 'WhatsApp',
  LiveChat: 'Live_Chat',
  Facebook: 'FB',
  Instagram: 'IG',
};

/** Margin for clock differences when matching an earlier attempt's message by time. */
const SKEW_MS = 120_000;

async function findSentMessage(context: CrmActionContext, action: CrmActionOf<'sendMessage'>, since: number): Promise<string | undefined> {
  const { conversations } = await context.client.conversations.search({ contactId: action.contactId, limit: 5 }, { signal: context.signal });
  for (const conversation of conversations) {
    const page = await context.client.conversations.getMessages(conversation.id, { limit: 20 }, { signal: context.signal });
    const match = page.messages.find(
      (message) =>
        message.direction === 'outbound' &&
        (message.body ?? '').trim() === action.body.trim() &&
        Date.parse(message.dateAdded ?? '') >= since - SKEW_MS,
    );
    if (match !== undefined) return match.id;
  }
  return undefined;
}

/**
 * `sendMessage` → `POST /conversations/messages` on the channel's GHL type. Never sends twice: an earlier
 * attempt that may have landed is looked up in the contact's conversation (same text, sent since) first.
 * GMB and Call cannot be sent through the API and are skipped. @internal
 */
export async function sendMessageAction(context: CrmActionContext, action: CrmActionOf<'sendMessage'>): Promise<CrmExecuteResult> {
  const type = SEND_TYPES[action.channel];
  if (type === undefined) return { kind: 'skipped', reason: `channel_unsupported:${action.channel}` };
  return createOnce(context, {
    lookup: (since) => findSentMessage(context, action, since),
    create: async () => {
      const email = type === 'Email' ? { html: action.body, subject: action.subject ?? '' } : { message: action.body };
      const result = await context.client.conversations.sendMessage({ type, contactId: action.contactId, ...email }, { signal: context.signal, priority: 'high' });
      return result.messageId;
    },
  });
}
