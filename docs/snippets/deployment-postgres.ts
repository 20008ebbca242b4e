/** Compiled snippet for docs/deployment.md, "PostgreSQL › Connection settings". */
import type { Keyring } from '@enterprisehub/core';

declare const keyring: Keyring;

// #region postgres
import { createPostgresStores } from '@enterprisehub/adapters/postgres';

const stores = createPostgresStores({
  connectionString: process.env['DATABASE_URL'], // postgres://user:password@host:5432/database
  schema: 'enterprisehub', // default 'public'; created by migrate()
  keyring, // PII keyring (see below)
  poolSettings: {
    max: 10,
    connectionTimeoutMs: 5000,
    idleTimeoutMs: 30000,
    statementTimeoutMs: 15000,
  },
});
await stores.migrate();
// #endregion postgres
