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

/** An {@link Inbox} that supports the inbox replay (`markProcessed` and `listUnprocessed`). */
export type ReplayableInbox = Inbox & Required<Pick<Inbox, 'markProcessed' | 'listUnprocessed'>>;

/** Contract for inboxes that support the inbox replay (accepted events whose processing was never recorded). */
export const inboxReplayContract: ContractSuite<ReplayableInbox> = {
  name: 'Inbox replay',
  cases: [
    {
      name: 'lists accepted, unprocessed entries seen at or before the cut-off, oldest first, with payloads',
      async run(harness) {
        const inbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        await inbox.markSeen({ tenantId, id: 'old', payload: { n: 1 } });
        await advanceTime(harness, 50);
        await inbox.markSeen({ tenantId, id: 'no-payload' });
        await inbox.markSeen({ tenantId, id: 'middle', payload: { n: 2 } });
        const cutOff = harness.clock.now();
        await advanceTime(harness, 50);
        await inbox.markSeen({ tenantId, id: 'recent', payload: { n: 3 } });
        const listed = await inbox.listUnprocessed({ tenantId, seenBefore: cutOff, limit: 10 });
        assert.deepEqual(
          listed.map((entry) => [entry.id, entry.payload]),
          [
            ['old', { n: 1 }],
            ['middle', { n: 2 }],
          ],
        );
        assert.ok(listed[0] !== undefined && listed[1] !== undefined);
        assert.ok(listed[0].seenAt <= listed[1].seenAt);
        assert.ok(listed[1].seenAt <= cutOff);
        const after = await inbox.listUnprocessed({
          tenantId,
          seenBefore: cutOff,
          seenAfter: listed[0].seenAt,
          limit: 10,
        });
        assert.deepEqual(
          after.map((entry) => entry.id),
          ['middle'],
        );
        const limited = await inbox.listUnprocessed({ tenantId, seenBefore: cutOff, limit: 1 });
        assert.deepEqual(
          limited.map((entry) => entry.id),
          ['old'],
        );
      },
    },
    {
      name: 'markProcessed removes an entry from the unprocessed list; unknown ids are ignored',
      async run(harness) {
        const inbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        await inbox.markSeen({ tenantId, id: 'a', payload: { n: 1 } });
        await inbox.markSeen({ tenantId, id: 'b', payload: { n: 2 } });
        await inbox.markProcessed({ tenantId, id: 'a' });
        await inbox.markProcessed({ tenantId, id: 'never-seen' });
        await advanceTime(harness, 10);
        const listed = await inbox.listUnprocessed({
          tenantId,
          seenBefore: harness.clock.now(),
          limit: 10,
        });
        assert.deepEqual(
          listed.map((entry) => entry.id),
          ['b'],
        );
        assert.equal(await inbox.has({ tenantId, id: 'a' }), true);
        assert.equal(await inbox.markSeen({ tenantId, id: 'a' }), false);
      },
    },
    {
      name: 'an id accepted again after expiry is unprocessed again; expired entries are not listed',
      async run(harness) {
        const inbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        await inbox.markSeen({ tenantId, id: 'e', ttlMs: 200, payload: { n: 1 } });
        await inbox.markProcessed({ tenantId, id: 'e' });
        await inbox.markSeen({ tenantId, id: 'gone', ttlMs: 200, payload: { n: 2 } });
        await advanceTime(harness, 250);
        assert.deepEqual(
          await inbox.listUnprocessed({ tenantId, seenBefore: harness.clock.now(), limit: 10 }),
          [],
        );
        assert.equal(
          await inbox.markSeen({ tenantId, id: 'e', ttlMs: 200, payload: { n: 3 } }),
          true,
        );
        const listed = await inbox.listUnprocessed({
          tenantId,
          seenBefore: harness.clock.now(),
          limit: 10,
        });
        assert.deepEqual(
          listed.map((entry) => [entry.id, entry.payload]),
          [['e', { n: 3 }]],
        );
      },
    },
    {
      name: 'tenant isolation: listing and markProcessed never cross tenants',
      async run(harness) {
        const inbox = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        await inbox.markSeen({ tenantId: tenantA, id: 'same', payload: { secret: 'A' } });
        await inbox.markSeen({ tenantId: tenantB, id: 'same', payload: { secret: 'B' } });
        await inbox.markProcessed({ tenantId: tenantB, id: 'same' });
        await advanceTime(harness, 10);
        const seenBefore = harness.clock.now();
        assert.deepEqual(
          (await inbox.listUnprocessed({ tenantId: tenantA, seenBefore, limit: 10 })).map(
            (entry) => entry.payload,
          ),
          [{ secret: 'A' }],
        );
        assert.deepEqual(
          await inbox.listUnprocessed({ tenantId: tenantB, seenBefore, limit: 10 }),
          [],
        );
      },
    },
  ],
};
