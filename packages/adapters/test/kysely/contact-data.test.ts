import {
  buildAuditEvent,
  buildContact,
  buildConversationState,
  buildCrmAction,
  buildMessage,
} from '@enterprisehub/core/testing';
import type { LogEvent } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshTenant, storeTargets } from '../support/store-targets';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

describe.each(targets)('contact export and erasure ($name)', (target) => {
  async function seed(tenantId: string) {
    const stores = await target.open();
    for (const contactId of ['c1', 'c2']) {
      await stores.contacts.upsert({
        tenantId,
        contact: buildContact({ tenantId, id: contactId }),
      });
      await stores.conversations.compareAndSet({
        tenantId,
        state: buildConversationState({
          tenantId,
          contactId,
          messages: [buildMessage({ contactId })],
        }),
        expectedVersion: 0,
      });
      await stores.outbox.enqueue({
        tenantId,
        actions: [buildCrmAction('sendMessage', { contactId })],
      });
      await stores.inbox.markSeen({
        tenantId,
        id: `webhook-${contactId}`,
        payload: { contactId, body: 'hello' },
      });
      await stores.audit.append({ tenantId, event: buildAuditEvent({ tenantId, contactId }) });
    }
    return stores;
  }

  it.skipIf(!target.available)(
    'exports everything stored about one contact, decrypted, and audits the access',
    async () => {
      const tenantId = freshTenant();
      const stores = await seed(tenantId);
      const exported = await stores.exportContact({
        tenantId,
        contactId: 'c1',
        actor: { kind: 'user', id: 'admin-7' },
      });
      expect(exported.contact?.email).toBe('alex@example.com');
      expect(exported.conversation?.messages).toHaveLength(1);
      expect(exported.outbox.map((entry) => entry.contactId)).toEqual(['c1']);
      expect(exported.inbox).toEqual([
        {
          id: 'webhook-c1',
          seenAt: expect.any(Number),
          payload: { contactId: 'c1', body: 'hello' },
        },
      ]);
      expect(exported.audit.map((event) => event.contactId)).toEqual(['c1']);
      const accessed = await stores.audit.query({
        tenantId,
        contactId: 'c1',
        type: 'data.accessed',
      });
      expect(accessed).toMatchObject([
        { actor: { kind: 'user', id: 'admin-7' }, data: { reason: 'export' } },
      ]);
    },
  );

  it.skipIf(!target.available)(
    "erases one contact's rows across tables in one transaction, audited, leaving the other contact intact",
    async () => {
      const tenantId = freshTenant();
      const stores = await seed(tenantId);
      const erasure = await stores.eraseContact({
        tenantId,
        contactId: 'c1',
        correlationId: 'req-1',
      });
      expect(erasure).toMatchObject({
        contact: true,
        conversation: true,
        outboxEntries: 1,
        inboxPayloads: 1,
      });
      expect(await stores.contacts.get({ tenantId, contactId: 'c1' })).toBeUndefined();
      expect(await stores.conversations.get({ tenantId, contactId: 'c1' })).toBeUndefined();
      expect(await stores.outbox.list({ tenantId, contactId: 'c1' })).toEqual([]);
      // The webhook id is still known (a redelivery is still dropped) but its payload is gone.
      expect(await stores.inbox.has({ tenantId, id: 'webhook-c1' })).toBe(true);
      expect(await stores.inbox.getPayload({ tenantId, id: 'webhook-c1' })).toBeUndefined();
      const [erased] = await stores.audit.query({ tenantId, type: 'data.erased' });
      expect(erased).toMatchObject({
        id: erasure.auditEventId,
        contactId: 'c1',
        correlationId: 'req-1',
      });
      const after = await stores.exportContact({ tenantId, contactId: 'c1' });
      expect([after.contact, after.conversation, after.outbox, after.inbox]).toEqual([
        undefined,
        undefined,
        [],
        [],
      ]);
      expect((await stores.exportContact({ tenantId, contactId: 'c2' })).contact?.id).toBe('c2');
    },
  );

  it.skipIf(!target.available)('writes the erasure in a single transaction', async () => {
    const tenantId = freshTenant();
    await seed(tenantId);
    const statements: string[] = [];
    const stores = await target.open({
      log: (event: LogEvent) => void statements.push(event.query.sql),
    });
    statements.length = 0; // drop the migrate() statements of open()
    await stores.eraseContact({ tenantId, contactId: 'c2' });
    expect(statements[0]).toBe('begin');
    expect(statements.at(-1)).toBe('commit');
    expect(statements.filter((statement) => statement === 'begin')).toHaveLength(1);
  });
});
