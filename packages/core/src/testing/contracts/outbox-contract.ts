import assert from 'node:assert/strict';
import { outboxBackoffMs } from '../../domain/outbox-entry';
import type { Outbox } from '../../ports/outbox';
import { buildCrmAction } from '../record-builders';
import { type ContractSuite, advanceTime, uniqueTenantId } from './contract-suite';
import { outboxLeaseCases } from './outbox-lease-cases';

/** A retryable delivery failure used by the cases. */
const retryableFailure = {
  code: 'GHL_UNAVAILABLE',
  message: 'GHL answered 503.',
  retryable: true,
};

/** Contract every {@link Outbox} must satisfy. */
export const outboxContract: ContractSuite<Outbox> = {
  name: 'Outbox',
  cases: [
    {
      name: 'enqueue adds pending entries that list returns oldest first',
      async run(harness) {
        const outbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        const actions = [
          buildCrmAction('addTags', { contactId: 'c1' }),
          buildCrmAction('sendMessage', { contactId: 'c2' }),
        ];
        const entries = await outbox.enqueue({ tenantId, actions });
        assert.deepEqual(
          entries.map((entry) => [entry.status, entry.attempts, entry.action]),
          [
            ['pending', 0, actions[0]],
            ['pending', 0, actions[1]],
          ],
        );
        assert.deepEqual(
          (await outbox.list({ tenantId })).map((entry) => entry.id),
          entries.map((entry) => entry.id),
        );
        assert.deepEqual(
          (await outbox.list({ tenantId, contactId: 'c2' })).map((entry) => entry.contactId),
          ['c2'],
        );
      },
    },
    {
      name: 'idempotency: the same idempotency key twice makes one entry',
      async run(harness) {
        const outbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        const action = buildCrmAction('addNote');
        const [first] = await outbox.enqueue({ tenantId, actions: [action] });
        const [second] = await outbox.enqueue({
          tenantId,
          actions: [{ ...action, body: 'different body' }],
        });
        assert.equal(second?.id, first?.id);
        assert.equal((await outbox.list({ tenantId })).length, 1);
      },
    },
    {
      name: 'claim leases due entries once: concurrent claims never return the same entry',
      async run(harness) {
        const outbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        await outbox.enqueue({
          tenantId,
          actions: Array.from({ length: 6 }, () => buildCrmAction('addTags')),
        });
        const [left, right] = await Promise.all([
          outbox.claim({ tenantIds: [tenantId], limit: 4, leaseMs: 30_000 }),
          outbox.claim({ tenantIds: [tenantId], limit: 4, leaseMs: 30_000 }),
        ]);
        const ids = [...(left ?? []), ...(right ?? [])].map((entry) => entry.id);
        assert.equal(ids.length, 6);
        assert.equal(new Set(ids).size, 6, 'an entry was claimed twice');
        for (const entry of [...(left ?? []), ...(right ?? [])]) {
          assert.equal(entry.status, 'in_flight');
          assert.equal(entry.attempts, 1);
          assert.ok(entry.leaseToken);
        }
        assert.deepEqual(
          await outbox.claim({ tenantIds: [tenantId], limit: 10, leaseMs: 30_000 }),
          [],
        );
      },
    },
    {
      name: 'ack with the lease token delivers; a wrong token changes nothing',
      async run(harness) {
        const outbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        await outbox.enqueue({
          tenantId,
          actions: [buildCrmAction('sendMessage'), buildCrmAction('addTags')],
        });
        const [send, tag] = await outbox.claim({
          tenantIds: [tenantId],
          limit: 2,
          leaseMs: 30_000,
        });
        assert.ok(send && tag);
        assert.equal(
          await outbox.ack({ tenantId, id: send.id, leaseToken: 'not-the-token' }),
          false,
        );
        assert.equal(
          await outbox.ack({
            tenantId,
            id: send.id,
            leaseToken: send.leaseToken ?? '',
            externalId: 'msg-9',
          }),
          true,
        );
        assert.equal(
          await outbox.ack({
            tenantId,
            id: tag.id,
            leaseToken: tag.leaseToken ?? '',
            skipReason: 'contact has DND',
          }),
          true,
        );
        const entries = await outbox.list({ tenantId });
        assert.deepEqual(
          entries.map((entry) => [entry.status, entry.externalId, entry.skipReason]),
          [
            ['delivered', 'msg-9', undefined],
            ['skipped', undefined, 'contact has DND'],
          ],
        );
      },
    },
    {
      name: 'a retryable failure backs off: not claimable before the backoff, claimable after',
      async run(harness) {
        const outbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        await outbox.enqueue({ tenantId, actions: [buildCrmAction('addTags')] });
        const [claimed] = await outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 30_000 });
        assert.ok(claimed);
        const failed = await outbox.fail({
          tenantId,
          id: claimed.id,
          leaseToken: claimed.leaseToken ?? '',
          error: retryableFailure,
        });
        assert.equal(failed?.status, 'pending');
        assert.equal(failed.lastError?.code, 'GHL_UNAVAILABLE');
        assert.equal(failed.nextAttemptAt, harness.clock.now() + outboxBackoffMs(1));
        assert.deepEqual(
          await outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 30_000 }),
          [],
        );
        await advanceTime(harness, outboxBackoffMs(1));
        const [again] = await outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 30_000 });
        assert.equal(again?.attempts, 2);
      },
    },
    {
      name: 'retryAfterMs overrides the backoff',
      async run(harness) {
        const outbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        await outbox.enqueue({ tenantId, actions: [buildCrmAction('addTags')] });
        const [claimed] = await outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 30_000 });
        assert.ok(claimed);
        const failed = await outbox.fail({
          tenantId,
          id: claimed.id,
          leaseToken: claimed.leaseToken ?? '',
          error: { ...retryableFailure, retryAfterMs: 250 },
        });
        assert.equal(failed?.nextAttemptAt, harness.clock.now() + 250);
      },
    },
    {
      name: 'dead-letters a non-retryable failure and after maxAttempts; retryDeadLetter revives it',
      async run(harness) {
        const outbox = await harness.create();
        const tenantId = uniqueTenantId('t');
        await outbox.enqueue({ tenantId, actions: [buildCrmAction('addTags')] });
        await outbox.enqueue({ tenantId, actions: [buildCrmAction('addNote')], maxAttempts: 1 });
        const claimed = await outbox.claim({ tenantIds: [tenantId], limit: 2, leaseMs: 30_000 });
        assert.equal(claimed.length, 2);
        const [tag, note] = claimed;
        assert.ok(tag && note);
        const rejected = await outbox.fail({
          tenantId,
          id: tag.id,
          leaseToken: tag.leaseToken ?? '',
          error: { ...retryableFailure, retryable: false },
        });
        assert.equal(rejected?.status, 'dead');
        const exhausted = await outbox.fail({
          tenantId,
          id: note.id,
          leaseToken: note.leaseToken ?? '',
          error: retryableFailure,
        });
        assert.equal(exhausted?.status, 'dead');
        assert.equal((await outbox.list({ tenantId, status: 'dead' })).length, 2);
        assert.equal(await outbox.retryDeadLetter({ tenantId, id: tag.id }), true);
        assert.equal(await outbox.retryDeadLetter({ tenantId, id: tag.id }), false);
        const [revived] = await outbox.claim({ tenantIds: [tenantId], limit: 5, leaseMs: 30_000 });
        assert.equal(revived?.id, tag.id);
        assert.equal(revived.attempts, 1);
      },
    },
    ...outboxLeaseCases,
  ],
};
