/**
 * Dependency faults against the real server process in production mode (`pnpm test:reliability`): a Redis of our own
 * (spare port, no persistence) killed and restarted mid-stream, and PostgreSQL connections of our own
 * `application_name` terminated mid-stream. Nothing answered 200 may be lost or processed twice, `/health` stays up
 * and `/ready` names the fault while it lasts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyringEnvValue, parseKeyring } from '@enterprisehub/core';
import { createPostgresStores } from '@enterprisehub/adapters/postgres';
import { webhookTestKeys } from '@enterprisehub/ghl/testing';
import { requireService, uniqueName } from '@test-support/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './support/child-server';
import {
  answered200,
  buildMessages,
  checkExactlyOnce,
  deliver,
  queueIsIdle,
  stream,
  type StreamedMessage,
} from './support/crash-scenario';
import { deleteRedisPrefix, send, waitUntil } from './support/http';
import { writeTenantsFile } from './support/tenants';

const postgres = await requireService('postgres');
const redis = await requireService('redis');

let dir: string;
let tenantsFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eh-faults-'));
  tenantsFile = await writeTenantsFile(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sparePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/** Our own throw-away redis-server (never the shared one on 6379). */
async function startRedis(port: number, aofDir?: string): Promise<ChildProcess> {
  const persistence = aofDir
    ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', aofDir]
    : ['--appendonly', 'no'];
  const child = spawn('redis-server', ['--port', String(port), '--save', '', ...persistence], {
    stdio: 'ignore',
  });
  await waitUntil(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = createServer().listen(port, '127.0.0.1');
        socket.once('error', () => resolve(true)); // port taken: redis is listening
        socket.once('listening', () => socket.close(() => resolve(false)));
      }),
    { timeoutMs: 10_000, what: 'redis-server to listen' },
  );
  return child;
}

async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}

interface ProductionEnv {
  env: Record<string, string>;
  schema: string;
  keys: string;
  applicationName: string;
}

function productionEnv(redisUrl: string): ProductionEnv {
  const schema = uniqueName('faults').toLowerCase();
  const keys = generateKeyringEnvValue();
  const applicationName = `eh_rel_${schema}`;
  const url = new URL(postgres.url);
  url.searchParams.set('application_name', applicationName);
  return {
    schema,
    keys,
    applicationName,
    env: {
      DATA_DIR: join(dir, schema),
      TENANTS_FILE: tenantsFile,
      GHL_WEBHOOK_PUBLIC_KEY: webhookTestKeys.ed25519.publicKey,
      DATABASE_URL: url.toString(),
      DATABASE_SCHEMA: schema,
      REDIS_URL: redisUrl,
      DEPLOYMENT_ID: schema.replace(/_/g, '-'),
      PII_ENCRYPTION_KEYS: keys,
      ADMIN_API_KEY: 'reliability-admin-key-0123456789',
      GHL_MODE: 'dry-run',
      // The inbox replay re-enqueues accepted events whose job was lost; short here so a run settles in seconds.
      INBOX_REPLAY_GRACE_MS: '5000',
      INBOX_REPLAY_INTERVAL_MS: '2000',
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

/** Retries (as GHL does) every message without a 200 until each has one or the deadline passes. */
async function retryUntilAccepted(url: string, messages: StreamedMessage[]): Promise<void> {
  await waitUntil(
    async () => {
      for (const message of messages.filter((candidate) => !answered200(candidate)))
        await deliver(url, message);
      return messages.every(answered200);
    },
    { timeoutMs: 60_000, intervalMs: 1_000, what: 'every webhook to be answered 200' },
  );
}

/** Waits until every message answered 200 has its reply, then checks exactly-once. */
/** How many events the server's inbox replay enqueued again (from its warn-level log lines). */
function replayedCount(output: readonly string[]): number {
  let total = 0;
  for (const line of output) {
    if (!line.includes('inbox replay: re-enqueued')) continue;
    const match = /"replayed":(\d+)/.exec(line);
    total += match ? Number(match[1]) : 0;
  }
  return total;
}

async function settleAndCheck(
  server: ChildServer,
  setup: ProductionEnv,
  messages: StreamedMessage[],
): Promise<{ lost: string[]; duplicated: string[] }> {
  const url = server.baseUrl ?? '';
  const stores = createPostgresStores({
    connectionString: postgres.url,
    schema: setup.schema,
    keyring: parseKeyring(setup.keys),
  });
  try {
    let result = await checkExactlyOnce(messages, { ...stores, close: () => stores.close() });
    const deadline = Date.now() + 90_000;
    while (result.lost.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      if (!(await queueIsIdle(url))) continue;
      result = await checkExactlyOnce(messages, { ...stores, close: () => stores.close() });
    }
    return result;
  } finally {
    await stores.close();
  }
}

function report(
  name: string,
  run: {
    messages: StreamedMessage[];
    result: { lost: string[]; duplicated: string[] };
    notes: string[];
  },
): string {
  const { messages, result, notes } = run;
  const text = [
    `[dependency-faults ${name}]`,
    `messages ${messages.length}, answered 200: ${messages.filter(answered200).length}`,
    `non-200 answers during the fault: ${messages.flatMap((message) => message.answers).filter((answer) => answer.startsWith('error')).length}`,
    ...notes,
    `lost: ${result.lost.length} ${result.lost.slice(0, 5).join(', ')}`,
    `duplicated: ${result.duplicated.length} ${result.duplicated.slice(0, 5).join(', ')}`,
  ].join('\n');
  process.stderr.write(`\n${text}\n`);
  return text;
}

describe.skipIf(!postgres.available || !redis.available)(
  'dependency faults (production mode)',
  () => {
    const redisCases = [
      {
        name: 'Redis with AOF (appendfsync always) killed and restarted mid-stream: /ready names redis, nothing answered 200 is lost',
        persistent: true,
        test: it,
      },
      {
        // Jobs accepted (200) while queued in a Redis without persistence die with it; the events are in the
        // PostgreSQL inbox, unprocessed, and the worker's inbox replay enqueues them again. See docs/reliability.md.
        name: 'Redis without persistence killed mid-stream: the inbox replay re-enqueues the lost jobs, nothing answered 200 is lost',
        persistent: false,
        test: it,
      },
    ] as const;
    for (const redisCase of redisCases)
      redisCase.test(redisCase.name, async () => {
        const port = await sparePort();
        const aofDir = redisCase.persistent ? await mkdtemp(join(dir, 'aof-')) : undefined;
        let redisProcess = await startRedis(port, aofDir);
        const setup = productionEnv(`redis://127.0.0.1:${port}`);
        const server = await startChildServer({ env: setup.env });
        const url = server.baseUrl ?? '';
        const notes: string[] = [];
        try {
          const messages = buildMessages(16, 6);
          let streaming = stream(url, messages, { pauseMs: 400 });
          await waitUntil(() => messages.filter(answered200).length >= 16, {
            timeoutMs: 60_000,
            intervalMs: 5,
          });
          await killProcess(redisProcess);
          // While Redis is down: liveness stays up, readiness names redis.
          const ready = await waitUntil(
            async () => {
              const answer = await send(`${url}/ready`);
              return answer.status === 503 ? answer : undefined;
            },
            { timeoutMs: 20_000, intervalMs: 250, what: '/ready to report the Redis outage' },
          );
          const health = await send(`${url}/health`);
          notes.push(`during the outage: /health ${health.status}, /ready ${ready.status}`);
          expect(health.status).toBe(200);
          const dependencies = (ready.json as { dependencies: { name: string; ok: boolean }[] })
            .dependencies;
          expect(dependencies.find((dependency) => dependency.name === 'redis')?.ok).toBe(false);
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          redisProcess = await startRedis(port, aofDir);
          await streaming;
          streaming = Promise.resolve();
          await retryUntilAccepted(url, messages);
          await waitUntil(async () => (await send(`${url}/ready`)).status === 200, {
            timeoutMs: 30_000,
            intervalMs: 500,
            what: '/ready to recover',
          });
          notes.push('after the restart: /ready 200');
          const result = await settleAndCheck(server, setup, messages);
          notes.push(`re-enqueued by the inbox replay: ${replayedCount(server.output)}`);
          const text = report(redisCase.persistent ? 'redis-aof' : 'redis-no-persistence', {
            messages,
            result,
            notes,
          });
          expect(result.duplicated, text).toEqual([]);
          expect(result.lost, text).toEqual([]);
        } finally {
          await server.crash();
          await killProcess(redisProcess);
          await dropSchema(setup.schema);
        }
      });

    it('PostgreSQL backends terminated mid-stream: the server recovers, nothing answered 200 is lost', async () => {
      const setup = productionEnv(redis.url);
      const server = await startChildServer({ env: setup.env });
      const url = server.baseUrl ?? '';
      const admin = new pg.Client({ connectionString: postgres.url });
      await admin.connect();
      const notes: string[] = [];
      try {
        const messages = buildMessages(16, 6);
        const streaming = stream(url, messages, { pauseMs: 400 });
        await waitUntil(() => messages.filter(answered200).length >= 16, {
          timeoutMs: 60_000,
          intervalMs: 5,
        });
        let terminated = 0;
        for (let round = 0; round < 10; round += 1) {
          // Only our own server's backends: matched by the unique application_name of this run.
          const result = await admin.query<{ pid: number }>(
            'SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
            [setup.applicationName],
          );
          for (const row of result.rows) {
            await admin.query('SELECT pg_terminate_backend($1)', [row.pid]);
            terminated += 1;
          }
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        notes.push(`terminated backends: ${terminated}`);
        expect(terminated).toBeGreaterThan(0);
        await streaming;
        expect(
          server.process.exitCode,
          `the server process must survive dropped connections:\n${server.output.slice(-30).join('\n')}`,
        ).toBeNull();
        await retryUntilAccepted(url, messages);
        expect((await send(`${url}/health`)).status).toBe(200);
        await waitUntil(async () => (await send(`${url}/ready`)).status === 200, {
          timeoutMs: 30_000,
          intervalMs: 500,
          what: '/ready to recover',
        });
        const result = await settleAndCheck(server, setup, messages);
        const text = report('postgres', { messages, result, notes });
        expect(result.duplicated, text).toEqual([]);
        expect(result.lost, text).toEqual([]);
      } finally {
        await admin.end();
        await server.crash();
        await dropSchema(setup.schema);
        // The shared Redis: only this run's own key prefix.
        await deleteRedisPrefix(redis.url, setup.env['DEPLOYMENT_ID'] ?? setup.schema);
      }
    });
  },
);
