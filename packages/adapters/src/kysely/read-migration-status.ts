import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationStatus } from './migration';
import { migrationChecksum } from './migration-checksum';
import { MIGRATIONS_TABLE } from './run-migrations';

interface AppliedRow {
  version: number | string;
  checksum: string;
  applied_at: number | string;
}

/**
 * Reads which migrations a schema has applied and which are pending (the `migrate:status`
 * readout). Never writes: an unmigrated database reports every migration as pending.
 *
 * @internal
 */
export async function readMigrationStatus(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any database shape
  db: Kysely<any>,
  options: { schema: string; migrations: readonly Migration[] },
): Promise<MigrationStatus> {
  const { schema } = options;
  const exists = await sql<{
    present: boolean;
  }>`select to_regclass(${`"${schema.replaceAll('"', '""')}".${MIGRATIONS_TABLE}`}) is not null as present`.execute(
    db,
  );
  const applied = new Map<number, AppliedRow>();
  if (exists.rows[0]?.present === true) {
    const { rows } =
      await sql<AppliedRow>`select version, checksum, applied_at from ${sql.id(schema, MIGRATIONS_TABLE)}`.execute(
        db,
      );
    for (const row of rows) applied.set(Number(row.version), row);
  }
  const ordered = [...options.migrations].sort((a, b) => a.version - b.version);
  const known = new Set(ordered.map((migration) => migration.version));
  const migrations = ordered.map((migration) => {
    const row = applied.get(migration.version);
    return {
      version: migration.version,
      name: migration.name,
      appliedAt: row === undefined ? undefined : Number(row.applied_at),
      checksumMatches: row === undefined || row.checksum === migrationChecksum(migration),
    };
  });
  return {
    schema,
    currentVersion: Math.max(0, ...applied.keys()),
    latestVersion: Math.max(0, ...known),
    migrations,
    pending: migrations
      .filter((entry) => entry.appliedAt === undefined)
      .map((entry) => entry.version),
    unknown: [...applied.keys()].filter((version) => !known.has(version)).sort((a, b) => a - b),
  };
}
