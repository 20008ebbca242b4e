import {
  ManualClock,
  cacheContract,
  inboxContract,
  lockManagerContract,
  rateLimiterContract,
  runContractCase,
  type ContractSuite,
} from '@enterprisehub/core/testing';
import { requireService } from '@test-support/services';
import { afterAll, describe, it } from 'vitest';
import {
  createRedisConnection,
  createRedisCache,
  createRedisInbox,
  createRedisLockManager,
  createRedisRateLimiter,
  type RedisConnection,
} from '../../src/redis/index';
import {
  advanceBoth,
  deletePrefix,
  serverTimedClock,
  testRedisClient,
  uniquePrefix,
  whenReady,
} from '../support/redis-support';
import { createTestKeyring } from '../support/test-keyring';

const redis = await requireService('redis');
const client = redis.available ? testRedisClient(redis.url) : undefined;
if (client) await whenReady(client);
const keyPrefix = uniquePrefix('contract');
const connection = client ? createRedisConnection({ client, keyPrefix }) : undefined;

afterAll(async () => {
  if (!client) return;
  await deletePrefix(client, keyPrefix);
  client.disconnect();
});

interface Entry {
  suite: ContractSuite<unknown>;
  make: (shared: RedisConnection, clock: ManualClock) => unknown;
}

const entry = <P>(
  suite: ContractSuite<P>,
  make: (shared: RedisConnection, clock: ManualClock) => P,
): Entry => ({ suite, make });

const SUITES: Entry[] = [
  entry(cacheContract, (shared) => createRedisCache({ connection: shared })),
  entry(lockManagerContract, (shared, clock) =>
    createRedisLockManager({ connection: shared, clock: serverTimedClock(clock) }),
  ),
  entry(rateLimiterContract, (shared) => createRedisRateLimiter({ connection: shared })),
  entry(inboxContract, (shared) => createRedisInbox({ connection: shared })),
  entry({ ...inboxContract, name: 'Inbox (encrypted payloads)' }, (shared) =>
    createRedisInbox({ connection: shared, keyring: createTestKeyring() }),
  ),
];

describe.skipIf(!redis.available).each(SUITES)('Redis $suite.name contract', ({ suite, make }) => {
  it.each(suite.cases)('$name', async (testCase) => {
    if (!connection) return;
    const clock = new ManualClock(Date.now());
    await runContractCase(testCase, {
      clock,
      create: () => Promise.resolve(make(connection, clock)),
      advance: (ms) => advanceBoth(clock, ms),
    });
  });
});
