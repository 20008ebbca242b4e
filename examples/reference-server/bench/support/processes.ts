/**
 * Process and service helpers for the server benches: fork a bench server with an IPC channel, probe the shared
 * PostgreSQL / Redis, create a throwaway database, and remove a run's Redis keys (never a flush).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TENANT, generateKeyringEnvValue } from '@enterprisehub/core';
import { webhookTestKeys } from '@enterprisehub/ghl/testing';
import type { CollectedReply, ServerStats } from './server-process';

const SERVER_SCRIPT = join(import.meta.dirname, 'server-process.ts');

export const POSTGRES_URL =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A forked bench server. */
export interface BenchServer {
  port: number;
  url: string;
  child: ChildProcess;
  stats(): Promise<ServerStats>;
  gc(): Promise<ServerStats>;
  collect(tenantId?: string): Promise<CollectedReply[]>;
  stop(): Promise<void>;
  /** Calls `listener` for every message the server's worker handled (needs `BENCH_NOTIFY=1` in `env`). */
  onHandled(listener: (handled: HandledMessage) => void): void;
}

/** Pushed by a worker with `BENCH_NOTIFY=1` after each handled inbound message. */
export interface HandledMessage {
  messageId: string;
  at: number;
  reply: string;
}

/** Options of {@link startServer}. */
export interface StartServerOptions {
  kind: 'bare' | 'ours';
  /** Environment for `loadConfig` (merged over a quiet, test-key default). */
  env?: Record<string, string>;
}

let tenantsFile: Promise<string> | undefined;

/**
 * A tenants file with the demo tenant, quiet hours off: during quiet hours (21:00–08:00 in the tenant's zone) replies
 * are deferred to a scheduled send instead of the outbox, which would make the figures depend on the time of day.
 */
export function benchTenantsFile(): Promise<string> {
  tenantsFile ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eh-bench-tenants-'));
    const file = join(dir, 'tenants.json');
    const tenant = {
      ...DEMO_TENANT,
      compliance: {
        ...DEMO_TENANT.compliance,
        quietHours: { ...DEMO_TENANT.compliance.quietHours, enabled: false },
      },
    };
    await writeFile(file, JSON.stringify({ tenants: [tenant] }));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return file;
  })();
  return tenantsFile;
}

/** Forks a bench server and waits until it is ready. */
export async function startServer(options: StartServerOptions): Promise<BenchServer> {
  const tenants = options.kind === 'ours' ? { TENANTS_FILE: await benchTenantsFile() } : {};
  const child = fork(SERVER_SCRIPT, [], {
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile per server process (to find where the time goes).
    execArgv: [
      '--expose-gc',
      '--import',
      'tsx',
      ...(process.env['BENCH_CPU_PROF']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`]
        : []),
    ],
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      TSX_TSCONFIG_PATH: process.env['TSX_TSCONFIG_PATH'] ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
      GHL_WEBHOOK_PUBLIC_KEY: webhookTestKeys.ed25519.publicKey,
      BENCH_SERVER: options.kind,
      ...tenants,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  let exited = false;
  const listeners: ((handled: HandledMessage) => void)[] = [];
  const ready = new Promise<number>((resolve, reject) => {
    child.on(
      'message',
      (message: { type?: string; port?: number; id?: number; data?: unknown; error?: string }) => {
        if (message.type === 'handled') {
          for (const listener of listeners) listener(message as unknown as HandledMessage);
        } else if (message.type === 'ready') resolve(message.port ?? 0);
        else if (message.id !== undefined) {
          const waiter = pending.get(message.id);
          pending.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error));
          else waiter?.resolve(message.data);
        }
      },
    );
    child.once('exit', (code) => {
      exited = true;
      const error = new Error(`bench server exited with code ${code ?? 'null'}`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  });
  const request = <T>(type: string, extra: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exited) {
        reject(new Error('bench server is not running'));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, type, ...extra });
    });
  const port = await ready;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    stats: () => request<ServerStats>('stats'),
    gc: () => request<ServerStats>('gc'),
    onHandled: (listener) => {
      listeners.push(listener);
    },
    collect: (tenantId = 'demo') => request<CollectedReply[]>('collect', { tenantId }),
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await request('stop').catch(() => undefined);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** Whether something accepts TCP connections at `url`'s host and port. */
export function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A unique lowercase id for a run (database name, deployment id, key prefix). */
export function runId(label: string): string {
  return `eh-bench-${label}-${randomBytes(4).toString('hex')}`;
}

/** A temporary directory for an embedded server's DATA_DIR. */
export async function tempDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'eh-bench-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Production-mode environment on a fresh database of the shared PostgreSQL plus key-prefixed Redis. */
export interface ProductionEnv {
  env: Record<string, string>;
  /** Drops the database (its own backends only) and deletes the run's Redis keys. */
  cleanup(): Promise<void>;
}

/** Creates a throwaway database and a production-mode environment using it; `undefined` when a service is absent. */
export async function productionEnv(label: string): Promise<ProductionEnv | undefined> {
  if (!(await reachable(POSTGRES_URL)) || !(await reachable(REDIS_URL))) return undefined;
  const id = runId(label);
  const database = id.replaceAll('-', '_');
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const databaseUrl = new URL(POSTGRES_URL);
  databaseUrl.pathname = `/${database}`;
  const adminKey = randomBytes(24).toString('hex');
  return {
    env: {
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL,
      DEPLOYMENT_ID: id,
      ADMIN_API_KEY: adminKey,
      JWT_SECRET: randomBytes(24).toString('hex'),
      PII_ENCRYPTION_KEYS: generateKeyringEnvValue(),
    },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
      const { Redis } = await import('ioredis');
      const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `*${id}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
