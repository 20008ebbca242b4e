import type { InboundMessageEvent } from './inbound-event';
import { processedId, type OrchestratorContext } from './orchestrator-context';
import type { TurnDraft } from './turn-draft';
import type { NoReplyReason, TurnResult } from './turn-result';

const ERROR_FOR: Partial<Record<NoReplyReason, string>> = {
  tenant_unknown: 'TENANT_NOT_FOUND',
  tenant_disabled: 'TENANT_DISABLED',
};

/**
 * Ends an inbound message without a turn (unknown, disabled or maintenance tenant, duplicate): records why (audit
 * `inbound.skipped`; `error.raised` for unknown and disabled tenants) and returns a result with no reply. Unknown and
 * disabled tenants' messages are marked processed; maintenance leaves them unmarked so a redelivery after
 * maintenance is handled. @internal
 */
export async function skipInbound(
  ctx: OrchestratorContext,
  input: { event: InboundMessageEvent; reason: NoReplyReason; started: number },
): Promise<TurnResult> {
  const { event, reason, started } = input;
  const { tenantId, contactId, messageId } = event;
  const at = ctx.clock.now();
  if (reason !== 'duplicate') {
    await ctx.ports.audit.append({
      tenantId,
      event: {
        id: `${tenantId}:msg:${messageId}:skipped`,
        tenantId,
        contactId,
        type: 'inbound.skipped',
        actor: { kind: 'system', id: 'bot-orchestrator' },
        at,
        correlationId: `msg:${messageId}`,
        data: { reason, channel: event.channel },
      },
    });
    const code = ERROR_FOR[reason];
    if (code) ctx.events.emit('error.raised', { tenantId, at, code });
    if (reason !== 'tenant_maintenance') {
      await ctx.ports.inbox.markSeen({
        tenantId,
        id: processedId(messageId),
        ttlMs: ctx.settings.processedTtlMs,
      });
    }
  }
  return {
    tenantId,
    contactId,
    messageId,
    reply: { kind: 'none', reason },
    actions: [],
    decisions: [],
    durationMs: at - started,
  };
}

/** The caller-facing result of a committed turn. @internal */
export function toResult(ctx: OrchestratorContext, draft: TurnDraft): TurnResult {
  return {
    tenantId: draft.tenant.id,
    contactId: draft.contactId,
    messageId: draft.sourceId,
    reply: draft.reply,
    bot: draft.state.activeBot,
    actions: draft.actions,
    decisions: draft.decisions,
    ...(draft.state.score ? { score: draft.state.score } : {}),
    durationMs: ctx.clock.now() - draft.started,
  };
}
