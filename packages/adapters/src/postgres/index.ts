/**
 * PostgreSQL stores (`@enterprisehub/adapters/postgres`) through `pg` (an optional peer):
 * every storage port, versioned migrations under an advisory lock, contact export/erasure.
 * Never loads `@electric-sql/pglite`.
 *
 * @module
 */
export {
  createPostgresStores,
  type PostgresPoolSettings,
  type PostgresStores,
  type PostgresStoresOptions,
} from './create-postgres-stores';
