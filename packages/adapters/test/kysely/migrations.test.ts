import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@enterprisehub/core/testing';
import { requireService, uniqueName } from '@test-support/services';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../../src/kysely/index';
import { createPgliteStores } from '../../src/pglite/index';
import { createPostgresStores } from '../../src/postgres/index';
import { createPgliteFromTemplate } from '../support/pglite-template';
import { createTestKeyring } from '../support/test-keyring';

const postgres = await requireService('postgres');
const keyring = createTestKeyring();
const latest = Math.max(...MIGRATIONS.map((migration) => migration.version));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('migrations on PGlite', () => {
  it('applies every migration once, reports status, and keeps data across a reopen of the data dir', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'eh-migrate-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    // Seed the folder with an empty, unmigrated database (skips a slow initdb); the stores open it from dataDir.
    await (await createPgliteFromTemplate(dataDir)).close();
    const clock = new ManualClock();
    const first = createPgliteStores({ dataDir, keyring, clock });
    expect((await first.migrationStatus()).pending).toEqual(
      MIGRATIONS.map((migration) => migration.version),
    );
    expect(await first.migrate()).toEqual({
      applied: MIGRATIONS.map((migration) => migration.version),
      currentVersion: latest,
    });
    await first.inbox.markSeen({ tenantId: 't1', id: 'kept' });
    await first.close();

    const second = createPgliteStores({ dataDir, keyring, clock });
    expect(await second.migrate()).toEqual({ applied: [], currentVersion: latest });
    const status = await second.migrationStatus();
    expect(status).toMatchObject({
      schema: 'public',
      currentVersion: latest,
      latestVersion: latest,
      pending: [],
      unknown: [],
    });
    expect(
      status.migrations.every((entry) => entry.appliedAt === clock.now() && entry.checksumMatches),
    ).toBe(true);
    expect(await second.inbox.has({ tenantId: 't1', id: 'kept' })).toBe(true);
    await second.close();
  }, 60_000);
});

describe.skipIf(!postgres.available)('migrations on PostgreSQL', () => {
  const schema = uniqueName('eh_migrate').toLowerCase();
  const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: postgres.url, max: 2 }));
  const instances = pools.map((pool) => createPostgresStores({ pool, schema, keyring }));
  cleanups.push(async () => {
    const [first] = instances;
    if (first !== undefined)
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(first.db);
    for (const stores of instances) await stores.close();
    for (const pool of pools) await pool.end();
  });

  it('applies each version exactly once when three instances migrate at the same time', async () => {
    const results = await Promise.all(instances.map((stores) => stores.migrate()));
    const applied = results.flatMap((result) => result.applied).sort((a, b) => a - b);
    expect(applied).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(results.every((result) => result.currentVersion === latest)).toBe(true);
    const [first] = instances;
    if (first === undefined) throw new Error('no instance');
    const { rows } = await sql<{
      count: string;
    }>`select count(*) as count from ${sql.id(schema, MIGRATIONS_TABLE)}`.execute(first.db);
    expect(Number(rows[0]?.count)).toBe(MIGRATIONS.length);
  });

  it('reports an edited migration and a version the code does not know', async () => {
    const [first] = instances;
    if (first === undefined) throw new Error('no instance');
    const table = sql.id(schema, MIGRATIONS_TABLE);
    await sql`update ${table} set checksum = 'edited' where version = 1`.execute(first.db);
    await sql`insert into ${table} (version, name, checksum, applied_at) values (999, 'from_the_future', 'x', 0)`.execute(
      first.db,
    );
    const status = await first.migrationStatus();
    expect(status.migrations.find((entry) => entry.version === 1)?.checksumMatches).toBe(false);
    expect(status.unknown).toEqual([999]);
    expect(status.currentVersion).toBe(999);
  });

  it('reports every migration pending for a schema that does not exist yet, without creating it', async () => {
    const pool = new pg.Pool({ connectionString: postgres.url, max: 1 });
    const fresh = createPostgresStores({
      pool,
      schema: uniqueName('eh_none').toLowerCase(),
      keyring,
    });
    const status = await fresh.migrationStatus();
    expect(status.currentVersion).toBe(0);
    expect(status.pending).toHaveLength(MIGRATIONS.length);
    const { rows } = await sql<{
      present: boolean;
    }>`select exists (select 1 from pg_namespace where nspname = ${fresh.schema}) as present`.execute(
      fresh.db,
    );
    expect(rows[0]?.present).toBe(false);
    await fresh.close();
    await pool.end();
  });
});
