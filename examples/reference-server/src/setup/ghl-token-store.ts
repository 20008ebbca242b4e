/**
 * A {@link GhlTokenStore} in the server's database (PostgreSQL or PGlite): one row per store key, the whole token
 * record encrypted with the PII keyring (AES-256-GCM, bound to its key), so a database dump never holds usable GHL
 * tokens. Shared by every instance, as OAuth refresh-token rotation needs.
 */
import type { Keyring } from '@enterprisehub/core';
import type { KyselyStores } from '@enterprisehub/adapters/kysely';
import type { GhlTokenRecord, GhlTokenStore } from '@enterprisehub/ghl';

/** The table holding the tokens (created by {@link createDatabaseGhlTokenStore}'s `ensureTable`). */
export const GHL_TOKEN_TABLE = 'ghl_oauth_tokens';

type TokenTable = {
  ghl_oauth_tokens: { key: string; token: string; updated_at: string };
};

/** A token store with its one-time table setup. */
export interface DatabaseGhlTokenStore extends GhlTokenStore {
  /** Creates the table when missing (idempotent, safe from every instance). */
  ensureTable(): Promise<void>;
  /** Store keys present (no token material), for the admin view and tests. */
  keys(): Promise<string[]>;
}

/** Creates the encrypted token store on the stores' database. */
export function createDatabaseGhlTokenStore(options: {
  stores: Pick<KyselyStores, 'db'>;
  keyring: Keyring;
}): DatabaseGhlTokenStore {
  const db = options.stores.db.withTables<TokenTable>();
  const context = (key: string): string => `ghl-token:${key}`;
  return {
    ensureTable: async () => {
      await db.schema
        .createTable(GHL_TOKEN_TABLE)
        .ifNotExists()
        .addColumn('key', 'text', (column) => column.primaryKey())
        .addColumn('token', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
    },
    keys: async () => {
      const rows = await db.selectFrom(GHL_TOKEN_TABLE).select('key').orderBy('key').execute();
      return rows.map((row) => row.key);
    },
    get: async ({ key }) => {
      const row = await db
        .selectFrom(GHL_TOKEN_TABLE)
        .select('token')
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) return undefined;
      return JSON.parse(
        options.keyring.decrypt(row.token, { context: context(key) }),
      ) as GhlTokenRecord;
    },
    set: async ({ key, token }) => {
      const encrypted = options.keyring.encrypt(JSON.stringify(token), { context: context(key) });
      const updatedAt = new Date().toISOString();
      await db
        .insertInto(GHL_TOKEN_TABLE)
        .values({ key, token: encrypted, updated_at: updatedAt })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({ token: encrypted, updated_at: updatedAt }),
        )
        .execute();
    },
    delete: async ({ key }) => {
      await db.deleteFrom(GHL_TOKEN_TABLE).where('key', '=', key).execute();
    },
  };
}
