import {
  ManualClock,
  jobQueueContract,
  runContractCase,
  schedulerContract,
  type ContractSuite,
} from '@enterprisehub/core/testing';
import { requireService } from '@test-support/services';
import { afterAll, describe, it } from 'vitest';
import { createBullmqJobQueue, type BullmqJobQueue } from '../../src/bullmq/index';
import {
  advanceBoth,
  deletePrefix,
  live,
  serverTimedClock,
  testRedisClient,
  uniquePrefix,
  whenReady,
} from '../support/redis-support';

const redis = await requireService('redis');
const admin = redis.available ? testRedisClient(redis.url) : undefined;
if (admin) await whenReady(admin);
const prefix = uniquePrefix('bullmq');

afterAll(async () => {
  if (!admin) return;
  await deletePrefix(admin, prefix);
  admin.disconnect();
});

const opened: BullmqJobQueue[] = [];
let queues = 0;

function open(clock: ManualClock): BullmqJobQueue {
  const queue = createBullmqJobQueue({
    connection: { url: redis.url },
    prefix,
    queueName: `contract-${++queues}`,
    clock: serverTimedClock(clock),
    busyRetryDelayMs: 5,
  });
  opened.push(queue);
  return queue;
}

const suites = [jobQueueContract, schedulerContract] as ContractSuite<unknown>[];

describe.skipIf(!redis.available).each(suites)('BullMQ $name contract', (suite) => {
  it.each(suite.cases)(
    '$name',
    async (testCase) => {
      live(admin);
      const clock = new ManualClock(Date.now());
      await runContractCase(testCase, {
        clock,
        create: () => Promise.resolve(open(clock)),
        advance: (ms) => advanceBoth(clock, ms),
        cleanup: async () => {
          await Promise.all(opened.splice(0).map((queue) => queue.close()));
        },
      });
    },
    30_000,
  );
});
