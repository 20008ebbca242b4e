import { EnterpriseHubError } from '@enterprisehub/core';
import type {
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  TransactionSettings,
} from 'kysely';

function closedError(): EnterpriseHubError {
  return new EnterpriseHubError({
    code: 'STORE_UNAVAILABLE',
    message: 'The stores were closed; create new ones to keep using the database.',
    retryable: false,
  });
}

/** Delegates to the real driver but refuses to start or hand out connections once closed. */
class ClosableDriver implements Driver {
  readonly #inner: Driver;
  readonly #isClosed: () => boolean;

  constructor(inner: Driver, isClosed: () => boolean) {
    this.#inner = inner;
    this.#isClosed = isClosed;
  }

  async init(): Promise<void> {
    if (this.#isClosed()) throw closedError();
    await this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#isClosed()) throw closedError();
    return this.#inner.acquireConnection();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/**
 * Wraps a dialect so that, after {@link ClosableDialect.close}, no query can start: without it,
 * Kysely would lazily re-create a pool (or a whole embedded database) for a call made after
 * `close()` on stores that had never been used. Calls fail with `STORE_UNAVAILABLE` instead.
 *
 * @internal
 */
export class ClosableDialect implements Dialect {
  readonly #inner: Dialect;
  #closed = false;

  constructor(inner: Dialect) {
    this.#inner = inner;
  }

  /** Marks the dialect closed: every later connection attempt throws. */
  close(): void {
    this.#closed = true;
  }

  createDriver(): Driver {
    return new ClosableDriver(this.#inner.createDriver(), () => this.#closed);
  }

  createQueryCompiler(): QueryCompiler {
    return this.#inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.#inner.createAdapter();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Dialect signature takes Kysely<any>
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.#inner.createIntrospector(db);
  }
}
