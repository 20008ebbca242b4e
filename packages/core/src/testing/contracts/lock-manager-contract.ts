import assert from 'node:assert/strict';
import type { LockManager } from '../../ports/lock-manager';
import { type ContractSuite, advanceTime, uniqueTenantId } from './contract-suite';

/** Contract every {@link LockManager} must satisfy. */
export const lockManagerContract: ContractSuite<LockManager> = {
  name: 'LockManager',
  cases: [
    {
      name: 'acquire returns a lock with token, fencing token and expiry; a second acquire gets nothing',
      async run(harness) {
        const locks = await harness.create();
        const tenantId = uniqueTenantId('t');
        const now = harness.clock.now();
        const lock = await locks.acquire({ tenantId, key: 'contact:c1', ttlMs: 30_000 });
        assert.ok(lock);
        assert.equal(lock.key, 'contact:c1');
        assert.ok(lock.token.length > 0);
        assert.ok(lock.fencingToken > 0);
        assert.ok(lock.expiresAt >= now + 30_000 && lock.expiresAt <= now + 31_000);
        assert.equal(
          await locks.acquire({ tenantId, key: 'contact:c1', ttlMs: 30_000 }),
          undefined,
        );
        assert.ok(
          await locks.acquire({ tenantId, key: 'contact:c2', ttlMs: 30_000 }),
          'other keys are independent',
        );
      },
    },
    {
      name: 'concurrency: of many simultaneous acquirers exactly one holds the lock',
      async run(harness) {
        const locks = await harness.create();
        const tenantId = uniqueTenantId('t');
        const results = await Promise.all(
          Array.from({ length: 10 }, () => locks.acquire({ tenantId, key: 'k', ttlMs: 30_000 })),
        );
        assert.equal(results.filter(Boolean).length, 1);
      },
    },
    {
      name: 'release by the owner frees the lock; release with a foreign token does not',
      async run(harness) {
        const locks = await harness.create();
        const tenantId = uniqueTenantId('t');
        const lock = await locks.acquire({ tenantId, key: 'k', ttlMs: 30_000 });
        assert.ok(lock);
        assert.equal(await locks.release({ tenantId, lock: { ...lock, token: 'forged' } }), false);
        assert.equal(await locks.acquire({ tenantId, key: 'k', ttlMs: 30_000 }), undefined);
        assert.equal(await locks.release({ tenantId, lock }), true);
        assert.equal(await locks.release({ tenantId, lock }), false);
        const next = await locks.acquire({ tenantId, key: 'k', ttlMs: 30_000 });
        assert.ok(next && next.fencingToken > lock.fencingToken, 'fencing tokens increase');
      },
    },
    {
      name: 'an expired lock can be taken over; the old holder can no longer release or extend it',
      async run(harness) {
        const locks = await harness.create();
        const tenantId = uniqueTenantId('t');
        const first = await locks.acquire({ tenantId, key: 'k', ttlMs: 200 });
        assert.ok(first);
        await advanceTime(harness, 250);
        const second = await locks.acquire({ tenantId, key: 'k', ttlMs: 30_000 });
        assert.ok(second, 'the expired lock must be acquirable');
        assert.ok(second.fencingToken > first.fencingToken);
        assert.equal(await locks.release({ tenantId, lock: first }), false);
        assert.equal(await locks.extend({ tenantId, lock: first, ttlMs: 30_000 }), undefined);
        assert.equal(
          await locks.acquire({ tenantId, key: 'k', ttlMs: 30_000 }),
          undefined,
          'the new holder still holds it',
        );
      },
    },
    {
      name: 'extend pushes the expiry so the lock survives past its first TTL',
      async run(harness) {
        const locks = await harness.create();
        const tenantId = uniqueTenantId('t');
        const lock = await locks.acquire({ tenantId, key: 'k', ttlMs: 200 });
        assert.ok(lock);
        await advanceTime(harness, 100);
        const extended = await locks.extend({ tenantId, lock, ttlMs: 400 });
        assert.ok(extended && extended.expiresAt > lock.expiresAt);
        assert.equal(extended.fencingToken, lock.fencingToken);
        await advanceTime(harness, 200);
        assert.equal(await locks.acquire({ tenantId, key: 'k', ttlMs: 200 }), undefined);
        assert.equal(await locks.release({ tenantId, lock: extended }), true);
      },
    },
    {
      name: 'a waiting acquirer gets the lock once the holder releases it',
      async run(harness) {
        const locks = await harness.create();
        const tenantId = uniqueTenantId('t');
        const held = await locks.acquire({ tenantId, key: 'k', ttlMs: 30_000 });
        assert.ok(held);
        const waiting = locks.acquire({ tenantId, key: 'k', ttlMs: 30_000, waitMs: 5_000 });
        await locks.release({ tenantId, lock: held });
        const acquired = await waiting;
        assert.ok(acquired, 'the waiter must get the lock after release');
        assert.notEqual(acquired.token, held.token);
      },
    },
    {
      name: 'tenant isolation: another tenant can neither be blocked by, release nor extend the lock',
      async run(harness) {
        const locks = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        const lockA = await locks.acquire({ tenantId: tenantA, key: 'contact:c1', ttlMs: 30_000 });
        assert.ok(lockA);
        assert.equal(await locks.release({ tenantId: tenantB, lock: lockA }), false);
        assert.equal(
          await locks.extend({ tenantId: tenantB, lock: lockA, ttlMs: 60_000 }),
          undefined,
        );
        assert.ok(await locks.acquire({ tenantId: tenantB, key: 'contact:c1', ttlMs: 30_000 }));
        assert.equal(
          await locks.acquire({ tenantId: tenantA, key: 'contact:c1', ttlMs: 30_000 }),
          undefined,
        );
        assert.equal(await locks.release({ tenantId: tenantA, lock: lockA }), true);
      },
    },
  ],
};
