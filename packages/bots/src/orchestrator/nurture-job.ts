import type { Job, JsonValue } from '@enterprisehub/core';
import { formatList } from '../engines/format';
import { continuationJobId, MAX_SCHEDULE_AHEAD_MS, nurtureJobSchema } from '../scheduling/bot-jobs';
import {
  followUpJob,
  nextNurtureDay,
  NO_NURTURE_STAGES,
  QUALIFYING_STAGES,
} from '../scheduling/nurture-planner';
import { createTemplateRenderer } from '../templates/template-renderer';
import { setStage } from './escalation';
import { isOptedOut } from './inbound-gates';
import { runJobTurn } from './job-turn';
import type { OrchestratorContext } from './orchestrator-context';
import { sendThroughGuard } from './send-boundary';
import { addActions, addAudit, type TurnDraft } from './turn-draft';
import type { TurnResult } from './turn-result';

function goalOf(draft: TurnDraft): { goal: string; topic: string } {
  const areas = draft.state.facts.areas?.value ?? [];
  const where = areas.length > 0 ? ` in ${formatList(areas)}` : '';
  switch (draft.state.activeBot) {
    case 'buyer':
      return { goal: `finding a home${where}`, topic: `new listings${where}` };
    case 'seller':
      return { goal: 'selling your home', topic: 'recent sales near you' };
    default:
      return { goal: 'your next move', topic: `the ${draft.tenant.market.name} market` };
  }
}

/** Channel of the lead's last message (follow-ups go where the lead talks), SMS when unknown. */
function lastChannel(draft: TurnDraft): TurnDraft['state']['messages'][number]['channel'] {
  return (
    [...draft.state.messages].reverse().find((message) => message.direction === 'inbound')
      ?.channel ?? 'SMS'
  );
}

/**
 * A nurture follow-up (day 3, 7 or 30 after the lead's last reply). Obsolete when the lead replied since (a newer
 * anchor starts a new cadence) or the conversation left nurturing (opted out, escalated, booked, closed). Otherwise
 * it schedules the next step and sends one message in the tenant's voice through the compliance guard — or records
 * a skip while the contact is paused or has DND on the channel. Day 30 moves the lead to `nurturing`. @internal
 */
export async function nurtureFollowUp(
  ctx: OrchestratorContext,
  job: Job<JsonValue>,
): Promise<TurnResult | undefined> {
  const payload = nurtureJobSchema.parse(job.payload);
  const now = ctx.clock.now();
  if (payload.dueAt !== undefined && now < payload.dueAt && ctx.scheduler) {
    await ctx.scheduler.schedule(job.tenantId, {
      name: job.name,
      jobId: continuationJobId(job.id),
      runAt: Math.min(payload.dueAt, now + MAX_SCHEDULE_AHEAD_MS),
      payload,
      orderingKey: payload.contactId,
    });
    return undefined;
  }
  const correlationId = `job:${nurtureJobIdOf(job.id)}:${payload.anchorAt}`;
  return runJobTurn(
    ctx,
    { tenantId: job.tenantId, contactId: payload.contactId, correlationId, sourceId: job.id },
    async (draft) => {
      const { state } = draft;
      if (state.lastInboundAt !== payload.anchorAt || NO_NURTURE_STAGES.has(state.stage))
        return false;
      const next = nextNurtureDay(payload.day);
      if (next !== undefined) {
        draft.jobs.push(
          followUpJob({
            tenant: draft.tenant,
            contactId: draft.contactId,
            anchorAt: payload.anchorAt,
            day: next,
            timeZone: draft.contact?.timeZone,
            now: draft.now,
          }),
        );
      }
      const channel = lastChannel(draft);
      const skipped = state.paused
        ? 'paused'
        : state.escalated
          ? 'escalated'
          : isOptedOut(draft, channel)
            ? 'opted_out'
            : undefined;
      if (skipped) {
        addAudit(draft, {
          type: 'nurture.skipped',
          bot: state.activeBot,
          data: { day: payload.day, reason: skipped },
        });
        draft.reply = { kind: 'none', reason: skipped };
        return true;
      }
      const services = ctx.services(draft.tenant);
      const templates = createTemplateRenderer({
        tenant: draft.tenant,
        contactId: draft.contactId,
        overrides: services.templates,
      });
      const key = `nurture.day${payload.day}`;
      const text = templates.render(isNurtureKey(key) ? key : 'nurture.day30', {
        firstName: draft.contact?.firstName,
        ...goalOf(draft),
      }).text;
      draft.templates.push(...templates.used);
      state.attributes[`nurture.day${payload.day}`] = draft.now;
      if (
        (payload.day >= 30 || !QUALIFYING_STAGES.has(state.stage)) &&
        state.stage !== 'nurturing'
      ) {
        setStage(draft, 'nurturing');
        addActions(draft, { type: 'addTags', tags: ['nurture'] });
        if (state.attributes['opportunityCreated'] === true)
          addActions(draft, { type: 'moveOpportunityStage', stage: 'nurture' });
      }
      addAudit(draft, {
        type: 'nurture.follow_up',
        bot: state.activeBot,
        data: { day: payload.day, channel },
      });
      await sendThroughGuard(ctx, draft, { text, channel, bot: state.activeBot, source: 'rules' });
      return true;
    },
  );
}

/** The follow-up's own job id (a continuation shares its idempotency keys). */
const nurtureJobIdOf = (jobId: string): string => jobId.replace(/:later$/, '');

const isNurtureKey = (key: string): key is 'nurture.day3' | 'nurture.day7' | 'nurture.day30' =>
  key === 'nurture.day3' || key === 'nurture.day7' || key === 'nurture.day30';
