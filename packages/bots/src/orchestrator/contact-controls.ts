import type { ConversationStage } from '@enterprisehub/core';
import { setStage } from './escalation';
import { runJobTurn } from './job-turn';
import type { OrchestratorContext } from './orchestrator-context';
import type { ContactControlOptions } from './orchestrator-types';
import { addActions, addAudit } from './turn-draft';
import { planFollowUps } from './commit-draft';

type Control = 'pause' | 'resume' | 'release_escalation';

/**
 * Agent controls on one contact, under the contact lock and committed like a turn: `pause` (bots stay silent,
 * messages still recorded), `resume`, and `release_escalation` (the bots may answer again; `needs-human` removed,
 * the stage before the escalation restored). Each is audited as `admin.action`. @internal
 */
export async function controlContact(
  ctx: OrchestratorContext,
  control: Control,
  options: ContactControlOptions,
): Promise<void> {
  const actor = { kind: 'user' as const, ...(options.actorId ? { id: options.actorId } : {}) };
  await runJobTurn(
    ctx,
    {
      tenantId: options.tenantId,
      contactId: options.contactId,
      correlationId: `control:${control}:${ctx.clock.now()}`,
      sourceId: control,
      createIfMissing: true,
    },
    async (draft) => {
      const { state } = draft;
      if (control === 'pause') {
        if (state.paused) return false;
        state.paused = true;
        state.pauseReason = 'agent';
      } else if (control === 'resume') {
        if (!state.paused) return false;
        state.paused = false;
        delete state.pauseReason;
      } else {
        if (!state.escalated && state.stage !== 'escalated') return false;
        state.escalated = false;
        delete state.pauseReason;
        const previous = state.attributes['stageBeforeEscalation'];
        setStage(
          draft,
          typeof previous === 'string' && previous !== 'escalated'
            ? (previous as ConversationStage)
            : 'qualifying',
        );
        delete state.attributes['stageBeforeEscalation'];
        addActions(
          draft,
          { type: 'removeTags', tags: ['needs-human'] },
          {
            type: 'addNote',
            body: `Escalation released; the ${state.activeBot} bot may answer again.`,
          },
        );
        if (state.lastInboundAt !== undefined) planFollowUps(ctx, draft);
      }
      addAudit(draft, { type: 'admin.action', actor, data: { action: control } });
      return Promise.resolve(true);
    },
  );
}
