/**
 * One versioned schema migration, written once as plain PostgreSQL statements and applied
 * unchanged to PostgreSQL and PGlite. Statements are unqualified: the runner sets
 * `search_path` to the target schema inside the migration's transaction.
 */
export interface Migration {
  /** Strictly increasing version number (1, 2, 3, …). */
  readonly version: number;
  /** Short snake_case name, e.g. `initial_stores`. */
  readonly name: string;
  /** Statements run in order inside one transaction (one statement per entry). */
  readonly statements: readonly string[];
}

/** One migration as recorded in, or missing from, a database. */
export interface MigrationStatusEntry {
  /** Migration version. */
  version: number;
  /** Migration name. */
  name: string;
  /** When it was applied (epoch ms), or `undefined` when pending. */
  appliedAt: number | undefined;
  /** `false` when the applied statements differ from the shipped ones (a migration was edited after release). */
  checksumMatches: boolean;
}

/** What `migrationStatus()` reports: the `migrate:status` readout. */
export interface MigrationStatus {
  /** Schema the stores live in (`public` unless configured). */
  schema: string;
  /** Highest applied version, 0 for an empty database. */
  currentVersion: number;
  /** Highest version this package ships. */
  latestVersion: number;
  /** Every known migration, applied or pending, by version. */
  migrations: MigrationStatusEntry[];
  /** Versions not yet applied. */
  pending: number[];
  /** Applied versions this package does not know (the database is newer than the code). */
  unknown: number[];
}

/** What `migrate()` did. */
export interface MigrationResult {
  /** Versions applied by this call, in order (empty when already up to date). */
  applied: number[];
  /** Highest applied version after the call. */
  currentVersion: number;
}
