import type { ConversationStage, LifecycleStage } from '@enterprisehub/core';
import type { EscalationReason } from '../compliance/compliance-types';
import { nurtureJobIds } from '../scheduling/nurture-planner';
import { addActions, addAudit, type TurnDraft } from './turn-draft';

const REASON_TEXT: Record<EscalationReason | 'compliance' | 'agent', string> = {
  human_requested: 'the lead asked for a person',
  anger: 'the lead seems upset',
  repeated_confusion: 'the lead was confused more than once',
  compliance: 'a reply was blocked by the fair-housing guard and needs review',
  agent: 'an agent took over',
};

/** Lifecycle stage a contact shows for a conversation stage. @internal */
export const LIFECYCLE_FOR_STAGE: Readonly<Record<ConversationStage, LifecycleStage>> = {
  new: 'new',
  qualifying: 'engaged',
  qualified: 'qualified',
  scheduling: 'qualified',
  appointment_set: 'appointment_set',
  nurturing: 'nurture',
  dormant: 'dormant',
  escalated: 'handed_off',
  opted_out: 'opted_out',
  closed: 'closed',
};

/** Sets the conversation stage and mirrors it on the contact's lifecycle. @internal */
export function setStage(draft: TurnDraft, stage: ConversationStage): void {
  draft.state.stage = stage;
  if (draft.contact && draft.contact.lifecycleStage !== LIFECYCLE_FOR_STAGE[stage]) {
    draft.contact = {
      ...draft.contact,
      lifecycleStage: LIFECYCLE_FOR_STAGE[stage],
      updatedAt: draft.now,
    };
    draft.contactDirty = true;
  }
}

/**
 * Hands the conversation to a human: tag `needs-human`, a CRM note saying why, stage `escalated`, nurture jobs
 * cancelled, an audit record; the bots stay quiet until `releaseEscalation`. @internal
 */
export function escalate(
  draft: TurnDraft,
  reason: EscalationReason | 'compliance' | 'agent',
): void {
  const { state } = draft;
  if (!state.escalated && state.stage !== 'escalated')
    state.attributes['stageBeforeEscalation'] = state.stage;
  state.escalated = true;
  state.pauseReason = `escalation:${reason}`;
  setStage(draft, 'escalated');
  addActions(
    draft,
    { type: 'addTags', tags: ['needs-human'] },
    {
      type: 'addNote',
      body: `Escalated to a human: ${REASON_TEXT[reason]}. The ${state.activeBot} bot is paused for this contact until the escalation is released.`,
    },
  );
  draft.cancelJobs.push(...nurtureJobIds(draft.contactId));
  addAudit(draft, { type: 'contact.escalated', bot: state.activeBot, data: { reason } });
  draft.decisions.push({ type: 'escalation', reason });
}
