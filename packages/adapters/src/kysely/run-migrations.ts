import { sql, type Kysely } from 'kysely';
import type { Clock } from '@enterprisehub/core';
import type { Migration, MigrationResult } from './migration';
import { migrationChecksum } from './migration-checksum';

/** Name of the bookkeeping table that records applied migrations (in the target schema). */
export const MIGRATIONS_TABLE = 'eh_schema_migrations';

/** Options of {@link runMigrations}. */
export interface RunMigrationsOptions {
  /** Schema to migrate; created when missing. */
  schema: string;
  /** Migrations to apply, any order (sorted by version). */
  migrations: readonly Migration[];
  /** Clock stamping `applied_at`. */
  clock: Clock;
}

/** The advisory-lock key for one schema: every instance migrating the same schema contends for it. */
export function migrationLockKey(schema: string): string {
  return `enterprisehub.migrate:${schema}`;
}

/**
 * Applies pending migrations under a session-level `pg_advisory_lock`, each migration in its own
 * transaction with `search_path` set to the schema, so two instances starting together apply
 * each version exactly once (the second waits, then finds nothing pending).
 *
 * @internal
 */
export async function runMigrations(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any database shape
  db: Kysely<any>,
  options: RunMigrationsOptions,
): Promise<MigrationResult> {
  const { schema, clock } = options;
  const ordered = [...options.migrations].sort((a, b) => a.version - b.version);
  const table = sql.id(schema, MIGRATIONS_TABLE);
  const lockKey = migrationLockKey(schema);
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${lockKey}))`.execute(connection);
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(connection);
      await sql`create table if not exists ${table} (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at bigint not null
      )`.execute(connection);
      const { rows } = await sql<{ version: number }>`select version from ${table}`.execute(
        connection,
      );
      const done = new Set(rows.map((row) => Number(row.version)));
      const applied: number[] = [];
      for (const migration of ordered) {
        if (done.has(migration.version)) continue;
        await connection.transaction().execute(async (trx) => {
          await sql`set local search_path to ${sql.id(schema)}`.execute(trx);
          for (const statement of migration.statements) {
            await sql.raw(statement).execute(trx);
          }
          await sql`insert into ${table} (version, name, checksum, applied_at)
            values (${migration.version}, ${migration.name}, ${migrationChecksum(migration)}, ${clock.now()})`.execute(
            trx,
          );
        });
        applied.push(migration.version);
        done.add(migration.version);
      }
      return { applied, currentVersion: Math.max(0, ...done) };
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${lockKey}))`.execute(connection);
    }
  });
}
