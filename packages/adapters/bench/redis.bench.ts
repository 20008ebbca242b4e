/**
 * Redis and BullMQ benchmarks (run with `pnpm bench redis`): lock acquire + release per second,
 * rate-limiter decisions per second, and BullMQ enqueue → processed throughput (unkeyed, keyed
 * across many contacts, and one contact's strictly serial jobs). Needs Redis at TEST_REDIS_URL
 * (default redis://127.0.0.1:6379); every key lives under a fresh prefix, deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createBullmqJobQueue } from '../src/bullmq/index';
import {
  createRedisConnection,
  createRedisLockManager,
  createRedisRateLimiter,
} from '../src/redis/index';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `ehbench_${randomBytes(4).toString('hex')}`;

interface Row {
  scenario: string;
  operations: number;
  seconds: number;
  perSecond: number;
}
const rows: Row[] = [];

async function measure(
  scenario: string,
  operations: number,
  run: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  rows.push({
    scenario,
    operations,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Math.round(operations / seconds),
  });
}

/** Runs `total` operations with at most `inFlight` at once. */
async function pool(
  total: number,
  inFlight: number,
  operation: (index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) await operation(next++);
    }),
  );
}

async function redisPorts(client: Redis): Promise<void> {
  const connection = createRedisConnection({ client, keyPrefix: prefix });
  const locks = createRedisLockManager({ connection });
  const limiter = createRedisRateLimiter({ connection });
  const tenantId = 'bench';
  const lockCycle = async (key: string) => {
    const lock = await locks.acquire({ tenantId, key, ttlMs: 30_000 });
    if (lock) await locks.release({ tenantId, lock });
  };
  await pool(200, 1, (index) => lockCycle(`warm:${index}`));
  await measure('lock acquire+release, 1 at a time', 3_000, () =>
    pool(3_000, 1, (index) => lockCycle(`contact:${index % 100}`)),
  );
  await measure('lock acquire+release, 64 in flight (distinct contacts)', 20_000, () =>
    pool(20_000, 64, (index) => lockCycle(`contact:${index % 1_000}`)),
  );
  await measure('rate-limit decision, 1 at a time (one key)', 3_000, () =>
    pool(3_000, 1, () =>
      limiter.consume({ tenantId, key: 'api:one', limit: 1_000_000, windowMs: 60_000 }),
    ),
  );
  await measure('rate-limit decision, 64 in flight (1,000 keys)', 20_000, () =>
    pool(20_000, 64, (index) =>
      limiter.consume({ tenantId, key: `ghl:${index % 1_000}`, limit: 100, windowMs: 10_000 }),
    ),
  );
  await measure('rate-limit decision at the limit (refusals, 100-entry log)', 5_000, () =>
    pool(5_000, 16, () =>
      limiter.consume({ tenantId, key: 'ghl:full', limit: 100, windowMs: 60_000 }),
    ),
  );
}

async function bullmqThroughput(scenario: string, jobs: { key?: string }[]): Promise<void> {
  const queue = createBullmqJobQueue({
    connection: { url: REDIS_URL },
    prefix,
    queueName: `bench-${rows.length}`,
    concurrency: 16,
    busyRetryDelayMs: 5,
  });
  let processed = 0;
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));
  queue.registerHandler('bench', () => {
    processed += 1;
    if (processed === jobs.length) resolveAll();
    return Promise.resolve();
  });
  await measure(scenario, jobs.length, async () => {
    await pool(jobs.length, 32, (index) =>
      queue.enqueue({
        tenantId: 'bench',
        name: 'bench',
        payload: { index },
        ...(jobs[index]?.key === undefined ? {} : { orderingKey: jobs[index]?.key }),
      }),
    );
    await all;
  });
  await queue.close();
}

async function deletePrefix(client: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== '0');
}

const client = new Redis(REDIS_URL, {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
});
try {
  await client.connect();
} catch {
  process.stdout.write(`Redis is not reachable at ${REDIS_URL}: skipping the Redis benchmarks.\n`);
  process.exit(0);
}
try {
  await redisPorts(client);
  await bullmqThroughput(
    'BullMQ enqueue→processed, no ordering key (16 handlers)',
    Array.from({ length: 3_000 }, () => ({})),
  );
  await bullmqThroughput(
    'BullMQ enqueue→processed, 100 contacts × 20 jobs (per-key order)',
    Array.from({ length: 2_000 }, (_, index) => ({ key: `c${index % 100}` })),
  );
  await bullmqThroughput(
    'BullMQ enqueue→processed, one contact × 300 jobs (serial)',
    Array.from({ length: 300 }, () => ({ key: 'c1' })),
  );
} finally {
  await deletePrefix(client);
  client.disconnect();
}
console.table(rows);
