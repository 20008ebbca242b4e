import {
  contactSchema,
  EnterpriseHubError,
  toEnterpriseHubError,
  type Contact,
  type JsonValue,
} from '@enterprisehub/core';
import { INBOUND_MESSAGE_JOB } from '../scheduling/bot-jobs';
import { newConversation } from './new-conversation';
import { commitDraft } from './commit-draft';
import { runInboundTurn } from './inbound-turn';
import { parseInboundMessageEvent, type InboundMessageEvent } from './inbound-event';
import { contactLockKey, processedId, type OrchestratorContext } from './orchestrator-context';
import { createDraft } from './turn-draft';
import type { NoReplyReason, TurnResult } from './turn-result';
import { skipInbound, toResult } from './turn-outcome';

/** How stale `lastActivityAt` may get before a turn rewrites the contact just to refresh it, ms. */
const ACTIVITY_REFRESH_MS = 15 * 60 * 1000;

/**
 * The contact with details from the event filled in (never overwriting stored values); `dirty` when it must be
 * written: new, details added, or last activity older than {@link ACTIVITY_REFRESH_MS}.
 */
function mergeContact(
  existing: Contact | undefined,
  event: InboundMessageEvent,
  now: number,
): { contact: Contact; dirty: boolean } {
  const base =
    existing ??
    contactSchema.parse({
      tenantId: event.tenantId,
      id: event.contactId,
      createdAt: now,
      updatedAt: now,
    });
  const filled = Object.fromEntries(
    Object.entries(event.contact ?? {}).filter(
      ([key, value]) => value !== undefined && base[key as keyof Contact] === undefined,
    ),
  );
  const stale = now - (base.lastActivityAt ?? 0) >= ACTIVITY_REFRESH_MS;
  const dirty = existing === undefined || Object.keys(filled).length > 0 || stale;
  return {
    contact: dirty ? { ...base, ...filled, lastActivityAt: now, updatedAt: now } : base,
    dirty,
  };
}

async function requeue(
  ctx: OrchestratorContext,
  event: InboundMessageEvent,
  started: number,
): Promise<TurnResult> {
  const scheduler = ctx.scheduler;
  if (!scheduler) {
    throw new EnterpriseHubError({
      code: 'LOCK_NOT_ACQUIRED',
      message: 'The contact is busy with another turn.',
      details: { tenantId: event.tenantId },
    });
  }
  await scheduler.enqueue(event.tenantId, {
    name: INBOUND_MESSAGE_JOB,
    jobId: `inbound:${event.messageId}`,
    payload: JSON.parse(JSON.stringify(event)) as JsonValue,
    orderingKey: event.contactId,
    delayMs: ctx.settings.requeueDelayMs,
  });
  return {
    tenantId: event.tenantId,
    contactId: event.contactId,
    messageId: event.messageId,
    reply: { kind: 'none', reason: 'requeued' },
    actions: [],
    decisions: [],
    durationMs: ctx.clock.now() - started,
  };
}

/**
 * Handles one inbound message: parse, tenant gate, duplicate check, contact lock (wait briefly, else re-queue —
 * never drop), then up to three attempts of turn + commit (a version conflict reloads the state and runs again),
 * then marks the message processed. @internal
 */
export async function handleInbound(ctx: OrchestratorContext, input: unknown): Promise<TurnResult> {
  const event = parseInboundMessageEvent(input);
  const started = ctx.clock.now();
  const { tenantId, contactId, messageId } = event;
  const tenant = ctx.tenants.get(tenantId);
  const gate: NoReplyReason | undefined = !tenant
    ? 'tenant_unknown'
    : !tenant.enabled
      ? 'tenant_disabled'
      : tenant.maintenance
        ? 'tenant_maintenance'
        : undefined;
  if (!tenant || gate)
    return skipInbound(ctx, { event, reason: gate ?? 'tenant_unknown', started });
  if (await ctx.ports.inbox.has({ tenantId, id: processedId(messageId) }))
    return skipInbound(ctx, { event, reason: 'duplicate', started });
  const lock = await ctx.ports.locks.acquire({
    tenantId,
    key: contactLockKey(contactId),
    ttlMs: ctx.settings.lockTtlMs,
    waitMs: ctx.settings.lockWaitMs,
  });
  if (!lock) return requeue(ctx, event, started);
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const now = ctx.clock.now();
      const stored = await ctx.ports.conversations.get({ tenantId, contactId });
      if (
        stored?.messages.some((message) => message.id === messageId) ||
        (await ctx.ports.inbox.has({ tenantId, id: processedId(messageId) }))
      ) {
        return skipInbound(ctx, { event, reason: 'duplicate', started });
      }
      if (attempt === 0)
        ctx.events.emit('message.received', {
          tenantId,
          at: now,
          contactId,
          messageId,
          channel: event.channel,
        });
      const merged = mergeContact(
        await ctx.ports.contacts.get({ tenantId, contactId }),
        event,
        now,
      );
      const draft = createDraft({
        tenant,
        state: stored ?? newConversation(tenant, contactId, now),
        contact: merged.contact,
        correlationId: `msg:${messageId}`,
        sourceId: messageId,
        now,
        receivedAt: event.receivedAt,
      });
      draft.contactDirty = merged.dirty;
      try {
        await runInboundTurn(ctx, draft, event);
      } catch (error) {
        const code = toEnterpriseHubError(error).code;
        ctx.events.emit('error.raised', {
          tenantId,
          at: ctx.clock.now(),
          code,
          bot: draft.state.activeBot,
        });
        ctx.events.emit('bot.turn.completed', {
          tenantId,
          at: ctx.clock.now(),
          contactId,
          bot: draft.state.activeBot,
          operation: 'process',
          durationMs: ctx.clock.now() - started,
          success: false,
          errorCode: code,
        });
        throw error;
      }
      if (await commitDraft(ctx, draft)) {
        await ctx.ports.inbox.markSeen({
          tenantId,
          id: processedId(messageId),
          ttlMs: ctx.settings.processedTtlMs,
        });
        return toResult(ctx, draft);
      }
    }
    throw new EnterpriseHubError({
      code: 'STORE_CONFLICT',
      message: 'The conversation kept changing during the turn.',
      details: { tenantId },
    });
  } finally {
    await ctx.ports.locks.release({ tenantId, lock }).catch(() => false);
  }
}
