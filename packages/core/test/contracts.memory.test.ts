import { describe, it } from 'vitest';
import {
  ManualClock,
  adminStoreContract,
  auditLogContract,
  cacheContract,
  contactStoreContract,
  conversationStoreContract,
  inboxContract,
  inboxReplayContract,
  jobQueueContract,
  listingSourceContract,
  lockManagerContract,
  metricsRepositoryContract,
  outboxContract,
  rateLimiterContract,
  runContractCase,
  schedulerContract,
  unitOfWorkContract,
  type ContractHarness,
  type ContractSuite,
} from '@enterprisehub/core/testing';
import {
  MemoryAdminStore,
  MemoryAuditLog,
  MemoryContactStore,
  MemoryConversationStore,
  MemoryOutbox,
  createMemoryCache,
  createMemoryInbox,
  createMemoryJobQueue,
  createMemoryListingSource,
  createMemoryLockManager,
  createMemoryMetricsRepository,
  createMemoryRateLimiter,
  createMemoryUnitOfWork,
} from '@enterprisehub/core';

interface Entry<P> {
  suite: ContractSuite<P>;
  make: (clock: ManualClock) => Promise<P>;
}

const entry = <P>(
  suite: ContractSuite<P>,
  make: (clock: ManualClock) => P | Promise<P>,
): Entry<unknown> => ({ suite, make: async (clock: ManualClock) => make(clock) });

const suites: Entry<unknown>[] = [
  entry(conversationStoreContract, () => new MemoryConversationStore()),
  entry(contactStoreContract, (clock) => new MemoryContactStore({ clock })),
  entry(inboxContract, (clock) => createMemoryInbox({ clock })),
  entry(inboxReplayContract, (clock) => createMemoryInbox({ clock })),
  entry(outboxContract, (clock) => new MemoryOutbox({ clock })),
  entry(auditLogContract, () => new MemoryAuditLog()),
  entry(metricsRepositoryContract, () => createMemoryMetricsRepository()),
  entry(adminStoreContract, () => new MemoryAdminStore()),
  entry(cacheContract, (clock) => createMemoryCache({ clock })),
  entry(lockManagerContract, (clock) => createMemoryLockManager({ clock })),
  entry(rateLimiterContract, (clock) => createMemoryRateLimiter({ clock })),
  entry(jobQueueContract, (clock) => createMemoryJobQueue({ clock })),
  entry(schedulerContract, (clock) => createMemoryJobQueue({ clock })),
  entry(listingSourceContract, () => {
    const source = createMemoryListingSource();
    return {
      source,
      seed: async (tenantId: string, listings: Parameters<typeof source.add>[1]) =>
        source.add(tenantId, listings),
    };
  }),
  entry(unitOfWorkContract, (clock) => {
    const stores = {
      conversations: new MemoryConversationStore(),
      contacts: new MemoryContactStore({ clock }),
      audit: new MemoryAuditLog(),
      outbox: new MemoryOutbox({ clock }),
    };
    return { ...stores, unitOfWork: createMemoryUnitOfWork(stores) };
  }),
];

describe.each(suites)('$suite.name contract (memory)', ({ suite, make }) => {
  it.each(suite.cases)('$name', async (testCase) => {
    const clock = new ManualClock();
    const harness: ContractHarness<unknown> = { clock, create: () => make(clock) };
    await runContractCase(testCase, harness);
  });
});
