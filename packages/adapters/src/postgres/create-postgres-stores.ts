import { EnterpriseHubError, type Clock, type Keyring } from '@enterprisehub/core';
import { PostgresDialect, type Logger, type PostgresPool } from 'kysely';
import { createKyselyStores, type KyselyStores } from '../kysely/create-kysely-stores';
import { keyringCipher, keyringLookupHashes } from '../kysely/keyring-cipher';

/** Pool settings used when the factory creates the `pg` pool from `connectionString`. */
export interface PostgresPoolSettings {
  /** Maximum connections. @defaultValue `10` */
  max?: number;
  /** Fail a connection attempt after this many ms (the DB is down). @defaultValue `5000` */
  connectionTimeoutMs?: number;
  /** Close idle connections after this many ms. @defaultValue `30000` */
  idleTimeoutMs?: number;
  /** Server-side `statement_timeout` per statement, ms. @defaultValue `15000` */
  statementTimeoutMs?: number;
}

/** Options of {@link createPostgresStores}. Give `pool` or `connectionString`. */
export interface PostgresStoresOptions {
  /** A `pg` Pool (or any Kysely `PostgresPool`) owned by the caller: `close()` does not end it. */
  pool?: PostgresPool;
  /** Connection URL, e.g. `postgres://user:pass@host:5432/db`; the factory creates and owns a pool. */
  connectionString?: string;
  /** Settings for the pool created from `connectionString`. */
  poolSettings?: PostgresPoolSettings;
  /** Schema holding the tables, created by `migrate()`. @defaultValue `'public'` */
  schema?: string;
  /** PII keyring: encrypts PII columns and derives blind indexes. */
  keyring: Keyring;
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
  /**
   * Group-commit concurrent inbox writes into one statement. Off by default on PostgreSQL: a grouped write resolves
   * up to one event-loop turn plus one statement later, which widens the window in which a reader on another
   * process does not yet see the id (e.g. the outbox deliverer remembering a sent message id for echo detection).
   * @defaultValue `false`
   */
  inboxBatching?: boolean;
  /**
   * Answer concurrent inbox lookups (`has`) with one SELECT: fewer round trips and less CPU per webhook. A grouped
   * lookup starts after it was made, so it never sees older state than a lone one. @defaultValue `true`
   */
  inboxLookupBatching?: boolean;
  /** Audit retention in ms; `audit.purge({ tenantId })` deletes older events. Unset = kept forever. */
  auditRetentionMs?: number;
  /** Kysely query logger (receives SQL, parameters — ciphertext and hashes only — and durations). */
  log?: Logger;
}

/** Every store on PostgreSQL (see {@link KyselyStores}). */
export type PostgresStores = KyselyStores;

function borrowed(pool: PostgresPool): PostgresPool {
  // Kysely ends the pool on destroy; a caller's pool is theirs to end.
  return {
    connect: () => pool.connect(),
    end: () => Promise.resolve(),
    options: pool.options,
    ...(pool.Client === undefined ? {} : { Client: pool.Client }),
  };
}

async function createPool(
  connectionString: string,
  settings: PostgresPoolSettings,
): Promise<PostgresPool> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString,
    max: settings.max ?? 10,
    connectionTimeoutMillis: settings.connectionTimeoutMs ?? 5000,
    idleTimeoutMillis: settings.idleTimeoutMs ?? 30_000,
    statement_timeout: settings.statementTimeoutMs ?? 15_000,
  });
  // An idle client losing its connection emits 'error' on the pool; without a listener that
  // would crash the process. The next query reports the outage as STORE_UNAVAILABLE instead.
  pool.on('error', () => undefined);
  // A checked-out client has no pool listener: a connection dropped mid-checkout (pg_terminate_backend, failover)
  // would emit an unhandled 'error' and crash the process. The query in flight still rejects with the error.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
}

/**
 * Creates every store on PostgreSQL through `pg`: the production storage. The pool is created
 * lazily on first use; call `migrate()` at start (safe from every instance: advisory lock).
 *
 * @example
 * ```ts
 * const stores = createPostgresStores({ connectionString: process.env.DATABASE_URL, keyring, schema: 'enterprisehub' });
 * await stores.migrate();
 * const result = await stores.conversations.compareAndSet({ tenantId, state, expectedVersion: 0 });
 * ```
 */
export function createPostgresStores(options: PostgresStoresOptions): PostgresStores {
  const { pool, connectionString } = options;
  if ((pool === undefined) === (connectionString === undefined)) {
    throw new EnterpriseHubError({
      code: 'CONFIG_INVALID',
      message: 'createPostgresStores takes exactly one of pool or connectionString.',
    });
  }
  const dialect = new PostgresDialect({
    pool:
      pool === undefined
        ? () => createPool(connectionString ?? '', options.poolSettings ?? {})
        : borrowed(pool),
  });
  return createKyselyStores({
    dialect,
    ...(options.log === undefined ? {} : { log: options.log }),
    cipher: keyringCipher(options.keyring),
    lookupHashes: keyringLookupHashes(options.keyring),
    inboxBatching: options.inboxBatching ?? false,
    inboxLookupBatching: options.inboxLookupBatching ?? true,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.auditRetentionMs === undefined
      ? {}
      : { auditRetentionMs: options.auditRetentionMs }),
  });
}
