import assert from 'node:assert/strict';
import type { Outbox } from '../../ports/outbox';
import { buildCrmAction } from '../record-builders';
import { type ContractCase, advanceTime, uniqueTenantId } from './contract-suite';

const retryable = { code: 'GHL_UNAVAILABLE', message: 'GHL answered 503.', retryable: true };

/** Outbox contract cases about leases, due times, cross-tenant claims and isolation (part of `outboxContract`). */
export const outboxLeaseCases: ContractCase<Outbox>[] = [
  {
    name: 'an expired lease makes the entry claimable again and voids the old token',
    async run(harness) {
      const outbox = await harness.create();
      const tenantId = uniqueTenantId('t');
      await outbox.enqueue({ tenantId, actions: [buildCrmAction('addTags')] });
      const [first] = await outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 200 });
      assert.ok(first);
      assert.deepEqual(await outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 200 }), []);
      await advanceTime(harness, 250);
      const [second] = await outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 200 });
      assert.equal(second?.id, first.id);
      assert.notEqual(second.leaseToken, first.leaseToken);
      assert.equal(
        await outbox.ack({ tenantId, id: first.id, leaseToken: first.leaseToken ?? '' }),
        false,
      );
      assert.equal(
        await outbox.fail({
          tenantId,
          id: first.id,
          leaseToken: first.leaseToken ?? '',
          error: retryable,
        }),
        undefined,
      );
    },
  },
  {
    name: 'an entry enqueued with availableAt in the future is not claimed before then',
    async run(harness) {
      const outbox = await harness.create();
      const tenantId = uniqueTenantId('t');
      await outbox.enqueue({
        tenantId,
        actions: [buildCrmAction('sendMessage')],
        availableAt: harness.clock.now() + 200,
      });
      assert.deepEqual(await outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 1000 }), []);
      await advanceTime(harness, 200);
      assert.equal(
        (await outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 1000 })).length,
        1,
      );
    },
  },
  {
    name: "claim with tenantIds 'all' (the default) takes due entries of every tenant",
    async run(harness) {
      const outbox = await harness.create();
      const tenants = [uniqueTenantId('a'), uniqueTenantId('b')];
      for (const tenantId of tenants)
        await outbox.enqueue({ tenantId, actions: [buildCrmAction('addTags')] });
      const claimed = await outbox.claim({ limit: 1000, leaseMs: 1000 });
      for (const tenantId of tenants)
        assert.ok(claimed.some((entry) => entry.tenantId === tenantId));
    },
  },
  {
    name: 'tenant isolation: another tenant can never list, claim, ack, fail or revive the entries',
    async run(harness) {
      const outbox = await harness.create();
      const tenantA = uniqueTenantId('a');
      const tenantB = uniqueTenantId('b');
      const action = buildCrmAction('addTags');
      await outbox.enqueue({ tenantId: tenantA, actions: [action] });
      assert.deepEqual(await outbox.list({ tenantId: tenantB }), []);
      assert.deepEqual(await outbox.claim({ tenantIds: [tenantB], limit: 10, leaseMs: 1000 }), []);
      const [claimed] = await outbox.claim({ tenantIds: [tenantA], limit: 1, leaseMs: 1000 });
      assert.ok(claimed);
      const token = claimed.leaseToken ?? '';
      assert.equal(
        await outbox.ack({ tenantId: tenantB, id: claimed.id, leaseToken: token }),
        false,
      );
      assert.equal(
        await outbox.fail({
          tenantId: tenantB,
          id: claimed.id,
          leaseToken: token,
          error: retryable,
        }),
        undefined,
      );
      assert.equal(await outbox.retryDeadLetter({ tenantId: tenantB, id: claimed.id }), false);
      const [own] = await outbox.enqueue({ tenantId: tenantB, actions: [action] });
      assert.notEqual(
        own?.id,
        claimed.id,
        'the same idempotency key in another tenant is a separate entry',
      );
      assert.equal((await outbox.list({ tenantId: tenantA }))[0]?.status, 'in_flight');
    },
  },
];
