/**
 * Embedded PGlite stores (`@enterprisehub/adapters/pglite`): PostgreSQL in WASM in a data
 * folder, same migrations as PostgreSQL, plus the Kysely dialect for PGlite. Loads
 * `@electric-sql/pglite` (an optional peer) and never `pg`.
 *
 * @module
 */
export {
  createPgliteStores,
  type PgliteStores,
  type PgliteStoresOptions,
} from './create-pglite-stores';
export { PgliteDialect } from './pglite-dialect';
export { PgliteDriver, type PgliteDialectConfig } from './pglite-driver';
export type { PgliteClientLike, PgliteResultLike } from './pglite-client-like';
