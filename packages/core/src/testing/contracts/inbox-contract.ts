import assert from 'node:assert/strict';
import type { Inbox } from '../../ports/inbox';
import { type ContractSuite, advanceTime, uniqueTenantId } from './contract-suite';

/** Contract every {@link Inbox} must satisfy. */
export const inboxContract: ContractSuite<Inbox> = {
  name: 'Inbox',
  cases: [
    {
      name: 'the first markSeen returns true, a duplicate returns false',
      async run(harness) {
        const inbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        assert.equal(await inbox.markSeen({ tenantId, id: 'wh-1' }), true);
        assert.equal(await inbox.markSeen({ tenantId, id: 'wh-1' }), false);
        assert.equal(await inbox.has({ tenantId, id: 'wh-1' }), true);
        assert.equal(await inbox.has({ tenantId, id: 'wh-2' }), false);
      },
    },
    {
      name: 'concurrent markSeen of one id: exactly one caller sees it first',
      async run(harness) {
        const inbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        const results = await Promise.all(
          Array.from({ length: 8 }, () => inbox.markSeen({ tenantId, id: 'race' })),
        );
        assert.equal(results.filter(Boolean).length, 1);
      },
    },
    {
      name: 'an id expires after its TTL and is accepted again',
      async run(harness) {
        const inbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        assert.equal(await inbox.markSeen({ tenantId, id: 'ttl', ttlMs: 200 }), true);
        await advanceTime(harness, 100);
        assert.equal(await inbox.markSeen({ tenantId, id: 'ttl', ttlMs: 200 }), false);
        await advanceTime(harness, 150);
        assert.equal(await inbox.has({ tenantId, id: 'ttl' }), false);
        assert.equal(await inbox.markSeen({ tenantId, id: 'ttl', ttlMs: 200 }), true);
      },
    },
    {
      name: 'stores the accepted payload with the id',
      async run(harness) {
        const inbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        const payload = {
          type: 'InboundMessage',
          messageId: 'm1',
          nested: { n: 1, ok: true, list: ['a'] },
        };
        await inbox.markSeen({ tenantId, id: 'with-payload', payload });
        assert.deepEqual(await inbox.getPayload({ tenantId, id: 'with-payload' }), payload);
        assert.equal(await inbox.getPayload({ tenantId, id: 'unknown' }), undefined);
      },
    },
    {
      name: 'tenant isolation: the same id in another tenant is a different id',
      async run(harness) {
        const inbox = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        await inbox.markSeen({ tenantId: tenantA, id: 'same', payload: { secret: 'A' } });
        assert.equal(await inbox.has({ tenantId: tenantB, id: 'same' }), false);
        assert.equal(await inbox.getPayload({ tenantId: tenantB, id: 'same' }), undefined);
        assert.equal(await inbox.markSeen({ tenantId: tenantB, id: 'same' }), true);
        assert.deepEqual(await inbox.getPayload({ tenantId: tenantA, id: 'same' }), {
          secret: 'A',
        });
      },
    },
  ],
};
