import { EnterpriseHubError, type Job, type JsonValue } from '@enterprisehub/core';
import {
  DEFERRED_SEND_JOB,
  deferredSendJobSchema,
  DORMANT_AFTER_MS,
  DORMANT_CHECK_JOB,
  dormantJobSchema,
  INBOUND_MESSAGE_JOB,
  NURTURE_FOLLOW_UP_JOB,
} from '../scheduling/bot-jobs';
import { QUALIFYING_STAGES } from '../scheduling/nurture-planner';
import { setStage } from './escalation';
import { handleInbound } from './inbound-pipeline';
import { isOptedOut } from './inbound-gates';
import { runJobTurn } from './job-turn';
import { nurtureFollowUp } from './nurture-job';
import type { OrchestratorContext } from './orchestrator-context';
import { queueSend } from './send-boundary';
import { addActions, addAudit } from './turn-draft';
import type { TurnResult } from './turn-result';

/** 48 h without a reply mid-qualification: stage `dormant`, tag, opportunity stage, audit. No message is sent. */
async function dormantCheck(
  ctx: OrchestratorContext,
  job: Job<JsonValue>,
): Promise<TurnResult | undefined> {
  const payload = dormantJobSchema.parse(job.payload);
  const correlationId = `job:${job.id}:${payload.anchorAt}`;
  return runJobTurn(
    ctx,
    { tenantId: job.tenantId, contactId: payload.contactId, correlationId, sourceId: job.id },
    async (draft) => {
      const { state } = draft;
      if (state.lastInboundAt !== payload.anchorAt || !QUALIFYING_STAGES.has(state.stage))
        return false;
      if (draft.now - payload.anchorAt < DORMANT_AFTER_MS) return false;
      state.attributes['stageBeforeDormant'] = state.stage;
      setStage(draft, 'dormant');
      addActions(draft, { type: 'addTags', tags: ['dormant'] });
      if (state.attributes['opportunityCreated'] === true)
        addActions(draft, { type: 'moveOpportunityStage', stage: 'dormant' });
      addAudit(draft, {
        type: 'contact.dormant',
        bot: state.activeBot,
        data: { silentForMs: draft.now - payload.anchorAt },
      });
      return Promise.resolve(true);
    },
  );
}

/** Sends a reply held by quiet hours, after checking the guard again (opt-outs and escalations since then win). */
async function deferredSend(
  ctx: OrchestratorContext,
  job: Job<JsonValue>,
): Promise<TurnResult | undefined> {
  const payload = deferredSendJobSchema.parse(job.payload);
  return runJobTurn(
    ctx,
    {
      tenantId: job.tenantId,
      contactId: payload.contactId,
      correlationId: `job:${job.id}`,
      sourceId: job.id,
    },
    async (draft) => {
      const { state } = draft;
      if (isOptedOut(draft, payload.channel) || state.escalated || state.paused) {
        addAudit(draft, {
          type: 'message.deferred_cancelled',
          bot: payload.bot,
          data: {
            reason: state.escalated ? 'escalated' : state.paused ? 'paused' : 'opted_out',
            messageId: payload.messageId,
          },
        });
        draft.reply = {
          kind: 'none',
          reason: state.escalated ? 'escalated' : state.paused ? 'paused' : 'opted_out',
        };
        return true;
      }
      const { guard } = ctx.services(draft.tenant);
      const contact = draft.contact;
      const result = await guard.check({
        text: payload.text,
        channel: payload.channel,
        now: draft.now,
        firstContact: false,
        trecNoticeSent: true,
        contact: {
          id: draft.contactId,
          timeZone: contact?.timeZone,
          dnd: contact?.dnd,
          lifecycleStage: contact?.lifecycleStage,
        },
        correlationId: payload.correlationId,
      });
      if (result.kind === 'defer') {
        draft.jobs.push({
          name: DEFERRED_SEND_JOB,
          jobId: job.id,
          runAt: result.until,
          payload,
          orderingKey: draft.contactId,
        });
        draft.reply = {
          kind: 'deferred',
          text: payload.text,
          channel: payload.channel,
          messageId: payload.messageId,
          until: result.until,
          bot: payload.bot,
          source: 'rules',
        };
        return true;
      }
      if (result.kind === 'block') {
        addAudit(draft, {
          type: 'message.deferred_cancelled',
          bot: payload.bot,
          data: { reason: 'compliance_blocked', rules: result.rules, messageId: payload.messageId },
        });
        draft.reply = { kind: 'none', reason: 'compliance_blocked' };
        return true;
      }
      queueSend(
        draft,
        { text: result.text, channel: payload.channel, bot: payload.bot, source: 'rules' },
        payload.messageId,
      );
      state.lastOutboundAt = draft.now;
      addAudit(draft, {
        type: 'message.deferred_sent',
        bot: payload.bot,
        data: { messageId: payload.messageId, deferredFor: job.runAt - job.enqueuedAt },
      });
      return true;
    },
  );
}

/** Dispatches one of the orchestrator's jobs by name. @internal */
export async function handleBotJob(
  ctx: OrchestratorContext,
  job: Job<JsonValue>,
): Promise<TurnResult | undefined> {
  switch (job.name) {
    case INBOUND_MESSAGE_JOB:
      return handleInbound(ctx, job.payload);
    case NURTURE_FOLLOW_UP_JOB:
      return nurtureFollowUp(ctx, job);
    case DORMANT_CHECK_JOB:
      return dormantCheck(ctx, job);
    case DEFERRED_SEND_JOB:
      return deferredSend(ctx, job);
    default:
      throw new EnterpriseHubError({
        code: 'QUEUE_HANDLER_MISSING',
        message: `The bot orchestrator has no handler for job ${job.name}.`,
        details: { name: job.name },
      });
  }
}
