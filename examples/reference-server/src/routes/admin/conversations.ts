/** Admin routes: conversations, contact controls (pause, resume, release escalation), export and erasure. */
import type { ConversationState } from '@enterprisehub/core';
import { z } from 'zod';
import {
  auditAccess,
  notFound,
  tenantOfContact,
  tenantsInScope,
  type AdminContext,
} from '../../admin/admin-context';
import { defineRoute, type AdminRoute } from '../../admin/route-spec';

const tenantQuery = z.object({
  tenantId: z.string().min(1).optional().meta({
    description: 'Tenant to act on (all-tenant keys; defaults to the tenant holding the contact).',
  }),
});

const conversationItemSchema = z.object({
  tenantId: z.string(),
  contactId: z.string(),
  bot: z.string(),
  stage: z.string(),
  score: z.number().nullable(),
  temperature: z.string().nullable(),
  paused: z.boolean(),
  escalated: z.boolean(),
  lastMessage: z
    .object({ direction: z.enum(['inbound', 'outbound']), text: z.string(), at: z.number() })
    .nullable(),
  updatedAt: z.number(),
});

const conversationDetailSchema = conversationItemSchema.extend({
  scoreDetail: z
    .object({
      value: z.number(),
      temperature: z.string(),
      reasons: z.array(z.string()),
      scoredAt: z.number(),
    })
    .nullable(),
  facts: z.record(z.string(), z.unknown()),
  messages: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['inbound', 'outbound']),
      author: z.string(),
      bot: z.string().optional(),
      channel: z.string(),
      text: z.string(),
      at: z.number(),
    }),
  ),
  handoffs: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      confidence: z.number(),
      at: z.number(),
      reason: z.string().optional(),
    }),
  ),
  pauseReason: z.string().optional(),
  turnCount: z.number(),
  createdAt: z.number(),
});

function toItem(state: ConversationState): z.output<typeof conversationItemSchema> {
  const last = state.messages.at(-1);
  return {
    tenantId: state.tenantId,
    contactId: state.contactId,
    bot: state.activeBot,
    stage: state.stage,
    score: state.score?.value ?? null,
    temperature: state.score?.temperature ?? null,
    paused: state.paused,
    escalated: state.escalated,
    lastMessage: last ? { direction: last.direction, text: last.body, at: last.createdAt } : null,
    updatedAt: state.updatedAt,
  };
}

function toDetail(state: ConversationState): z.output<typeof conversationDetailSchema> {
  return {
    ...toItem(state),
    scoreDetail: state.score
      ? {
          value: state.score.value,
          temperature: state.score.temperature,
          reasons: state.score.reasons,
          scoredAt: state.score.scoredAt,
        }
      : null,
    facts: state.facts,
    messages: state.messages.map((message) => ({
      id: message.id,
      direction: message.direction,
      author: message.author,
      ...(message.bot === undefined ? {} : { bot: message.bot }),
      channel: message.channel,
      text: message.body,
      at: message.createdAt,
    })),
    handoffs: state.handoffs,
    ...(state.pauseReason === undefined ? {} : { pauseReason: state.pauseReason }),
    turnCount: state.turnCount,
    createdAt: state.createdAt,
  };
}

/** Conversation and contact routes. */
export function conversationRoutes(context: AdminContext): AdminRoute[] {
  const { runtime } = context;
  const { stores } = runtime;
  const contactOf = async (options: {
    caller: Parameters<typeof tenantOfContact>[1]['caller'];
    requested: string | undefined;
    contactId: string;
  }): Promise<{ tenantId: string; contactId: string }> => ({
    tenantId: await tenantOfContact(context, options),
    contactId: options.contactId,
  });
  const control = (name: 'pause' | 'resume' | 'release-escalation'): AdminRoute =>
    defineRoute({
      method: 'post',
      path: `/contacts/:contactId/${name}`,
      tag: 'contacts',
      summary:
        name === 'pause'
          ? 'Pause the bots for a contact (an agent took over; messages still recorded).'
          : name === 'resume'
            ? 'Resume the bots for a paused contact.'
            : 'Release a human escalation: the bots may answer the contact again.',
      query: tenantQuery,
      response: conversationItemSchema,
      handle: async ({ caller, query, params, requestId }) => {
        const target = await contactOf({
          caller,
          requested: query.tenantId,
          contactId: params['contactId'] ?? '',
        });
        const options = { ...target, actorId: caller.keyId };
        if (name === 'pause') await runtime.bots.pause(options);
        else if (name === 'resume') await runtime.bots.resume(options);
        else await runtime.bots.releaseEscalation(options);
        await auditAccess(context, {
          caller,
          ...target,
          action: `contacts.${name}`,
          requestId,
        });
        const state = await stores.conversations.get(target);
        if (!state) throw notFound('conversation');
        return { body: toItem(state) };
      },
    });
  return [
    defineRoute({
      method: 'get',
      path: '/conversations',
      tag: 'conversations',
      summary: 'Recent conversations with bot, stage, score and last message, most recent first.',
      query: z.object({
        tenantId: z.string().min(1).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: z.object({ items: z.array(conversationItemSchema) }),
      handle: async ({ caller, query, requestId }) => {
        const tenantIds = tenantsInScope(context, caller, query.tenantId);
        const lists = await Promise.all(
          tenantIds.map((tenantId) =>
            stores.conversations.list({ tenantId, order: 'desc', limit: query.limit }),
          ),
        );
        const items = lists
          .flat()
          .sort((a, b) => b.updatedAt - a.updatedAt)
          .slice(0, query.limit);
        for (const tenantId of tenantIds) {
          const contactIds = items
            .filter((item) => item.tenantId === tenantId)
            .map((item) => item.contactId);
          if (contactIds.length === 0) continue;
          await auditAccess(context, {
            caller,
            tenantId,
            action: 'conversations.list',
            requestId,
            data: { contactIds },
          });
        }
        return { body: { items: items.map(toItem) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/conversations/:contactId',
      tag: 'conversations',
      summary:
        'One conversation: active bot, stage, score with reasons, facts, messages and handoff history.',
      query: tenantQuery,
      response: conversationDetailSchema,
      handle: async ({ caller, query, params, requestId }) => {
        const target = await contactOf({
          caller,
          requested: query.tenantId,
          contactId: params['contactId'] ?? '',
        });
        const state = await stores.conversations.get(target);
        if (!state) throw notFound('conversation');
        await auditAccess(context, {
          caller,
          ...target,
          action: 'conversations.get',
          requestId,
        });
        return { body: toDetail(state) };
      },
    }),
    control('pause'),
    control('resume'),
    control('release-escalation'),
    defineRoute({
      method: 'get',
      path: '/contacts/:contactId/export',
      tag: 'contacts',
      summary: 'Export everything stored about a contact (right of access); audited.',
      query: tenantQuery,
      handle: async ({ caller, query, params, requestId }) => {
        const target = await contactOf({
          caller,
          requested: query.tenantId,
          contactId: params['contactId'] ?? '',
        });

        const exported = await stores.exportContact({
          ...target,
          actor: { kind: 'api_key', id: caller.keyId },
          ...(requestId ? { correlationId: requestId } : {}),
        });
        return { body: exported };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/contacts/:contactId',
      tag: 'contacts',
      summary: 'Erase a contact’s data across tables (right to erasure); audited as `data.erased`.',
      query: tenantQuery,
      response: z.object({
        contact: z.boolean(),
        conversation: z.boolean(),
        outboxEntries: z.number(),
        inboxPayloads: z.number(),
        auditEventId: z.string(),
      }),
      handle: async ({ caller, query, params, requestId }) => {
        const target = await contactOf({
          caller,
          requested: query.tenantId,
          contactId: params['contactId'] ?? '',
        });

        const erased = await stores.eraseContact({
          ...target,
          actor: { kind: 'api_key', id: caller.keyId },
          ...(requestId ? { correlationId: requestId } : {}),
        });
        runtime.logger.info({ tenantId: target.tenantId, by: caller.keyId }, 'contact erased');
        return { body: erased };
      },
    }),
  ];
}
