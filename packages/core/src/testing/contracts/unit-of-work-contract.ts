import assert from 'node:assert/strict';
import type { AuditLog } from '../../ports/audit-log';
import type { ContactStore } from '../../ports/contact-store';
import type { ConversationStore } from '../../ports/conversation-store';
import type { Outbox } from '../../ports/outbox';
import type { UnitOfWork } from '../../ports/unit-of-work';
import { buildContact, buildConversationState } from '../builders';
import { buildAuditEvent, buildCrmAction } from '../record-builders';
import { type ContractSuite, rejectsWithCode, uniqueTenantId } from './contract-suite';

/** A unit of work and the stores it writes to (read outside the transaction to check the outcome). */
export interface UnitOfWorkFixture {
  /** The unitOfWork under test. */
  unitOfWork: UnitOfWork;
  /** The conversations under test. */
  conversations: ConversationStore;
  /** The contacts under test. */
  contacts: ContactStore;
  /** The audit under test. */
  audit: AuditLog;
  /** The outbox under test. */
  outbox: Outbox;
}

class Rollback extends Error {}

/** Contract every {@link UnitOfWork} must satisfy: state + audit + outbox commit together or not at all. */
export const unitOfWorkContract: ContractSuite<UnitOfWorkFixture> = {
  name: 'UnitOfWork',
  cases: [
    {
      name: 'commits state, contact, audit and outbox together and returns the work result',
      async run(harness) {
        const stores = await harness.create();
        const tenantId = uniqueTenantId('t');
        const state = buildConversationState({ tenantId });
        const result = await stores.unitOfWork.run(tenantId, async (tx) => {
          await tx.conversations.compareAndSet({ tenantId, state, expectedVersion: 0 });
          await tx.contacts.upsert({
            tenantId,
            contact: buildContact({ tenantId, id: state.contactId }),
          });
          await tx.audit.append({
            tenantId,
            event: buildAuditEvent({ tenantId, contactId: state.contactId }),
          });
          await tx.outbox.enqueue({
            tenantId,
            actions: [buildCrmAction('addTags', { contactId: state.contactId })],
          });
          return 'done';
        });
        assert.equal(result, 'done');
        assert.equal(
          (await stores.conversations.get({ tenantId, contactId: state.contactId }))?.version,
          1,
        );
        assert.ok(await stores.contacts.get({ tenantId, contactId: state.contactId }));
        assert.equal((await stores.audit.query({ tenantId })).length, 1);
        assert.equal((await stores.outbox.list({ tenantId })).length, 1);
      },
    },
    {
      name: 'rolls back every write when the work throws, and rethrows',
      async run(harness) {
        const stores = await harness.create();
        const tenantId = uniqueTenantId('t');
        const state = buildConversationState({ tenantId });
        await assert.rejects(
          stores.unitOfWork.run(tenantId, async (tx) => {
            await tx.conversations.compareAndSet({ tenantId, state, expectedVersion: 0 });
            await tx.contacts.upsert({
              tenantId,
              contact: buildContact({ tenantId, id: state.contactId }),
            });
            await tx.audit.append({ tenantId, event: buildAuditEvent({ tenantId }) });
            await tx.outbox.enqueue({ tenantId, actions: [buildCrmAction('sendMessage')] });
            throw new Rollback('abort the turn');
          }),
          Rollback,
        );
        assert.equal(
          await stores.conversations.get({ tenantId, contactId: state.contactId }),
          undefined,
        );
        assert.equal(
          await stores.contacts.get({ tenantId, contactId: state.contactId }),
          undefined,
        );
        assert.deepEqual(await stores.audit.query({ tenantId }), []);
        assert.deepEqual(await stores.outbox.list({ tenantId }), []);
      },
    },
    {
      name: 'a rollback restores the previous committed state and keeps pre-existing outbox entries',
      async run(harness) {
        const stores = await harness.create();
        const tenantId = uniqueTenantId('t');
        const action = buildCrmAction('addNote');
        const created = await stores.conversations.compareAndSet({
          tenantId,
          state: buildConversationState({ tenantId, stage: 'qualifying' }),
          expectedVersion: 0,
        });
        assert.equal(created.kind, 'ok');
        if (created.kind !== 'ok') return;
        await stores.outbox.enqueue({ tenantId, actions: [action] });
        await assert.rejects(
          stores.unitOfWork.run(tenantId, async (tx) => {
            await tx.conversations.compareAndSet({
              tenantId,
              state: { ...created.state, stage: 'closed' },
              expectedVersion: 1,
            });
            await tx.outbox.enqueue({ tenantId, actions: [action, buildCrmAction('addTags')] });
            throw new Rollback('nope');
          }),
          Rollback,
        );
        const after = await stores.conversations.get({
          tenantId,
          contactId: created.state.contactId,
        });
        assert.deepEqual([after?.stage, after?.version], ['qualifying', 1]);
        const entries = await stores.outbox.list({ tenantId });
        assert.deepEqual(
          entries.map((entry) => entry.action.idempotencyKey),
          [action.idempotencyKey],
        );
      },
    },
    {
      name: 'a transaction is scoped to its tenant: writes for another tenant fail with TENANT_MISMATCH',
      async run(harness) {
        const stores = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        await rejectsWithCode(
          stores.unitOfWork.run(tenantA, async (tx) => {
            await tx.audit.append({
              tenantId: tenantB,
              event: buildAuditEvent({ tenantId: tenantB }),
            });
          }),
          'TENANT_MISMATCH',
        );
        assert.deepEqual(await stores.audit.query({ tenantId: tenantB }), []);
      },
    },
  ],
};
