import type { BotName, MessageChannel } from '@enterprisehub/core';
import type { ComplianceCheckInput, ComplianceResult } from '../compliance/compliance-types';
import { DEFERRED_SEND_JOB } from '../scheduling/bot-jobs';
import { escalate } from './escalation';
import type { OrchestratorContext } from './orchestrator-context';
import { addActions, addEvent, recordOutbound, toAction, type TurnDraft } from './turn-draft';
import type { ReplySource } from './turn-result';

/** A message about to leave: text, channel, author. @internal */
export interface OutgoingMessage {
  text: string;
  channel: MessageChannel;
  bot?: BotName | undefined;
  source: ReplySource;
}

const EVENT_FOR = {
  block: 'compliance.blocked',
  rewrite: 'compliance.rewritten',
  defer: 'compliance.deferred',
} as const;

function record(draft: TurnDraft, input: ComplianceCheckInput, result: ComplianceResult): void {
  draft.compliance.push({ input, result });
  draft.decisions.push({ type: 'compliance', kind: result.kind, rules: result.rules });
  if (result.kind !== 'allow')
    addEvent(draft, EVENT_FOR[result.kind], { contactId: draft.contactId, rules: result.rules });
}

function replied(ctx: OrchestratorContext, draft: TurnDraft, bot: BotName | undefined): void {
  if (bot)
    addEvent(draft, 'bot.replied', {
      contactId: draft.contactId,
      bot,
      durationMs: Math.max(0, ctx.clock.now() - draft.receivedAt),
    });
}

/** Queues a message already recorded in the conversation (as `messageId`) for delivery now. @internal */
export function queueSend(draft: TurnDraft, message: OutgoingMessage, messageId: string): void {
  addActions(draft, {
    type: 'sendMessage',
    channel: message.channel,
    body: message.text,
    messageId,
  });
  draft.reply = {
    kind: 'sent',
    text: message.text,
    channel: message.channel,
    messageId,
    source: message.source,
    ...(message.bot ? { bot: message.bot } : {}),
  };
}

/** Records the message in the conversation and queues it for delivery now (outbox). @internal */
export function deliver(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  message: OutgoingMessage,
): void {
  queueSend(draft, message, recordOutbound(draft, message));
  replied(ctx, draft, message.bot);
}

function defer(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  message: OutgoingMessage & { until: number },
): void {
  const { until } = message;
  const messageId = recordOutbound(draft, message);
  const bot = message.bot ?? draft.state.activeBot;
  if (ctx.scheduler) {
    draft.jobs.push({
      name: DEFERRED_SEND_JOB,
      jobId: `deferred:${draft.contactId}:${messageId}`,
      runAt: until,
      payload: {
        contactId: draft.contactId,
        messageId,
        channel: message.channel,
        text: message.text,
        bot,
        correlationId: draft.correlationId,
      },
      orderingKey: draft.contactId,
    });
  } else {
    const action = toAction(draft, {
      type: 'sendMessage',
      channel: message.channel,
      body: message.text,
      messageId,
    });
    draft.delayed.push({ action, availableAt: until });
  }
  draft.reply = {
    kind: 'deferred',
    text: message.text,
    channel: message.channel,
    messageId,
    until,
    source: message.source,
    ...(message.bot ? { bot: message.bot } : {}),
  };
  replied(ctx, draft, message.bot);
}

/**
 * The send boundary: every bot-written message passes the compliance guard here, whatever produced it. `allow` and
 * `rewrite` are delivered, `defer` is held until quiet hours end (a deferred-send job, or an outbox entry due then
 * when there is no scheduler), `block` sends the guard's compliant fallback when there is one and escalates when
 * the guard asks for a human. Nothing is silently dropped: every outcome is recorded. @internal
 */
export async function sendThroughGuard(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  message: OutgoingMessage,
): Promise<void> {
  const { guard } = ctx.services(draft.tenant);
  const contact = draft.contact;
  const input: ComplianceCheckInput = {
    text: message.text,
    channel: message.channel,
    now: draft.now,
    firstContact: draft.state.lastOutboundAt === undefined,
    contact: {
      id: draft.contactId,
      timeZone: contact?.timeZone,
      dnd: contact?.dnd,
      lifecycleStage: contact?.lifecycleStage,
    },
    trecNoticeSent: draft.state.attributes['trecNoticeSent'] === true,
    correlationId: draft.correlationId,
  };
  let result = await guard.check(input);
  record(draft, input, result);
  if (result.kind === 'block') {
    if (result.escalate) escalate(draft, 'compliance');
    if (result.fallbackText === undefined) {
      draft.reply = {
        kind: 'none',
        reason: result.rules.includes('consent.dnd') ? 'opted_out' : 'compliance_blocked',
      };
      return;
    }
    const retry = { ...input, text: result.fallbackText };
    result = await guard.check(retry);
    record(draft, retry, result);
    if (result.kind === 'block') {
      draft.reply = { kind: 'none', reason: 'compliance_blocked' };
      return;
    }
  }
  if (result.rules.includes('disclosure.trec_iabs'))
    draft.state.attributes['trecNoticeSent'] = true;
  if (result.kind === 'defer')
    defer(ctx, draft, { ...message, text: result.text, until: result.until });
  else deliver(ctx, draft, { ...message, text: result.text });
}
