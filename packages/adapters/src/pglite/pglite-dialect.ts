import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
} from 'kysely';
import { PgliteDriver, type PgliteDialectConfig } from './pglite-driver';

/**
 * Kysely dialect for embedded PGlite (PostgreSQL compiled to WASM): PostgreSQL SQL, adapter and
 * introspection over {@link PgliteDriver}. Works with PGlite 0.3 – 0.5.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { Kysely } from 'kysely';
 * const db = new Kysely<MyDatabase>({ dialect: new PgliteDialect({ client: new PGlite('./data') }) });
 * ```
 */
export class PgliteDialect implements Dialect {
  readonly #config: PgliteDialectConfig;

  /** Creates the dialect over a PGlite instance or lazy factory. */
  constructor(config: PgliteDialectConfig) {
    this.#config = config;
  }

  /** A {@link PgliteDriver} for the configured client. */
  createDriver(): Driver {
    return new PgliteDriver(this.#config);
  }

  /** PostgreSQL's query compiler: PGlite speaks PostgreSQL. */
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  /** PostgreSQL's dialect adapter. */
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  /** PostgreSQL's introspector. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Dialect signature takes Kysely<any>
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
