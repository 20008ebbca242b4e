import assert from 'node:assert/strict';
import type { RateLimiter } from '../../ports/rate-limiter';
import { type ContractSuite, advanceTime, uniqueTenantId } from './contract-suite';

/** Contract every {@link RateLimiter} must satisfy. */
export const rateLimiterContract: ContractSuite<RateLimiter> = {
  name: 'RateLimiter',
  cases: [
    {
      name: 'allows up to the limit, then refuses with a retryAfterMs within the window',
      async run(harness) {
        const limiter = await harness.create();
        const options = {
          tenantId: uniqueTenantId('t'),
          key: 'handoff:c1',
          limit: 3,
          windowMs: 1000,
        };
        const remaining: number[] = [];
        for (let index = 0; index < 3; index++) {
          const result = await limiter.consume(options);
          assert.equal(result.allowed, true);
          assert.equal(result.retryAfterMs, 0);
          remaining.push(result.remaining);
        }
        assert.deepEqual(remaining, [2, 1, 0]);
        const refused = await limiter.consume(options);
        assert.equal(refused.allowed, false);
        assert.equal(refused.remaining, 0);
        assert.ok(refused.retryAfterMs > 0 && refused.retryAfterMs <= 1000);
      },
    },
    {
      name: 'the window slides: units free up as their window passes',
      async run(harness) {
        const limiter = await harness.create();
        const options = { tenantId: uniqueTenantId('t'), key: 'k', limit: 2, windowMs: 400 };
        await limiter.consume(options);
        await advanceTime(harness, 200);
        await limiter.consume(options);
        assert.equal((await limiter.consume(options)).allowed, false);
        await advanceTime(harness, 210);
        assert.equal(
          (await limiter.consume(options)).allowed,
          true,
          'the first unit left the window',
        );
        assert.equal((await limiter.consume(options)).allowed, false, 'the second is still inside');
      },
    },
    {
      name: 'a refused call consumes nothing and peek never consumes',
      async run(harness) {
        const limiter = await harness.create();
        const options = { tenantId: uniqueTenantId('t'), key: 'k', limit: 3, windowMs: 1000 };
        assert.equal((await limiter.consume({ ...options, cost: 2 })).remaining, 1);
        assert.equal((await limiter.consume({ ...options, cost: 2 })).allowed, false);
        assert.deepEqual(await limiter.peek(options), {
          allowed: true,
          remaining: 1,
          retryAfterMs: 0,
        });
        assert.equal((await limiter.consume(options)).allowed, true);
        assert.equal((await limiter.peek(options)).allowed, false);
      },
    },
    {
      name: 'concurrency: simultaneous consumers never exceed the limit',
      async run(harness) {
        const limiter = await harness.create();
        const options = { tenantId: uniqueTenantId('t'), key: 'k', limit: 5, windowMs: 60_000 };
        const results = await Promise.all(
          Array.from({ length: 12 }, () => limiter.consume(options)),
        );
        assert.equal(results.filter((result) => result.allowed).length, 5);
      },
    },
    {
      name: 'reset clears the counter',
      async run(harness) {
        const limiter = await harness.create();
        const options = { tenantId: uniqueTenantId('t'), key: 'k', limit: 1, windowMs: 60_000 };
        await limiter.consume(options);
        await limiter.reset(options);
        assert.equal((await limiter.consume(options)).allowed, true);
      },
    },
    {
      name: "tenant isolation: another tenant's counter with the same key is independent",
      async run(harness) {
        const limiter = await harness.create();
        const key = 'api:key-1';
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        await limiter.consume({ tenantId: tenantA, key, limit: 1, windowMs: 60_000 });
        assert.equal(
          (await limiter.consume({ tenantId: tenantB, key, limit: 1, windowMs: 60_000 })).allowed,
          true,
        );
        await limiter.reset({ tenantId: tenantB, key });
        assert.equal(
          (await limiter.peek({ tenantId: tenantA, key, limit: 1, windowMs: 60_000 })).allowed,
          false,
        );
      },
    },
  ],
};
