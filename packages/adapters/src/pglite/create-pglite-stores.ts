import { EnterpriseHubError, type Clock, type Keyring } from '@enterprisehub/core';
import type { Logger } from 'kysely';
import { createKyselyStores, type KyselyStores } from '../kysely/create-kysely-stores';
import { keyringCipher, keyringLookupHashes } from '../kysely/keyring-cipher';
import type { PgliteClientLike } from './pglite-client-like';
import { PgliteDialect } from './pglite-dialect';

/** Options of {@link createPgliteStores}. Give `dataDir` or `client`, not both; neither = in memory. */
export interface PgliteStoresOptions {
  /** Folder holding the database files (created when missing), e.g. `./data/pglite`. */
  dataDir?: string;
  /** A PGlite instance created by the caller (not closed by `close()`). */
  client?: PgliteClientLike;
  /** PII keyring: encrypts PII columns and derives blind indexes. */
  keyring: Keyring;
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
  /** Group-commit concurrent inbox writes into one statement. @defaultValue `true` */
  inboxBatching?: boolean;
  /** Audit retention in ms; `audit.purge({ tenantId })` deletes older events. Unset = kept forever. */
  auditRetentionMs?: number;
  /**
   * Let PGlite return before each write is flushed to the data folder (faster; a crash may lose
   * the last moments of writes). Only for a PGlite the factory creates from `dataDir`.
   * @defaultValue `false`
   */
  relaxedDurability?: boolean;
  /** Kysely query logger (receives SQL, parameters — ciphertext and hashes only — and durations). */
  log?: Logger;
}

/** Every store on an embedded PGlite database (see {@link KyselyStores}). */
export type PgliteStores = KyselyStores;

/**
 * Creates every store on embedded PGlite (PostgreSQL in WASM, nothing to install): the embedded
 * default. PGlite is loaded lazily on first use; call `migrate()` once at start.
 *
 * @example
 * ```ts
 * const stores = createPgliteStores({ dataDir: './data/pglite', keyring });
 * await stores.migrate();
 * await stores.inbox.markSeen({ tenantId, id: webhookId, ttlMs: 86_400_000 });
 * ```
 */
export function createPgliteStores(options: PgliteStoresOptions): PgliteStores {
  const { dataDir, client } = options;
  if (dataDir !== undefined && client !== undefined) {
    throw new EnterpriseHubError({
      code: 'CONFIG_INVALID',
      message: 'createPgliteStores takes dataDir or client, not both.',
    });
  }
  const source =
    client ??
    (async (): Promise<PgliteClientLike> => {
      const { PGlite } = await import('@electric-sql/pglite');
      return PGlite.create(dataDir ?? 'memory://', {
        relaxedDurability: options.relaxedDurability ?? false,
      });
    });
  return createKyselyStores({
    dialect: new PgliteDialect({ client: source }),
    ...(options.log === undefined ? {} : { log: options.log }),
    cipher: keyringCipher(options.keyring),
    lookupHashes: keyringLookupHashes(options.keyring),
    inboxBatching: options.inboxBatching ?? true,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.auditRetentionMs === undefined
      ? {}
      : { auditRetentionMs: options.auditRetentionMs }),
  });
}
