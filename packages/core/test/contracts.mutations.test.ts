/**
 * Each contract case must fail against a deliberately broken implementation; these mutants prove that the
 * isolation, concurrency, TTL and idempotency cases have teeth.
 */
import { describe, expect, it } from 'vitest';
import type { ConversationState, Inbox, Lock, LockManager, Outbox } from '@enterprisehub/core';
import {
  MemoryConversationStore,
  MemoryLockManager,
  MemoryOutbox,
  createMemoryInbox,
} from '@enterprisehub/core';
import {
  ManualClock,
  conversationStoreContract,
  inboxContract,
  lockManagerContract,
  outboxContract,
  runContractCase,
  type ContractSuite,
} from '@enterprisehub/core/testing';

const SHARED = 'shared-tenant';

/** A store that ignores tenantId: every tenant reads and writes one shared space. */
class TenantBlindConversationStore extends MemoryConversationStore {
  override get(options: {
    tenantId: string;
    contactId: string;
  }): Promise<ConversationState | undefined> {
    return super.get({ ...options, tenantId: SHARED });
  }
  override compareAndSet(options: {
    tenantId: string;
    state: ConversationState;
    expectedVersion: number;
  }) {
    return super.compareAndSet({
      ...options,
      tenantId: SHARED,
      state: { ...options.state, tenantId: SHARED },
    });
  }
  override list(options: { tenantId: string }) {
    return super.list({ ...options, tenantId: SHARED });
  }
  override delete(options: { tenantId: string; contactId: string }) {
    return super.delete({ ...options, tenantId: SHARED });
  }
}

/** A lock manager whose release does not check the token (it releases whatever lock holds the key). */
function tokenBlindLockManager(clock: ManualClock): LockManager {
  const inner = new MemoryLockManager({ clock });
  const latest = new Map<string, Lock>();
  return {
    acquire: async (options) => {
      const lock = await inner.acquire(options);
      if (lock) latest.set(`${options.tenantId}:${options.key}`, lock);
      return lock;
    },
    release: (options) =>
      inner.release({
        ...options,
        lock: latest.get(`${options.tenantId}:${options.lock.key}`) ?? options.lock,
      }),
    extend: (options) => inner.extend(options),
  };
}

/** An outbox whose claim hands out pending entries without leasing them. */
class LeaselessOutbox extends MemoryOutbox {
  override async claim(options: Parameters<Outbox['claim']>[0]) {
    const tenantId =
      options.tenantIds === undefined || options.tenantIds === 'all'
        ? ''
        : (options.tenantIds[0] ?? '');
    const pending = await this.list({ tenantId, status: 'pending' });
    return pending
      .slice(0, options.limit)
      .map((entry) => ({ ...entry, status: 'in_flight' as const, attempts: 1, leaseToken: 'x' }));
  }
}

/** An outbox that ignores idempotency keys. */
class DuplicatingOutbox extends MemoryOutbox {
  override enqueue(options: Parameters<Outbox['enqueue']>[0]) {
    const salt = Math.random().toString(36).slice(2);
    return super.enqueue({
      ...options,
      actions: options.actions.map((action) => ({
        ...action,
        idempotencyKey: `${action.idempotencyKey}:${salt}`,
      })),
    });
  }
}

/** An inbox that never forgets. */
function ttlBlindInbox(clock: ManualClock): Inbox {
  const inbox = createMemoryInbox({ clock });
  return {
    markSeen: (options) => inbox.markSeen({ ...options, ttlMs: undefined }),
    has: (options) => inbox.has(options),
    getPayload: (options) => inbox.getPayload(options),
  };
}

interface Mutant<P> {
  description: string;
  suite: ContractSuite<P>;
  caseName: string;
  make: (clock: ManualClock) => P;
}

const mutant = <P>(value: Mutant<P>): Mutant<unknown> => value;

const mutants = [
  mutant({
    description: 'a conversation store that ignores tenantId',
    suite: conversationStoreContract,
    caseName:
      'tenant isolation: another tenant can never read, overwrite, list or delete the state',
    make: () => new TenantBlindConversationStore(),
  }),
  mutant({
    description: 'a lock manager that releases with any token',
    suite: lockManagerContract,
    caseName: 'release by the owner frees the lock; release with a foreign token does not',
    make: (clock) => tokenBlindLockManager(clock),
  }),
  mutant({
    description: 'an outbox that does not lease claimed entries',
    suite: outboxContract,
    caseName: 'claim leases due entries once: concurrent claims never return the same entry',
    make: (clock) => new LeaselessOutbox({ clock }),
  }),
  mutant({
    description: 'an outbox that ignores idempotency keys',
    suite: outboxContract,
    caseName: 'idempotency: the same idempotency key twice makes one entry',
    make: (clock) => new DuplicatingOutbox({ clock }),
  }),
  mutant({
    description: 'an inbox that ignores TTLs',
    suite: inboxContract,
    caseName: 'an id expires after its TTL and is accepted again',
    make: (clock) => ttlBlindInbox(clock),
  }),
];

describe('contract suites catch broken implementations', () => {
  it.each(mutants)('fails "$caseName" for $description', async ({ suite, caseName, make }) => {
    const testCase = suite.cases.find((candidate) => candidate.name === caseName);
    expect(testCase, `case "${caseName}" exists in ${suite.name}`).toBeDefined();
    if (!testCase) return;
    const clock = new ManualClock();
    await expect(
      runContractCase(testCase, { clock, create: async () => make(clock) }),
    ).rejects.toThrow();
  });

  it('the tenant-blind store still passes the cases that do not involve two tenants', async () => {
    const clock = new ManualClock();
    const testCase = conversationStoreContract.cases.find((candidate) =>
      candidate.name.startsWith('two writers'),
    );
    if (!testCase) throw new Error('case missing');
    await runContractCase(testCase, {
      clock,
      create: async () => new TenantBlindConversationStore(),
    });
  });
});
