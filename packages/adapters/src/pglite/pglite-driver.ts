import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { PgliteClientLike } from './pglite-client-like';
import { PgliteMutex } from './pglite-mutex';

/** Configuration of {@link PgliteDriver} and {@link PgliteDialect}. */
export interface PgliteDialectConfig {
  /** A ready PGlite instance, or a lazy factory called once on first use. */
  client: PgliteClientLike | (() => Promise<PgliteClientLike>);
  /**
   * Whether `Kysely#destroy()` closes the PGlite instance.
   * @defaultValue `true` for a factory (the driver created it), `false` for an injected instance.
   */
  closeOnDestroy?: boolean;
}

const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** A Kysely connection over the single PGlite session. */
class PgliteConnection implements DatabaseConnection {
  readonly #client: PgliteClientLike;

  constructor(client: PgliteClientLike) {
    this.#client = client;
  }

  /** Runs one compiled query on PGlite. */
  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#client.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    const command = result.command?.toUpperCase();
    const changed = result.rowCount ?? result.affectedRows;
    if (command !== undefined && WRITE_COMMANDS.has(command) && changed !== undefined) {
      return { rows: result.rows, numAffectedRows: BigInt(changed) };
    }
    return { rows: result.rows };
  }

  /** Not supported: PGlite returns whole results. */
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('The PGlite driver does not support streaming queries.');
  }
}

/**
 * Kysely driver over one PGlite instance. PGlite is a single session, so the driver lends its one
 * connection to one caller at a time (FIFO): a transaction holds it from BEGIN to COMMIT and
 * nothing interleaves with it.
 */
export class PgliteDriver implements Driver {
  readonly #config: PgliteDialectConfig;
  readonly #mutex = new PgliteMutex();
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();
  #client: PgliteClientLike | undefined;
  #connection: PgliteConnection | undefined;

  /** Creates the driver; nothing is opened until `init()`. */
  constructor(config: PgliteDialectConfig) {
    this.#config = config;
  }

  /** Resolves the PGlite instance (calling the factory once). */
  async init(): Promise<void> {
    const source = this.#config.client;
    this.#client = typeof source === 'function' ? await source() : source;
    this.#connection = new PgliteConnection(this.#client);
  }

  /** Waits for the single session to be free and lends it to the caller. */
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    const connection = this.#connection;
    if (connection === undefined) {
      release();
      throw new Error('PGlite driver has been destroyed');
    }
    this.#releases.set(connection, release);
    return connection;
  }

  /** Issues `BEGIN` (or `START TRANSACTION` with the requested settings). */
  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    let statement = 'begin';
    if (settings.isolationLevel !== undefined || settings.accessMode !== undefined) {
      statement = 'start transaction';
      if (settings.isolationLevel !== undefined)
        statement += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode !== undefined) statement += ` ${settings.accessMode}`;
    }
    await connection.executeQuery(CompiledQuery.raw(statement));
  }

  /** Issues `COMMIT`. */
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  /** Issues `ROLLBACK`. */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  /** Hands the session to the next caller in line. */
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
    return Promise.resolve();
  }

  /** Closes the PGlite instance when the driver owns it, after the current holder is done. */
  async destroy(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    this.#connection = undefined;
    const closeOnDestroy = this.#config.closeOnDestroy ?? typeof this.#config.client === 'function';
    if (client !== undefined && closeOnDestroy && client.closed !== true) {
      // Wait for the current holder so a running transaction is not cut off.
      const release = await this.#mutex.lock();
      try {
        await client.close();
      } finally {
        release();
      }
    }
  }
}
