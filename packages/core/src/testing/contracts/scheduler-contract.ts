import assert from 'node:assert/strict';
import type { Scheduler } from '../../ports/scheduler';
import { type ContractSuite, uniqueTenantId } from './contract-suite';

/** Contract every {@link Scheduler} must satisfy (no handlers are registered, so jobs stay pending). */
export const schedulerContract: ContractSuite<Scheduler> = {
  name: 'Scheduler',
  cases: [
    {
      name: 'schedule dedupes by jobId and list returns pending jobs soonest first',
      async run(harness) {
        const scheduler = await harness.create();
        const tenantId = uniqueTenantId('t');
        const now = harness.clock.now();
        await scheduler.schedule({
          tenantId,
          name: 'nurture',
          payload: { day: 7 },
          jobId: 'c1:day7',
          runAt: now + 7 * 86_400_000,
          orderingKey: 'c1',
        });
        await scheduler.schedule({
          tenantId,
          name: 'nurture',
          payload: { day: 3 },
          jobId: 'c1:day3',
          runAt: now + 3 * 86_400_000,
          orderingKey: 'c1',
        });
        const again = await scheduler.schedule({
          tenantId,
          name: 'nurture',
          payload: { day: 99 },
          jobId: 'c1:day3',
          runAt: now + 1000,
          orderingKey: 'c1',
        });
        assert.equal(again.deduplicated, true);
        const jobs = await scheduler.list({ tenantId });
        assert.deepEqual(
          jobs.map((job) => [job.id, job.payload, job.runAt]),
          [
            ['c1:day3', { day: 3 }, now + 3 * 86_400_000],
            ['c1:day7', { day: 7 }, now + 7 * 86_400_000],
          ],
        );
      },
    },
    {
      name: 'replace swaps a pending job for the new time and payload',
      async run(harness) {
        const scheduler = await harness.create();
        const tenantId = uniqueTenantId('t');
        const now = harness.clock.now();
        await scheduler.schedule({
          tenantId,
          name: 'dormant-check',
          payload: 1,
          jobId: 'c1:dormant',
          runAt: now + 1000,
        });
        const replaced = await scheduler.schedule({
          tenantId,
          name: 'dormant-check',
          payload: 2,
          jobId: 'c1:dormant',
          runAt: now + 5000,
          replace: true,
        });
        assert.equal(replaced.deduplicated, false);
        const jobs = await scheduler.list({ tenantId });
        assert.deepEqual(
          jobs.map((job) => [job.payload, job.runAt]),
          [[2, now + 5000]],
        );
      },
    },
    {
      name: 'cancel by id and by key (optionally by name) removes pending jobs',
      async run(harness) {
        const scheduler = await harness.create();
        const tenantId = uniqueTenantId('t');
        const runAt = harness.clock.now() + 60_000;
        await scheduler.schedule({
          tenantId,
          name: 'nurture',
          payload: null,
          jobId: 'a',
          runAt,
          orderingKey: 'c1',
        });
        await scheduler.schedule({
          tenantId,
          name: 'nurture',
          payload: null,
          jobId: 'b',
          runAt,
          orderingKey: 'c1',
        });
        await scheduler.schedule({
          tenantId,
          name: 'dormant-check',
          payload: null,
          jobId: 'c',
          runAt,
          orderingKey: 'c1',
        });
        assert.equal(await scheduler.cancel({ tenantId, jobId: 'a' }), true);
        assert.equal(
          await scheduler.cancelByKey({ tenantId, orderingKey: 'c1', name: 'nurture' }),
          1,
        );
        assert.deepEqual(
          (await scheduler.list({ tenantId, orderingKey: 'c1' })).map((job) => job.id),
          ['c'],
        );
      },
    },
    {
      name: 'tenant isolation: another tenant can neither list nor cancel the scheduled jobs',
      async run(harness) {
        const scheduler = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        const runAt = harness.clock.now() + 60_000;
        await scheduler.schedule({
          tenantId: tenantA,
          name: 'nurture',
          payload: null,
          jobId: 'same',
          runAt,
          orderingKey: 'c1',
        });
        assert.deepEqual(await scheduler.list({ tenantId: tenantB }), []);
        assert.equal(await scheduler.cancel({ tenantId: tenantB, jobId: 'same' }), false);
        assert.equal(await scheduler.cancelByKey({ tenantId: tenantB, orderingKey: 'c1' }), 0);
        assert.equal((await scheduler.list({ tenantId: tenantA })).length, 1);
      },
    },
  ],
};
