import { conversationStateSchema, type ConversationState, type Tenant } from '@enterprisehub/core';

/** The conversation a first message starts: the Lead bot (or the first enabled bot), stage `new`, version 0. @internal */
export function newConversation(tenant: Tenant, contactId: string, now: number): ConversationState {
  return conversationStateSchema.parse({
    tenantId: tenant.id,
    contactId,
    activeBot: tenant.enabledBots.includes('lead') ? 'lead' : tenant.enabledBots[0],
    stage: 'new',
    createdAt: now,
    updatedAt: now,
    version: 0,
  });
}
