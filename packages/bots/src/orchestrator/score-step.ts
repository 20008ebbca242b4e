import type { ConversationState, LeadScore } from '@enterprisehub/core';
import type { LeadActivity } from '../scoring/score-factors';
import { scoreLead, toLeadScore } from '../scoring/score-lead';
import type { OrchestratorContext } from './orchestrator-context';
import type { TenantServices } from './tenant-services';
import { addActions, addEvent, type TurnDraft } from './turn-draft';

/** Engagement figures from the conversation: inbound count, last reply, median reply delay in minutes. */
export function activityOf(state: ConversationState): LeadActivity {
  const delays: number[] = [];
  let lastOutbound: number | undefined;
  let inbound = 0;
  for (const message of state.messages) {
    if (message.direction === 'outbound') lastOutbound = message.createdAt;
    else {
      inbound += 1;
      if (lastOutbound !== undefined) delays.push((message.createdAt - lastOutbound) / 60_000);
      lastOutbound = undefined;
    }
  }
  delays.sort((a, b) => a - b);
  const middle = delays.length > 0 ? delays[Math.floor((delays.length - 1) / 2)] : undefined;
  return {
    inboundMessages: inbound,
    ...(state.lastInboundAt !== undefined ? { lastInboundAt: state.lastInboundAt } : {}),
    ...(middle !== undefined ? { medianReplyMinutes: middle } : {}),
  };
}

/**
 * Step 5 (score): re-scores the lead from the merged facts and engagement, emits `lead.scored`, and on the first hot
 * score tags the contact, adds it to the tenant's hot-lead workflow and leaves the agent a note. Returns the score
 * before this turn. @internal
 */
export function scoreStep(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  services: TenantServices,
): LeadScore | undefined {
  const { state, tenant } = draft;
  const previous = state.score;
  const result = scoreLead({
    facts: state.facts,
    market: tenant.market,
    activity: activityOf(state),
    now: draft.now,
    ...(services.scoring?.thresholds ? { thresholds: services.scoring.thresholds } : {}),
    ...(services.scoring?.weights ? { weights: services.scoring.weights } : {}),
  });
  const score = toLeadScore(result, draft.now);
  state.score = score;
  addEvent(draft, 'lead.scored', {
    contactId: draft.contactId,
    score: score.value,
    temperature: score.temperature,
  });
  if (score.temperature === 'hot' && state.attributes['hotLeadNotified'] !== true) {
    state.attributes['hotLeadNotified'] = true;
    addActions(
      draft,
      { type: 'addTags', tags: ['hot-lead'] },
      { type: 'addToWorkflow', workflow: ctx.settings.hotLeadWorkflow },
      {
        type: 'addNote',
        body: `Hot lead: score ${score.value}/10 (${score.reasons.join('; ') || 'strong signals'}). The ${state.activeBot} bot is handling the conversation; please reach out personally.`,
      },
    );
    draft.decisions.push({ type: 'hot_lead', score: score.value });
  }
  return previous;
}
