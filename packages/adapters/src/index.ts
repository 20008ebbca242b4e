/**
 * `@enterprisehub/adapters`: adapters for the EnterpriseHub ports. Each technology has its own
 * entry point whose SDK is an optional peer, and importing one never loads another:
 *
 * - `@enterprisehub/adapters/postgres` — every store on PostgreSQL (`pg`)
 * - `@enterprisehub/adapters/pglite` — every store on embedded PGlite (`@electric-sql/pglite`)
 * - `@enterprisehub/adapters/kysely` — the dialect-neutral Kysely stores and migrations
 * - `@enterprisehub/adapters/redis` — cache, locks, rate limiter, inbox and counters (`ioredis`)
 * - `@enterprisehub/adapters/bullmq` — the `JobQueue` and `Scheduler` ports on BullMQ (`bullmq`)
 * - `@enterprisehub/adapters/anthropic` — the `LlmClient` port on Claude (`@anthropic-ai/sdk`)
 *
 * This root entry re-exports the Kysely layer only (it needs `kysely` and core, no database SDK).
 *
 * @module
 */
export {
  createKyselyJobQueue,
  createKyselyStores,
  KyselyAdminStore,
  KyselyAuditLog,
  KyselyContactData,
  KyselyContactStore,
  KyselyConversationStore,
  KyselyInbox,
  KyselyJobQueue,
  KyselyMetricsRepository,
  KyselyOutbox,
  KyselyPiiRotation,
  KyselyUnitOfWork,
  migrationLockKey,
  MIGRATIONS,
  MIGRATIONS_TABLE,
  PII_CONTACT_FIELDS,
  PII_FACT_NAMES,
  PiiCodec,
  type AdminApiKeysTable,
  type AdminSettingsTable,
  type AdminSilencesTable,
  type AlertsTable,
  type AuditLogTable,
  type ContactDataRequest,
  type ContactErasure,
  type ContactExport,
  type ContactsTable,
  type ConversationsTable,
  type FieldCipher,
  type Identity,
  type InboxTable,
  type Int8,
  type JobsTable,
  type Jsonb,
  type KyselyAuditLogOptions,
  type KyselyInboxOptions,
  type KyselyJobQueueOptions,
  type KyselyStoreContext,
  type KyselyStores,
  type KyselyStoresOptions,
  type KyselyTransaction,
  type MetricSamplesTable,
  type Migration,
  type MigrationResult,
  type MigrationStatus,
  type MigrationStatusEntry,
  type NullableInt8,
  type OutboxTable,
  type PiiRotationResult,
  type StoreDatabase,
  type StoreHealth,
} from './kysely/index';

/** Name of this package. */
export const PACKAGE_NAME = '@enterprisehub/adapters';
