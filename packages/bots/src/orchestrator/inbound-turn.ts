import type { ConversationState } from '@enterprisehub/core';
import { createTemplateRenderer } from '../templates/template-renderer';
import { botTurn } from './bot-turn';
import { planFollowUps } from './commit-draft';
import { escalate, setStage } from './escalation';
import type { InboundMessageEvent } from './inbound-event';
import { help, isOptedOut, optIn, optOut } from './inbound-gates';
import { nluHistory } from './nlu-history';
import type { OrchestratorContext } from './orchestrator-context';
import { sendThroughGuard } from './send-boundary';
import { recordTemplateOutcome } from './template-outcomes';
import { addActions, type TurnDraft } from './turn-draft';
import type { NoReplyReason } from './turn-result';

/** A dormant lead replied: back to the stage it went quiet in, `dormant` tag removed. */
function reactivate(draft: TurnDraft): void {
  const previous = draft.state.attributes['stageBeforeDormant'];
  setStage(
    draft,
    typeof previous === 'string' ? (previous as ConversationState['stage']) : 'qualifying',
  );
  delete draft.state.attributes['stageBeforeDormant'];
  addActions(draft, { type: 'removeTags', tags: ['dormant'] });
}

/** Steps 3–6 for one inbound message (opt-out, HELP, escalation, silence, the bot turn), accumulated in `draft`. @internal */
export async function runInboundTurn(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  event: InboundMessageEvent,
): Promise<void> {
  const { state } = draft;
  const history = nluHistory(state.messages);
  const previousInbound = state.messages
    .filter((message) => message.direction === 'inbound')
    .map((message) => message.body);
  recordTemplateOutcome(draft, 'replied');
  state.messages.push({
    id: event.messageId,
    contactId: event.contactId,
    ...(event.conversationId ? { conversationId: event.conversationId } : {}),
    direction: 'inbound',
    channel: event.channel,
    author: 'lead',
    body: event.body,
    createdAt: event.receivedAt,
    attachments: [],
  });
  state.lastInboundAt = Math.max(state.lastInboundAt ?? 0, event.receivedAt);
  if (state.stage === 'dormant') reactivate(draft);
  const services = ctx.services(draft.tenant);
  const classification = services.guard.classifyInbound(event.body, { history: previousInbound });
  const channel = event.channel;
  if (isOptedOut(draft, channel)) {
    if (classification.kind === 'opt_in') optIn(ctx, draft, { channel, classification });
    else draft.reply = { kind: 'none', reason: 'opted_out' };
    return;
  }
  if (classification.kind === 'opt_out') return optOut(ctx, draft, { channel, classification });
  if (classification.kind === 'help')
    return help(ctx, draft, { channel, reply: classification.reply });
  const silent: NoReplyReason | undefined = state.escalated
    ? 'escalated'
    : state.paused
      ? 'paused'
      : undefined;
  if (silent) {
    draft.reply = { kind: 'none', reason: silent };
    return;
  }
  if (classification.kind === 'escalate') {
    escalate(draft, classification.reason);
    const templates = createTemplateRenderer({
      tenant: draft.tenant,
      contactId: draft.contactId,
      overrides: services.templates,
    });
    const text = templates.render('escalation.ack').text;
    draft.templates.push(...templates.used);
    return sendThroughGuard(ctx, draft, { text, channel, bot: state.activeBot, source: 'rules' });
  }
  if (event.body.trim().length === 0) return;
  await botTurn(ctx, draft, {
    text: event.body,
    channel,
    messageId: event.messageId,
    history,
    firstName: event.contact?.firstName,
  });
  planFollowUps(ctx, draft);
}
