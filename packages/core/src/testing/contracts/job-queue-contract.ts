/* eslint-disable @typescript-eslint/require-await -- job handlers are async by contract, even when a test handler has nothing to await. */
import assert from 'node:assert/strict';
import type { Job, JobQueue } from '../../ports/job-queue';
import {
  type ContractHarness,
  type ContractSuite,
  advanceTime,
  rejectsWithCode,
  uniqueTenantId,
} from './contract-suite';

async function withQueue(
  harness: ContractHarness<JobQueue>,
  body: (queue: JobQueue) => Promise<void>,
): Promise<void> {
  const queue = await harness.create();
  try {
    await body(queue);
  } finally {
    await queue.close();
  }
}

/** Contract every {@link JobQueue} must satisfy (in-process, BullMQ). */
export const jobQueueContract: ContractSuite<JobQueue> = {
  name: 'JobQueue',
  cases: [
    {
      name: 'runs an enqueued job once with its payload',
      run: (harness) =>
        withQueue(harness, async (queue) => {
          const tenantId = uniqueTenantId('t');
          const seen: Job[] = [];
          queue.registerHandler('echo', async (job) => {
            seen.push(job);
          });
          await queue.enqueue({ tenantId, name: 'echo', payload: { messageId: 'm1', n: 2 } });
          await queue.drain();
          assert.equal(seen.length, 1);
          assert.deepEqual(seen[0]?.payload, { messageId: 'm1', n: 2 });
          assert.equal(seen[0]?.tenantId, tenantId);
          assert.equal(seen[0]?.attempt, 1);
        }),
    },
    {
      name: 'jobs with the same ordering key run one at a time, in order',
      run: (harness) =>
        withQueue(harness, async (queue) => {
          const tenantId = uniqueTenantId('t');
          const log: string[] = [];
          queue.registerHandler('step', async (job) => {
            log.push(`start:${JSON.stringify(job.payload)}`);
            await new Promise((resolve) => setImmediate(resolve));
            log.push(`end:${JSON.stringify(job.payload)}`);
          });
          for (const step of ['a', 'b', 'c'])
            await queue.enqueue({ tenantId, name: 'step', payload: step, orderingKey: 'c1' });
          await queue.drain();
          assert.deepEqual(log, [
            'start:"a"',
            'end:"a"',
            'start:"b"',
            'end:"b"',
            'start:"c"',
            'end:"c"',
          ]);
        }),
    },
    {
      name: 'a delayed job does not run before its time and runs after it',
      run: (harness) =>
        withQueue(harness, async (queue) => {
          const tenantId = uniqueTenantId('t');
          let runs = 0;
          queue.registerHandler('later', async () => {
            runs += 1;
          });
          await queue.enqueue({ tenantId, name: 'later', payload: null, delayMs: 300 });
          await queue.drain();
          assert.equal(runs, 0);
          assert.equal(await queue.count({ tenantId, status: 'delayed' }), 1);
          await advanceTime(harness, 350);
          await queue.drain();
          assert.equal(runs, 1);
        }),
    },
    {
      name: 'idempotency: a jobId still pending is deduplicated and runs once',
      run: (harness) =>
        withQueue(harness, async (queue) => {
          const tenantId = uniqueTenantId('t');
          let runs = 0;
          queue.registerHandler('once', async () => {
            runs += 1;
          });
          const first = await queue.enqueue({
            tenantId,
            name: 'once',
            payload: 1,
            jobId: 'j1',
            delayMs: 200,
          });
          const second = await queue.enqueue({
            tenantId,
            name: 'once',
            payload: 2,
            jobId: 'j1',
            delayMs: 200,
          });
          assert.deepEqual([first.deduplicated, second.deduplicated], [false, true]);
          assert.equal(second.jobId, 'j1');
          await advanceTime(harness, 250);
          await queue.drain();
          assert.equal(runs, 1);
        }),
    },
    {
      name: 'cancel and cancelByKey remove pending jobs before they run',
      run: (harness) =>
        withQueue(harness, async (queue) => {
          const tenantId = uniqueTenantId('t');
          const ran: string[] = [];
          queue.registerHandler('nurture', async (job) => {
            ran.push(job.id);
          });
          await queue.enqueue({
            tenantId,
            name: 'nurture',
            payload: null,
            jobId: 'n1',
            delayMs: 200,
            orderingKey: 'c1',
          });
          await queue.enqueue({
            tenantId,
            name: 'nurture',
            payload: null,
            jobId: 'n2',
            delayMs: 200,
            orderingKey: 'c1',
          });
          await queue.enqueue({
            tenantId,
            name: 'nurture',
            payload: null,
            jobId: 'n3',
            delayMs: 200,
            orderingKey: 'c2',
          });
          assert.equal(await queue.cancel({ tenantId, jobId: 'n1' }), true);
          assert.equal(await queue.cancel({ tenantId, jobId: 'n1' }), false);
          assert.equal(await queue.cancelByKey({ tenantId, orderingKey: 'c1' }), 1);
          await advanceTime(harness, 250);
          await queue.drain();
          assert.deepEqual(ran, ['n3']);
        }),
    },
    {
      name: 'a failing job is retried up to maxAttempts, then counted as failed',
      run: (harness) =>
        withQueue(harness, async (queue) => {
          const tenantId = uniqueTenantId('t');
          const attempts: number[] = [];
          queue.registerHandler('flaky', async (job) => {
            attempts.push(job.attempt);
            throw new Error('boom');
          });
          await queue.enqueue({
            tenantId,
            name: 'flaky',
            payload: null,
            maxAttempts: 2,
            backoffMs: 100,
          });
          await queue.drain();
          await advanceTime(harness, 150);
          await queue.drain();
          assert.deepEqual(attempts, [1, 2]);
          assert.equal(await queue.count({ tenantId, status: 'failed' }), 1);
        }),
    },
    {
      name: 'tenant isolation: another tenant can neither cancel nor count the jobs',
      run: (harness) =>
        withQueue(harness, async (queue) => {
          const tenantA = uniqueTenantId('a');
          const tenantB = uniqueTenantId('b');
          await queue.enqueue({
            tenantId: tenantA,
            name: 'x',
            payload: null,
            jobId: 'same',
            delayMs: 10_000,
            orderingKey: 'c1',
          });
          assert.equal(await queue.cancel({ tenantId: tenantB, jobId: 'same' }), false);
          assert.equal(await queue.cancelByKey({ tenantId: tenantB, orderingKey: 'c1' }), 0);
          assert.equal(await queue.count({ tenantId: tenantB, status: 'delayed' }), 0);
          const own = await queue.enqueue({
            tenantId: tenantB,
            name: 'x',
            payload: null,
            jobId: 'same',
            delayMs: 10_000,
          });
          assert.equal(own.deduplicated, false, 'the same jobId in another tenant is another job');
          assert.equal(await queue.count({ tenantId: tenantA, status: 'delayed' }), 1);
        }),
    },
    {
      name: 'enqueue after close fails with QUEUE_CLOSED',
      async run(harness) {
        const queue = await harness.create();
        await queue.close();
        await rejectsWithCode(
          queue.enqueue({ tenantId: uniqueTenantId('t'), name: 'x', payload: null }),
          'QUEUE_CLOSED',
        );
      },
    },
  ],
};
