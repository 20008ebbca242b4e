/**
 * `@enterprisehub/adapters`: adapters for the EnterpriseHub ports. Each technology has its own
 * entry point whose SDK is an optional peer, and importing one never loads another:
 *
 * - `@enterprisehub/adapters/postgres` — every store on PostgreSQL (`pg`)
 * - `@enterprisehub/adapters/pglite` — every store on embedded PGlite (`@electric-sql/pglite`)
 * - `@enterprisehub/adapters/kysely` — the dialect-neutral Kysely stores and migrations
 *
 * This root entry re-exports the Kysely layer only (it needs `kysely` and core, no database SDK).
 *
 * @module
 */
export * from './kysely/index';

/** Name of this package. */
export const PACKAGE_NAME = '@enterprisehub/adapters';
