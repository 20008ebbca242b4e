import assert from 'node:assert/strict';
import type { AuditLog } from '../../ports/audit-log';
import { buildAuditEvent } from '../record-builders';
import { type ContractSuite, rejectsWithCode, uniqueTenantId } from './contract-suite';

/** Contract every {@link AuditLog} must satisfy. */
export const auditLogContract: ContractSuite<AuditLog> = {
  name: 'AuditLog',
  cases: [
    {
      name: 'append then query round-trips the event',
      async run(harness) {
        const audit = await harness.create();
        const tenantId = uniqueTenantId('t');
        const event = buildAuditEvent({
          tenantId,
          correlationId: 'req-1',
          data: { score: 8, reasons: ['pre-approved'], nested: { ok: true } },
        });
        assert.deepEqual(await audit.append({ tenantId, event }), event);
        assert.deepEqual(await audit.query({ tenantId }), [event]);
      },
    },
    {
      name: 'idempotency: appending the same id twice stores one record and returns the first',
      async run(harness) {
        const audit = await harness.create();
        const tenantId = uniqueTenantId('t');
        const event = buildAuditEvent({ tenantId });
        await audit.append({ tenantId, event });
        const again = await audit.append({
          tenantId,
          event: { ...event, type: 'handoff.completed' },
        });
        assert.equal(again.type, 'bot.decision');
        assert.equal((await audit.query({ tenantId })).length, 1);
      },
    },
    {
      name: 'query filters by contact, time range and type, ordered by time',
      async run(harness) {
        const audit = await harness.create();
        const tenantId = uniqueTenantId('t');
        const at = harness.clock.now();
        const events = [
          buildAuditEvent({
            tenantId,
            id: 'e3',
            contactId: 'c1',
            type: 'handoff.completed',
            at: at + 30,
          }),
          buildAuditEvent({
            tenantId,
            id: 'e1',
            contactId: 'c1',
            type: 'bot.decision',
            at: at + 10,
          }),
          buildAuditEvent({
            tenantId,
            id: 'e2',
            contactId: 'c2',
            type: 'compliance.blocked',
            at: at + 20,
          }),
        ];
        for (const event of events) await audit.append({ tenantId, event });
        const ids = async (query: Omit<Parameters<AuditLog['query']>[0], 'tenantId'>) =>
          (await audit.query({ tenantId, ...query })).map((event) => event.id);
        assert.deepEqual(await ids({}), ['e1', 'e2', 'e3']);
        assert.deepEqual(await ids({ contactId: 'c1' }), ['e1', 'e3']);
        assert.deepEqual(await ids({ from: at + 20 }), ['e2', 'e3']);
        assert.deepEqual(await ids({ to: at + 20 }), ['e1']);
        assert.deepEqual(await ids({ type: 'compliance.blocked' }), ['e2']);
        assert.deepEqual(await ids({ type: ['bot.decision', 'handoff.completed'] }), ['e1', 'e3']);
        assert.deepEqual(await ids({ limit: 2 }), ['e1', 'e2']);
        assert.deepEqual(await ids({ order: 'desc', limit: 2 }), ['e3', 'e2']);
        assert.deepEqual(await ids({ contactId: 'c1', order: 'desc' }), ['e3', 'e1']);
      },
    },
    {
      name: 'tenant isolation: another tenant never sees the events, even with the same id',
      async run(harness) {
        const audit = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        const event = buildAuditEvent({ tenantId: tenantA, id: 'same-id' });
        await audit.append({ tenantId: tenantA, event });
        assert.deepEqual(await audit.query({ tenantId: tenantB }), []);
        await audit.append({
          tenantId: tenantB,
          event: { ...event, tenantId: tenantB, type: 'admin.action' },
        });
        assert.equal((await audit.query({ tenantId: tenantB }))[0]?.type, 'admin.action');
        assert.deepEqual(await audit.query({ tenantId: tenantA }), [event]);
      },
    },
    {
      name: 'rejects an event whose tenantId differs from the call scope with TENANT_MISMATCH',
      async run(harness) {
        const audit = await harness.create();
        const event = buildAuditEvent({ tenantId: uniqueTenantId('a') });
        await rejectsWithCode(
          audit.append({ tenantId: uniqueTenantId('b'), event }),
          'TENANT_MISMATCH',
        );
      },
    },
  ],
};
