import { EnterpriseHubError } from '@enterprisehub/core';
import {
  buildAuditEvent,
  buildConversationState,
  buildCrmAction,
} from '@enterprisehub/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freshTenant, storeTargets } from '../support/store-targets';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

describe.each(targets)('KyselyUnitOfWork ($name)', (target) => {
  it.skipIf(!target.available)('commits state, audit and outbox together', async () => {
    const stores = await target.open();
    const tenantId = freshTenant();
    const result = await stores.unitOfWork.run(tenantId, async (tx) => {
      const written = await tx.conversations.compareAndSet({
        tenantId,
        state: buildConversationState({ tenantId, contactId: 'c1' }),
        expectedVersion: 0,
      });
      await tx.audit.append({ tenantId, event: buildAuditEvent({ tenantId, contactId: 'c1' }) });
      await tx.outbox.enqueue({
        tenantId,
        actions: [buildCrmAction('addTags', { contactId: 'c1' })],
      });
      return written.kind;
    });
    expect(result).toBe('ok');
    expect((await stores.conversations.get({ tenantId, contactId: 'c1' }))?.version).toBe(1);
    expect(await stores.audit.query({ tenantId })).toHaveLength(1);
    expect(await stores.outbox.list({ tenantId })).toHaveLength(1);
  });

  it.skipIf(!target.available)(
    'rolls every write back and rethrows the original error when the work throws',
    async () => {
      const stores = await target.open();
      const tenantId = freshTenant();
      const failure = new Error('bot crashed');
      await expect(
        stores.unitOfWork.run(tenantId, async (tx) => {
          await tx.conversations.compareAndSet({
            tenantId,
            state: buildConversationState({ tenantId, contactId: 'c1' }),
            expectedVersion: 0,
          });
          await tx.contacts.upsert({
            tenantId,
            contact: {
              tenantId,
              id: 'c1',
              tags: [],
              dnd: { all: false, channels: [] },
              lifecycleStage: 'new',
              createdAt: 0,
              updatedAt: 0,
            },
          });
          await tx.audit.append({
            tenantId,
            event: buildAuditEvent({ tenantId, contactId: 'c1' }),
          });
          await tx.outbox.enqueue({
            tenantId,
            actions: [buildCrmAction('addTags', { contactId: 'c1' })],
          });
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await stores.conversations.get({ tenantId, contactId: 'c1' })).toBeUndefined();
      expect(await stores.contacts.get({ tenantId, contactId: 'c1' })).toBeUndefined();
      expect(await stores.audit.query({ tenantId })).toEqual([]);
      expect(await stores.outbox.list({ tenantId })).toEqual([]);
    },
  );

  it.skipIf(!target.available)(
    'refuses a call for another tenant inside the unit of work',
    async () => {
      const stores = await target.open();
      const tenantId = freshTenant();
      const error = await stores.unitOfWork
        .run(tenantId, (tx) => tx.conversations.get({ tenantId: freshTenant(), contactId: 'c1' }))
        .catch((caught: unknown) => caught);
      expect(EnterpriseHubError.isInstance(error) && error.code).toBe('TENANT_MISMATCH');
    },
  );
});
