import assert from 'node:assert/strict';
import type { Cache } from '../../ports/cache';
import { type ContractSuite, advanceTime, uniqueTenantId } from './contract-suite';

/** Contract every {@link Cache} port implementation must satisfy (memory, Redis, tiered). */
export const cacheContract: ContractSuite<Cache> = {
  name: 'Cache',
  cases: [
    {
      name: 'set then get returns the value; a miss is undefined; delete removes it',
      async run(harness) {
        const cache = await harness.create();
        const tenantId = uniqueTenantId('t');
        const value = { id: 'l1', price: 485_000, tags: ['pool'], nested: { ok: true } };
        assert.equal(await cache.get({ tenantId, key: 'listing:l1' }), undefined);
        await cache.set({ tenantId, key: 'listing:l1', value, ttlMs: 60_000 });
        assert.deepEqual(await cache.get({ tenantId, key: 'listing:l1' }), value);
        await cache.delete({ tenantId, key: 'listing:l1' });
        assert.equal(await cache.get({ tenantId, key: 'listing:l1' }), undefined);
        await cache.delete({ tenantId, key: 'never-set' });
      },
    },
    {
      name: 'an entry expires after its TTL',
      async run(harness) {
        const cache = await harness.create();
        const tenantId = uniqueTenantId('t');
        await cache.set({ tenantId, key: 'k', value: 'v', ttlMs: 200 });
        await advanceTime(harness, 100);
        assert.equal(await cache.get({ tenantId, key: 'k' }), 'v');
        await advanceTime(harness, 150);
        assert.equal(await cache.get({ tenantId, key: 'k' }), undefined);
      },
    },
    {
      name: 'a later set overwrites the value and its TTL',
      async run(harness) {
        const cache = await harness.create();
        const tenantId = uniqueTenantId('t');
        await cache.set({ tenantId, key: 'k', value: 1, ttlMs: 200 });
        await cache.set({ tenantId, key: 'k', value: 2, ttlMs: 60_000 });
        await advanceTime(harness, 250);
        assert.equal(await cache.get({ tenantId, key: 'k' }), 2);
      },
    },
    {
      name: 'tenant isolation: the same key under another tenant is another entry',
      async run(harness) {
        const cache = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        await cache.set({ tenantId: tenantA, key: 'k', value: 'A', ttlMs: 60_000 });
        assert.equal(await cache.get({ tenantId: tenantB, key: 'k' }), undefined);
        await cache.set({ tenantId: tenantB, key: 'k', value: 'B', ttlMs: 60_000 });
        await cache.delete({ tenantId: tenantB, key: 'k' });
        assert.equal(await cache.get({ tenantId: tenantA, key: 'k' }), 'A');
      },
    },
  ],
};
