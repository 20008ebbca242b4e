import { EnterpriseHubError, toEnterpriseHubError } from '@enterprisehub/core';
import { recordComplianceOutcome } from '../compliance/compliance-audit';
import { DEFERRED_SEND_JOB, deferredSendJobSchema } from '../scheduling/bot-jobs';
import type { PlannedJob } from '../scheduling/job-scheduler';
import { nurtureJobIds, planNurture } from '../scheduling/nurture-planner';
import { filterByMapping } from './crm-writeback';
import type { OrchestratorContext } from './orchestrator-context';
import { rememberTemplates } from './template-outcomes';
import type { TurnDraft } from './turn-draft';

/** Plans (or cancels) the contact's nurture follow-ups and dormancy check after a lead's reply. @internal */
export function planFollowUps(ctx: OrchestratorContext, draft: TurnDraft): void {
  if (!ctx.settings.nurture || !ctx.scheduler) return;
  const { state } = draft;
  const jobs = planNurture({
    tenant: draft.tenant,
    contactId: draft.contactId,
    lastInboundAt: state.lastInboundAt ?? draft.now,
    stage: state.stage,
    timeZone: draft.contact?.timeZone,
  });
  const planned = new Set(jobs.map((job) => job.jobId));
  draft.jobs.push(...jobs);
  draft.cancelJobs.push(...nurtureJobIds(draft.contactId).filter((id) => !planned.has(id)));
}

async function reportFailure(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  error: unknown,
): Promise<void> {
  ctx.events.emit('error.raised', {
    tenantId: draft.tenant.id,
    at: ctx.clock.now(),
    code: toEnterpriseHubError(error).code,
    bot: draft.state.activeBot,
  });
  await Promise.resolve();
}

async function scheduleJob(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  job: PlannedJob,
): Promise<void> {
  const tenantId = draft.tenant.id;
  try {
    await ctx.scheduler?.schedule(tenantId, job);
  } catch (error) {
    await reportFailure(ctx, draft, error);
    if (job.name !== DEFERRED_SEND_JOB) return;
    // A deferred reply is never dropped: without the scheduler it goes to the outbox, due when quiet hours end.
    const payload = deferredSendJobSchema.parse(job.payload);
    await ctx.ports.unitOfWork.run(tenantId, (tx) =>
      tx.outbox.enqueue({
        tenantId,
        availableAt: job.runAt,
        actions: [
          {
            type: 'sendMessage',
            contactId: payload.contactId,
            channel: payload.channel,
            body: payload.text,
            messageId: payload.messageId,
            idempotencyKey: `${tenantId}:${job.jobId}`,
          },
        ],
      }),
    );
  }
}

/**
 * Step 7: commits the turn in one unit of work — conversation state (optimistic compare-and-set on the version read
 * at the start), contact, compliance and audit records, CRM actions (outbox) — then schedules jobs, writes metric
 * samples and emits the bus events. Returns `false` on a version conflict (nothing was written; the caller retries
 * the turn on fresh state). @internal
 */
export async function commitDraft(ctx: OrchestratorContext, draft: TurnDraft): Promise<boolean> {
  const tenantId = draft.tenant.id;
  rememberTemplates(draft);
  draft.state.updatedAt = draft.now;
  draft.actions = filterByMapping(draft.actions, draft.tenant);
  const delayed = draft.delayed.filter(
    ({ action }) => filterByMapping([action], draft.tenant).length > 0,
  );
  try {
    await ctx.ports.unitOfWork.run(tenantId, async (tx) => {
      const written = await tx.conversations.compareAndSet({
        tenantId,
        state: draft.state,
        expectedVersion: draft.expectedVersion,
      });
      if (written.kind === 'conflict') {
        throw new EnterpriseHubError({
          code: 'STORE_CONFLICT',
          message: 'The conversation changed during the turn.',
          details: { tenantId },
        });
      }
      draft.state = written.state;
      if (draft.contactDirty && draft.contact)
        await tx.contacts.upsert({ tenantId, contact: draft.contact });
      for (const { result, input } of draft.compliance) {
        await recordComplianceOutcome({ result, input, tenantId, at: draft.now, audit: tx.audit });
      }
      for (const event of draft.audits) await tx.audit.append({ tenantId, event });
      if (draft.actions.length > 0) await tx.outbox.enqueue({ tenantId, actions: draft.actions });
      for (const { action, availableAt } of delayed)
        await tx.outbox.enqueue({ tenantId, actions: [action], availableAt });
    });
  } catch (error) {
    if (EnterpriseHubError.isInstance(error) && error.code === 'STORE_CONFLICT') return false;
    throw error;
  }
  const scheduled = new Set(draft.jobs.map((job) => job.jobId));
  for (const jobId of new Set(draft.cancelJobs)) {
    if (scheduled.has(jobId)) continue;
    await ctx.scheduler
      ?.cancel(tenantId, jobId)
      .catch((error: unknown) => reportFailure(ctx, draft, error));
  }
  for (const job of draft.jobs) await scheduleJob(ctx, draft, job);
  if (draft.samples.length > 0 && ctx.ports.metrics) {
    await ctx.ports.metrics
      .appendSamples({ tenantId, samples: draft.samples })
      .catch((error: unknown) => reportFailure(ctx, draft, error));
  }
  for (const event of draft.events) ctx.events.emit(event.name, event.payload);
  return true;
}
