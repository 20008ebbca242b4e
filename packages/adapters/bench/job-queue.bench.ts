/**
 * Durable job queue benchmark (run with `pnpm bench job-queue`): enqueue → processed throughput of
 * `createKyselyJobQueue` on embedded PGlite and on PostgreSQL (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test, a throw-away schema): unkeyed, 100 contacts × 10 jobs
 * (per-key order) and one contact's strictly serial jobs, with 32 enqueues in flight.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyring } from '@enterprisehub/core';
import { sql } from 'kysely';
import { createKyselyJobQueue, type KyselyStores } from '../src/kysely/index';
import { createPgliteStores } from '../src/pglite/index';
import { createPostgresStores } from '../src/postgres/index';

const POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const keyring = createKeyring({ keys: [{ id: 'bench', key: randomBytes(32).toString('base64') }] });
const rows: {
  backend: string;
  scenario: string;
  jobs: number;
  seconds: number;
  perSecond: number;
}[] = [];

interface ThroughputRun {
  backend: string;
  scenario: string;
  keys: (string | undefined)[];
}

async function throughput(stores: KyselyStores, run: ThroughputRun): Promise<void> {
  const { backend, scenario, keys } = run;
  const queue = createKyselyJobQueue({
    db: stores.db,
    keyring,
    concurrency: 8,
    pollIntervalMs: 50,
  });
  let processed = 0;
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  queue.registerHandler('bench', () => {
    processed += 1;
    if (processed === keys.length) done();
    return Promise.resolve();
  });
  const started = performance.now();
  for (const [index, key] of keys.entries())
    await queue.enqueue({
      tenantId: 'bench',
      name: 'bench',
      payload: { index },
      ...(key === undefined ? {} : { orderingKey: key }),
    });
  await all;
  const seconds = (performance.now() - started) / 1000;
  rows.push({
    backend,
    scenario,
    jobs: keys.length,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Math.round(keys.length / seconds),
  });
  await queue.close();
}

async function suite(stores: KyselyStores, backend: string): Promise<void> {
  await stores.migrate();
  await throughput(stores, {
    backend,
    scenario: 'no ordering key',
    keys: Array.from({ length: 1_000 }, () => undefined),
  });
  await throughput(stores, {
    backend,
    scenario: '100 contacts × 10 jobs (per-key order)',
    keys: Array.from({ length: 1_000 }, (_, index) => `c${index % 100}`),
  });
  await throughput(stores, {
    backend,
    scenario: 'one contact × 300 jobs (serial)',
    keys: Array.from({ length: 300 }, () => 'c1'),
  });
}

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.connect(Number(port || 5432), hostname, () => finish(true));
  });
}

const dir = await mkdtemp(join(tmpdir(), 'eh-bench-jobs-'));
const pglite = createPgliteStores({ dataDir: join(dir, 'pglite'), keyring });
try {
  await suite(pglite, 'pglite');
} finally {
  await pglite.close();
  await rm(dir, { recursive: true, force: true });
}
if (await reachable(POSTGRES_URL)) {
  const schema = `eh_bench_jobs_${randomBytes(4).toString('hex')}`;
  const postgres = createPostgresStores({ connectionString: POSTGRES_URL, schema, keyring });
  try {
    await suite(postgres, 'postgres');
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(postgres.db);
    await postgres.close();
  }
} else {
  process.stdout.write(`PostgreSQL is not reachable at ${POSTGRES_URL}: PGlite figures only.\n`);
}
console.table(rows);
