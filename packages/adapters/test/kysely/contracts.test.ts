import {
  ManualClock,
  adminStoreContract,
  auditLogContract,
  contactStoreContract,
  conversationStoreContract,
  inboxContract,
  inboxReplayContract,
  metricsRepositoryContract,
  outboxContract,
  runContractCase,
  unitOfWorkContract,
  type ContractSuite,
} from '@enterprisehub/core/testing';
import { afterAll, describe, it } from 'vitest';
import type { KyselyStores } from '../../src/kysely/index';
import { storeTargets } from '../support/store-targets';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

interface Entry {
  suite: ContractSuite<unknown>;
  pick: (stores: KyselyStores) => unknown;
}

const entry = <P>(suite: ContractSuite<P>, pick: (stores: KyselyStores) => P): Entry => ({
  suite,
  pick,
});

/** Core's contract suites for every storage port the kysely stores implement. */
const SUITES: Entry[] = [
  entry(conversationStoreContract, (stores) => stores.conversations),
  entry(contactStoreContract, (stores) => stores.contacts),
  entry(inboxContract, (stores) => stores.inbox),
  entry(inboxReplayContract, (stores) => stores.inbox),
  entry(outboxContract, (stores) => stores.outbox),
  entry(auditLogContract, (stores) => stores.audit),
  entry(metricsRepositoryContract, (stores) => stores.metrics),
  entry(adminStoreContract, (stores) => stores.admin),
  entry(unitOfWorkContract, (stores) => stores),
];

const runs = targets.flatMap((target) =>
  SUITES.map((suite) => ({ ...suite, target, label: `${suite.suite.name} on ${target.name}` })),
);

describe.each(runs)('$label contract', ({ suite, pick, target }) => {
  it.skipIf(!target.available).each(suite.cases)('$name', async (testCase) => {
    const clock = new ManualClock();
    // Inbox batching on for PGlite (its default), off for PostgreSQL (its default).
    const inboxBatching = target.name === 'pglite';
    await runContractCase(testCase, {
      clock,
      create: async () => pick(await target.open({ clock, inboxBatching })),
    });
  });
});
