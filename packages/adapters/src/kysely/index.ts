/**
 * Dialect-neutral Kysely stores for every EnterpriseHub storage port, their migrations and
 * runner. Imports only `kysely` and `@enterprisehub/core`; the PostgreSQL and PGlite entry points
 * (`@enterprisehub/adapters/postgres`, `/pglite`) build on it.
 *
 * @module
 */
export type { StoreHealth } from './check-store-health';
export {
  createKyselyStores,
  type KyselyStores,
  type KyselyStoresOptions,
} from './create-kysely-stores';
export type {
  AdminApiKeysTable,
  AdminSettingsTable,
  AdminSilencesTable,
  AlertsTable,
  AuditLogTable,
  ContactsTable,
  ConversationsTable,
  Identity,
  InboxTable,
  Int8,
  JobsTable,
  Jsonb,
  MetricSamplesTable,
  NullableInt8,
  OutboxTable,
  StoreDatabase,
} from './database';
export { KyselyAdminStore } from './kysely-admin-store';
export { KyselyAuditLog, type KyselyAuditLogOptions } from './kysely-audit-log';
export {
  KyselyContactData,
  type ContactDataRequest,
  type ContactErasure,
  type ContactExport,
} from './kysely-contact-data';
export { KyselyContactStore } from './kysely-contact-store';
export { KyselyConversationStore } from './kysely-conversation-store';
export { KyselyInbox, type KyselyInboxOptions } from './kysely-inbox';
export { KyselyJobQueue, createKyselyJobQueue } from './jobs/kysely-job-queue';
export type { KyselyJobQueueOptions } from './jobs/kysely-job-queue-options';
export { KyselyMetricsRepository } from './kysely-metrics-repository';
export { KyselyOutbox } from './kysely-outbox';
export { KyselyPiiRotation, type PiiRotationResult } from './kysely-pii-rotation';
export { KyselyUnitOfWork, type KyselyTransaction } from './kysely-unit-of-work';
export type {
  Migration,
  MigrationResult,
  MigrationStatus,
  MigrationStatusEntry,
} from './migration';
export { MIGRATIONS } from './migrations/index';
export { MIGRATIONS_TABLE, migrationLockKey } from './run-migrations';
export { PiiCodec, type FieldCipher } from './pii-codec';
export type { KyselyStoreContext } from './store-context';
export { PII_CONTACT_FIELDS } from './contact-row';
export { PII_FACT_NAMES } from './conversation-row';
