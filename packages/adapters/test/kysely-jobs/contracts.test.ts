import {
  ManualClock,
  jobQueueContract,
  runContractCase,
  schedulerContract,
  type ContractSuite,
} from '@enterprisehub/core/testing';
import { afterAll, describe, it } from 'vitest';
import { createKyselyJobQueue, type KyselyJobQueue } from '../../src/kysely/index';
import { storeTargets, testKeyring } from '../support/store-targets';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

const suites = [jobQueueContract, schedulerContract] as ContractSuite<unknown>[];
const runs = targets.flatMap((target) =>
  suites.map((suite) => ({ suite, target, label: `${suite.name} on ${target.name}` })),
);

describe.each(runs)('kysely job queue: $label contract', ({ suite, target }) => {
  it.skipIf(!target.available).each(suite.cases)('$name', async (testCase) => {
    const clock = new ManualClock();
    const db = await target.raw();
    const opened: KyselyJobQueue[] = [];
    await runContractCase(testCase, {
      clock,
      create: () => {
        const queue = createKyselyJobQueue({ db, keyring: testKeyring, clock });
        opened.push(queue);
        return Promise.resolve(queue);
      },
      cleanup: async () => {
        await Promise.all(opened.map((queue) => queue.close()));
        await db.deleteFrom('jobs').execute(); // this file's private database: start each case empty
      },
    });
  });
});
