import { EnterpriseHubError, type Contact, type ConversationState } from '@enterprisehub/core';
import { commitDraft } from './commit-draft';
import { newConversation } from './new-conversation';
import { contactLockKey, type OrchestratorContext } from './orchestrator-context';
import { toResult } from './turn-outcome';
import { createDraft, type TurnDraft } from './turn-draft';
import type { TurnResult } from './turn-result';

/**
 * Runs scheduled work for one contact under its lock: loads state and contact, lets `work` fill a draft (returning
 * `false` when there is nothing to do), commits, and retries on a version conflict. A busy contact throws
 * `LOCK_NOT_ACQUIRED` (retryable) so the queue tries again later. @internal
 */
export async function runJobTurn(
  ctx: OrchestratorContext,
  target: {
    tenantId: string;
    contactId: string;
    correlationId: string;
    sourceId: string;
    createIfMissing?: boolean;
  },
  work: (
    draft: TurnDraft,
    loaded: { state: ConversationState; contact: Contact | undefined },
  ) => Promise<boolean>,
): Promise<TurnResult | undefined> {
  const { tenantId, contactId } = target;
  const tenant = ctx.tenants.get(tenantId);
  if (!tenant?.enabled || tenant.maintenance) return undefined;
  const lock = await ctx.ports.locks.acquire({
    tenantId,
    key: contactLockKey(contactId),
    ttlMs: ctx.settings.lockTtlMs,
    waitMs: ctx.settings.lockWaitMs,
  });
  if (!lock) {
    throw new EnterpriseHubError({
      code: 'LOCK_NOT_ACQUIRED',
      message: 'The contact is busy with another turn.',
      details: { tenantId },
    });
  }
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const now = ctx.clock.now();
      const stored = await ctx.ports.conversations.get({ tenantId, contactId });
      if (!stored && target.createIfMissing !== true) return undefined;
      const state = stored ?? newConversation(tenant, contactId, now);
      const contact = await ctx.ports.contacts.get({ tenantId, contactId });
      const draft = createDraft({
        tenant,
        state,
        contact,
        correlationId: target.correlationId,
        sourceId: target.sourceId,
        now,
      });
      if (!(await work(draft, { state, contact }))) return undefined;
      if (await commitDraft(ctx, draft)) return toResult(ctx, draft);
    }
    throw new EnterpriseHubError({
      code: 'STORE_CONFLICT',
      message: 'The conversation kept changing during a scheduled job.',
      details: { tenantId },
    });
  } finally {
    await ctx.ports.locks.release({ tenantId, lock }).catch(() => false);
  }
}
