import {
  buildAlertRecord,
  buildAuditEvent,
  buildContact,
  buildConversationState,
  buildCrmAction,
  buildMessage,
  buildMetricSample,
} from '@enterprisehub/core/testing';
import type { LogEvent } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshTenant, storeTargets } from '../support/store-targets';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

const STORE_TABLE = /"(contacts|conversations|inbox|outbox|audit_log|metric_samples|alerts)"/;

/** True when a statement on a store table is scoped by tenant: a tenant_id column on insert, a tenant_id filter otherwise. */
function scopedByTenant(statement: string): boolean {
  if (/^\s*insert\b/i.test(statement))
    return /^\s*insert into [^(]+\([^)]*"tenant_id"/i.test(statement);
  return /\bwhere\b[\s\S]*"tenant_id" (=|in) /i.test(statement);
}

describe.each(targets)('tenant filter on every query ($name)', (target) => {
  it.skipIf(!target.available)(
    'finds tenant_id in every statement a store issues when each port is exercised',
    async () => {
      const statements: string[] = [];
      const stores = await target.open({
        log: (event: LogEvent) => {
          statements.push(event.query.sql);
        },
      });
      const tenantId = freshTenant();
      const contact = buildContact({ tenantId, id: 'c1' });
      await stores.contacts.upsert({ tenantId, contact });
      await stores.contacts.get({ tenantId, contactId: 'c1' });
      await stores.contacts.findByPhone({ tenantId, phoneHash: 'x' });
      await stores.contacts.findByEmail({ tenantId, emailHash: 'x' });
      await stores.contacts.setDnd({ tenantId, contactId: 'c1', enabled: true });
      await stores.contacts.list({
        tenantId,
        lifecycleStage: 'new',
        updatedSince: 0,
        afterId: 'a',
      });
      const state = buildConversationState({
        tenantId,
        contactId: 'c1',
        messages: [buildMessage({ contactId: 'c1' })],
      });
      await stores.conversations.compareAndSet({ tenantId, state, expectedVersion: 0 });
      await stores.conversations.compareAndSet({ tenantId, state, expectedVersion: 1 });
      await stores.conversations.compareAndSet({ tenantId, state, expectedVersion: 7 });
      await stores.conversations.list({
        tenantId,
        activeBot: 'lead',
        stages: ['new'],
        updatedBefore: Date.now() * 2,
      });
      await stores.inbox.markSeen({
        tenantId,
        id: 'w1',
        ttlMs: 1000,
        payload: { contactId: 'c1' },
      });
      await stores.inbox.has({ tenantId, id: 'w1' });
      await stores.inbox.getPayload({ tenantId, id: 'w1' });
      await stores.inbox.purgeExpired({ tenantId });
      await stores.outbox.enqueue({
        tenantId,
        actions: [buildCrmAction('addTags', { contactId: 'c1' })],
      });
      const [leased] = await stores.outbox.claim({
        tenantIds: [tenantId],
        limit: 5,
        leaseMs: 1000,
      });
      if (leased?.leaseToken === undefined) throw new Error('expected a claimed entry');
      await stores.outbox.fail({
        tenantId,
        id: leased.id,
        leaseToken: leased.leaseToken,
        error: { code: 'X', message: 'x', retryable: false },
      });
      await stores.outbox.retryDeadLetter({ tenantId, id: leased.id });
      await stores.outbox.ack({ tenantId, id: leased.id, leaseToken: 'nope' });
      await stores.outbox.list({ tenantId, contactId: 'c1', status: 'pending' });
      await stores.outbox.countByStatus({ tenantId });
      await stores.audit.append({ tenantId, event: buildAuditEvent({ tenantId }) });
      await stores.audit.query({
        tenantId,
        contactId: 'c1',
        from: 0,
        to: Date.now() * 2,
        type: ['bot.decision'],
      });
      await stores.audit.purge({ tenantId, before: 0 });
      await stores.metrics.appendSamples({ tenantId, samples: [buildMetricSample()] });
      await stores.metrics.querySamples({
        tenantId,
        name: 'x',
        labels: { bot: 'lead' },
        from: 0,
        to: 1,
      });
      await stores.metrics.pruneSamples({ tenantId, before: 0 });
      await stores.metrics.saveAlert({ tenantId, alert: buildAlertRecord() });
      await stores.metrics.listAlerts({ tenantId, status: 'firing', ruleId: 'x', from: 0 });
      await stores.unitOfWork.run(tenantId, async (tx) => {
        await tx.conversations.get({ tenantId, contactId: 'c1' });
        await tx.outbox.list({ tenantId });
      });
      await stores.exportContact({ tenantId, contactId: 'c1' });
      await stores.eraseContact({ tenantId, contactId: 'c1' });

      const onStoreTables = statements.filter((statement) => STORE_TABLE.test(statement));
      expect(onStoreTables.length).toBeGreaterThan(40);
      expect(onStoreTables.filter((statement) => !scopedByTenant(statement))).toEqual([]);
    },
  );

  it.skipIf(!target.available)(
    'leaves only the cross-tenant outbox claim unfiltered when claiming for all tenants',
    async () => {
      const statements: string[] = [];
      const stores = await target.open({
        log: (event: LogEvent) => void statements.push(event.query.sql),
      });
      await stores.outbox.claim({ tenantIds: 'all', limit: 1, leaseMs: 1000 });
      const unscoped = statements.filter(
        (statement) => STORE_TABLE.test(statement) && !scopedByTenant(statement),
      );
      expect(unscoped).toHaveLength(2);
      for (const statement of unscoped)
        expect(statement).toMatch(/^update "[a-z0-9_]+"\."outbox" set "status" = /);
    },
  );
});
