import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Clock, Keyring } from '@enterprisehub/core';
import { requireService, uniqueName } from '@test-support/services';
import { sql, type Logger } from 'kysely';
import pg from 'pg';
import type { KyselyStores } from '../../src/kysely/index';
import { createPgliteStores } from '../../src/pglite/index';
import { createPostgresStores } from '../../src/postgres/index';
import { createPgliteFromTemplate } from './pglite-template';
import { createTestKeyring } from './test-keyring';

/** Options a test may set on the stores it opens. */
export interface OpenOptions {
  clock?: Clock;
  log?: Logger;
  inboxBatching?: boolean;
  auditRetentionMs?: number;
  /** Keyring to use instead of the shared {@link testKeyring}. */
  keyring?: Keyring;
}

/** One database technology the kysely stores run on in tests. */
export interface StoreTarget {
  name: 'pglite' | 'postgres';
  available: boolean;
  /** Opens migrated stores; PGlite shares one data dir per file, PostgreSQL one fresh schema per file. */
  open(options?: OpenOptions): Promise<KyselyStores>;
  /** Raw SQL access to the target's tables (schema-bound). */
  raw(): Promise<KyselyStores['db']>;
  /** Closes everything the target created and removes its data (call in afterAll). */
  dispose(): Promise<void>;
}

/** The keyring every target uses unless a test passes its own. */
export const testKeyring = createTestKeyring();
const keyring = testKeyring;

function pgliteTarget(): StoreTarget {
  let client: Promise<{ client: PGlite; dir: string }> | undefined;
  const opened: KyselyStores[] = [];
  const shared = () =>
    (client ??= (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'eh-pglite-'));
      return { client: await createPgliteFromTemplate(dir), dir };
    })());
  const open = async (options: OpenOptions = {}) => {
    const stores = createPgliteStores({ client: (await shared()).client, keyring, ...options });
    opened.push(stores);
    await stores.migrate();
    return stores;
  };
  return {
    name: 'pglite',
    available: true,
    open,
    raw: async () => (opened[0] ?? (await open())).db,
    async dispose() {
      for (const stores of opened) await stores.close();
      if (client === undefined) return;
      const { client: instance, dir } = await client;
      await instance.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function postgresTarget(url: string, available: boolean): StoreTarget {
  const schema = uniqueName('eh_test').toLowerCase();
  const pool = new pg.Pool({ connectionString: url, max: 12 });
  const opened: KyselyStores[] = [];
  const open = async (options: OpenOptions = {}) => {
    const stores = createPostgresStores({ pool, schema, keyring, ...options });
    opened.push(stores);
    await stores.migrate();
    return stores;
  };
  return {
    name: 'postgres',
    available,
    open,
    raw: async () => (opened[0] ?? (await open())).db,
    async dispose() {
      if (available) {
        const stores = opened[0] ?? createPostgresStores({ pool, schema, keyring });
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(stores.db);
      }
      for (const stores of opened) await stores.close();
      await pool.end();
    },
  };
}

/**
 * Targets for `describe.each`: PGlite always, PostgreSQL when reachable (required under CI).
 * Both are created and migrated here, at collection time, so the slow PGlite start (initdb in
 * WASM, seconds on a busy machine) never counts against a test's timeout.
 */
export async function storeTargets(): Promise<StoreTarget[]> {
  const probe = await requireService('postgres');
  const targets = [pgliteTarget(), postgresTarget(probe.url, probe.available)];
  for (const target of targets) if (target.available) await target.raw();
  return targets;
}

/** A fresh tenant id per test so tests sharing one database never see each other's rows. */
export function freshTenant(): string {
  return uniqueName('tenant');
}
