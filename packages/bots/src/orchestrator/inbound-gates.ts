import type { MessageChannel } from '@enterprisehub/core';
import type { InboundClassification } from '../compliance/compliance-types';
import { nurtureJobIds } from '../scheduling/nurture-planner';
import { setStage } from './escalation';
import type { OrchestratorContext } from './orchestrator-context';
import { deliver } from './send-boundary';
import { addActions, addAudit, type TurnDraft } from './turn-draft';

/** Whether the contact may not be messaged on `channel` (opted out, or DND there). @internal */
export function isOptedOut(draft: TurnDraft, channel: MessageChannel): boolean {
  const dnd = draft.contact?.dnd;
  return (
    draft.state.stage === 'opted_out' ||
    dnd?.all === true ||
    dnd?.channels.includes(channel) === true
  );
}

function setContactDnd(draft: TurnDraft, channel: MessageChannel, enabled: boolean): void {
  if (!draft.contact) return;
  const channels = new Set(draft.contact.dnd.channels);
  if (enabled) channels.add(channel);
  else channels.delete(channel);
  draft.contact = {
    ...draft.contact,
    dnd: { all: enabled ? draft.contact.dnd.all : false, channels: [...channels] },
    updatedAt: draft.now,
  };
  draft.contactDirty = true;
}

/**
 * STOP and friends: DND on that channel (CRM `setDnd` and the contact store), the single confirmation (sent at once,
 * not subject to quiet hours), stage `opted_out` so every bot stays silent, nurture jobs cancelled. @internal
 */
export function optOut(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  input: {
    channel: MessageChannel;
    classification: Extract<InboundClassification, { kind: 'opt_out' }>;
  },
): void {
  const { channel, classification } = input;
  if (draft.state.stage !== 'opted_out')
    draft.state.attributes['stageBeforeOptOut'] = draft.state.stage;
  setStage(draft, 'opted_out');
  setContactDnd(draft, channel, true);
  addActions(draft, { type: 'setDnd', enabled: true, channels: [channel] });
  deliver(ctx, draft, { text: classification.confirmation, channel, source: 'system' });
  addActions(draft, { type: 'addTags', tags: ['opted-out'] });
  draft.cancelJobs.push(...nurtureJobIds(draft.contactId));
  addAudit(draft, {
    type: 'contact.opted_out',
    data: { keyword: classification.keyword, channel },
  });
  draft.decisions.push({ type: 'opt_out' });
}

/** START / UNSTOP after an opt-out: DND cleared on the channel, confirmation sent, the conversation resumes. @internal */
export function optIn(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  input: {
    channel: MessageChannel;
    classification: Extract<InboundClassification, { kind: 'opt_in' }>;
  },
): void {
  const { channel, classification } = input;
  const previous = draft.state.attributes['stageBeforeOptOut'];
  setStage(
    draft,
    typeof previous === 'string' && previous !== 'opted_out'
      ? (previous as typeof draft.state.stage)
      : 'qualifying',
  );
  delete draft.state.attributes['stageBeforeOptOut'];
  setContactDnd(draft, channel, false);
  addActions(
    draft,
    { type: 'setDnd', enabled: false, channels: [channel] },
    { type: 'removeTags', tags: ['opted-out'] },
  );
  deliver(ctx, draft, { text: classification.confirmation, channel, source: 'system' });
  addAudit(draft, { type: 'contact.opted_in', data: { keyword: classification.keyword, channel } });
  draft.decisions.push({ type: 'opt_in' });
}

/** HELP: the agency's contact details and how to opt out, sent at once (a carrier-required answer). @internal */
export function help(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  input: { channel: MessageChannel; reply: string },
): void {
  deliver(ctx, draft, { text: input.reply, channel: input.channel, source: 'system' });
  addAudit(draft, { type: 'contact.help_requested', data: { channel: input.channel } });
  draft.decisions.push({ type: 'help' });
}
