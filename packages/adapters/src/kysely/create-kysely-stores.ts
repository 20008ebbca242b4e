import {
  EnterpriseHubError,
  systemClock,
  type Clock,
  type Contact,
  type ContactLookupHashes,
  type TenantScoped,
} from '@enterprisehub/core';
import { Kysely, type Dialect, type Logger } from 'kysely';
import type { StoreDatabase } from './database';
import { KyselyAdminStore } from './kysely-admin-store';
import { KyselyAuditLog } from './kysely-audit-log';
import {
  KyselyContactData,
  type ContactDataRequest,
  type ContactErasure,
  type ContactExport,
} from './kysely-contact-data';
import { KyselyContactStore } from './kysely-contact-store';
import { KyselyConversationStore } from './kysely-conversation-store';
import { KyselyInbox } from './kysely-inbox';
import { KyselyMetricsRepository } from './kysely-metrics-repository';
import { KyselyOutbox } from './kysely-outbox';
import { KyselyPiiRotation, type PiiRotationResult } from './kysely-pii-rotation';
import { KyselyUnitOfWork } from './kysely-unit-of-work';
import type { MigrationResult, MigrationStatus } from './migration';
import { MIGRATIONS } from './migrations/index';
import { PiiCodec, type FieldCipher } from './pii-codec';
import { readMigrationStatus } from './read-migration-status';
import { runMigrations } from './run-migrations';
import { checkStoreHealth, type StoreHealth } from './check-store-health';
import { ClosableDialect } from './closable-dialect';
import type { KyselyStoreContext } from './store-context';
import { storeCall } from './store-error';

/** Options of {@link createKyselyStores}: the dialect-neutral core of the PostgreSQL and PGlite factories. */
export interface KyselyStoresOptions {
  /** Kysely dialect for PostgreSQL or PGlite (the factory creates the Kysely instance). */
  dialect: Dialect;
  /** Kysely query logger (SQL, parameters — ciphertext and hashes only for PII — and durations). */
  log?: Logger;
  /** Schema holding the tables; created by `migrate()`. @defaultValue `'public'` */
  schema?: string;
  /** Encrypts PII columns (names, phone, email, address, message bodies, PII facts, payloads). */
  cipher: FieldCipher;
  /** Derives blind-index hashes for contacts upserted without `lookup`. */
  lookupHashes?: (contact: Contact) => ContactLookupHashes;
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
  /** Group-commit concurrent inbox writes. @defaultValue `false` */
  inboxBatching?: boolean;
  /** Answer concurrent inbox lookups with one SELECT. @defaultValue the value of `inboxBatching` */
  inboxLookupBatching?: boolean;
  /** Audit retention; `audit.purge({ tenantId })` deletes older events. Unset = kept forever. */
  auditRetentionMs?: number;
}

/** Every store on one database, plus migrations, contact export/erasure and shutdown. */
export interface KyselyStores {
  /** Conversation state with compare-and-set. */
  conversations: KyselyConversationStore;
  /** Contact profiles, PII encrypted, blind-index lookup. */
  contacts: KyselyContactStore;
  /** Idempotency ids with encrypted payloads. */
  inbox: KyselyInbox;
  /** CRM actions awaiting delivery. */
  outbox: KyselyOutbox;
  /** Append-only audit log with retention purge. */
  audit: KyselyAuditLog;
  /** Metric samples and alert history. */
  metrics: KyselyMetricsRepository;
  /** Deployment-wide admin records: API keys (hashed), alert silences, settings. */
  admin: KyselyAdminStore;
  /** One transaction for state + audit + outbox. */
  unitOfWork: KyselyUnitOfWork;
  /** Exports everything stored about a contact (audited). */
  exportContact(request: ContactDataRequest): Promise<ContactExport>;
  /** Erases a contact's data across tables in one transaction (audited). */
  eraseContact(request: ContactDataRequest): Promise<ContactErasure>;
  /** Re-encrypts a tenant's PII still under an old key after a key rotation; returns counts per table. */
  reencryptPii(options: TenantScoped & { batchSize?: number }): Promise<PiiRotationResult>;
  /** Probes the database (`select 1`); never throws. For `/health`. */
  health(): Promise<StoreHealth>;
  /** Applies pending migrations under an advisory lock; safe to call from every instance at start. */
  migrate(): Promise<MigrationResult>;
  /** Applied and pending migrations (the `migrate:status` readout); never writes. */
  migrationStatus(): Promise<MigrationStatus>;
  /** The schema-bound Kysely instance the stores use (for health checks and tooling). */
  db: Kysely<StoreDatabase>;
  /** Schema holding the tables. */
  schema: string;
  /** Destroys the Kysely instance, closing the pool or client when the factory created it; idempotent. */
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Builds every kysely store over one Kysely instance; `createPostgresStores` and
 * `createPgliteStores` are thin wrappers that create the dialect.
 *
 * @example
 * ```ts
 * const stores = createKyselyStores({ dialect: new PostgresDialect({ pool }), cipher, schema: 'enterprisehub' });
 * await stores.migrate();
 * ```
 */
export function createKyselyStores(options: KyselyStoresOptions): KyselyStores {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new EnterpriseHubError({
      code: 'CONFIG_INVALID',
      message: 'The store schema name must be a lower-case SQL identifier.',
    });
  }
  const clock = options.clock ?? systemClock;
  const dialect = new ClosableDialect(options.dialect);
  const unbound = new Kysely<StoreDatabase>({
    dialect,
    ...(options.log === undefined ? {} : { log: options.log }),
  });
  const db = unbound.withSchema(schema);
  const context: KyselyStoreContext = {
    db,
    clock,
    pii: new PiiCodec(options.cipher),
    ...(options.lookupHashes === undefined ? {} : { lookupHashes: options.lookupHashes }),
  };
  const contactData = new KyselyContactData(context);
  let closed: Promise<void> | undefined;
  return {
    conversations: new KyselyConversationStore(context),
    contacts: new KyselyContactStore(context),
    inbox: new KyselyInbox(context, {
      batch: options.inboxBatching ?? false,
      batchLookups: options.inboxLookupBatching ?? options.inboxBatching ?? false,
    }),
    outbox: new KyselyOutbox(context),
    audit: new KyselyAuditLog(
      context,
      options.auditRetentionMs === undefined ? {} : { retentionMs: options.auditRetentionMs },
    ),
    metrics: new KyselyMetricsRepository(context),
    admin: new KyselyAdminStore(context),
    unitOfWork: new KyselyUnitOfWork(context),
    exportContact: (request) => contactData.exportContact(request),
    health: () => checkStoreHealth(context),
    reencryptPii: (rotation) => new KyselyPiiRotation(context).reencrypt(rotation),
    eraseContact: (request) => contactData.eraseContact(request),
    migrate: () =>
      storeCall('migrate', () => runMigrations(unbound, { schema, migrations: MIGRATIONS, clock })),
    migrationStatus: () =>
      storeCall('migrationStatus', () =>
        readMigrationStatus(unbound, { schema, migrations: MIGRATIONS }),
      ),
    db,
    schema,
    close: () => {
      closed ??= (async () => {
        dialect.close();
        await unbound.destroy();
      })();
      return closed;
    },
  };
}
