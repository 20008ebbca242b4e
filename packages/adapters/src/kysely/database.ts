import type { ColumnType, JSONColumnType } from 'kysely';

/** A `bigint` column: `pg` returns it as a string, PGlite as a number; writes take a number. */
export type Int8 = ColumnType<string | number, number, number>;

/** A `bigint generated always as identity` column: read only. */
export type Identity = ColumnType<string | number, never, never>;

/** A nullable `bigint` column. */
export type NullableInt8 = ColumnType<string | number | null, number | null, number | null>;

/** A `jsonb` column written as a JSON string and read back parsed. */
export type Jsonb<T extends object | null> = JSONColumnType<T, string, string>;

/** Row of `contacts`: non-PII profile in `data`, PII as one ciphertext, blind indexes for lookup. */
export interface ContactsTable {
  tenant_id: string;
  contact_id: string;
  pii: string | null;
  phone_hash: string | null;
  email_hash: string | null;
  lifecycle_stage: string;
  data: Jsonb<Record<string, unknown>>;
  created_at: Int8;
  updated_at: Int8;
}

/** Row of `conversations`: CAS `version`, filter columns, PII (messages, PII facts) as ciphertext. */
export interface ConversationsTable {
  tenant_id: string;
  contact_id: string;
  version: number;
  active_bot: string;
  stage: string;
  pii: string;
  data: Jsonb<Record<string, unknown>>;
  created_at: Int8;
  updated_at: Int8;
}

/** Row of `inbox`: one seen event id with its encrypted payload and expiry. */
export interface InboxTable {
  tenant_id: string;
  message_id: string;
  contact_id: string | null;
  payload: string | null;
  seen_at: Int8;
  expires_at: NullableInt8;
  /** Set once the accepted event's job finished (migration 4); `null` while it may still need a replay. */
  processed_at: NullableInt8;
}

/** Row of `outbox`: one CRM action (encrypted) with delivery status and lease. */
export interface OutboxTable {
  tenant_id: string;
  entry_id: string;
  seq: Identity;
  contact_id: string;
  idempotency_key: string;
  action_type: string;
  action: string;
  status: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Int8;
  lease_expires_at: NullableInt8;
  lease_token: string | null;
  last_error: ColumnType<{ code: string; message: string } | null, string | null, string | null>;
  external_id: string | null;
  skip_reason: string | null;
  created_at: Int8;
  updated_at: Int8;
}

/** Row of `audit_log` (append-only; a trigger refuses UPDATE, TRUNCATE and DELETE outside a purge). */
export interface AuditLogTable {
  tenant_id: string;
  event_id: string;
  seq: Identity;
  contact_id: string | null;
  type: string;
  actor: Jsonb<Record<string, unknown>>;
  bot: string | null;
  at: Int8;
  correlation_id: string | null;
  data: Jsonb<Record<string, unknown>>;
}

/** Row of `metric_samples`. */
export interface MetricSamplesTable {
  tenant_id: string;
  seq: Identity;
  name: string;
  at: Int8;
  value: number;
  labels: Jsonb<Record<string, string>>;
}

/** Row of `alerts`: filter columns plus the whole alert record in `data`. */
export interface AlertsTable {
  tenant_id: string;
  alert_id: string;
  rule_id: string;
  status: string;
  fired_at: Int8;
  data: Jsonb<Record<string, unknown>>;
}

/** Row of `jobs`: one job of the durable queue (`createKyselyJobQueue`), leased while it runs. */
export interface JobsTable {
  tenant_id: string;
  seq: Identity;
  job_id: string;
  name: string;
  ordering_key: string | null;
  payload: string;
  status: string;
  run_at: Int8;
  enqueued_at: Int8;
  attempts: number;
  max_attempts: number;
  backoff_ms: number;
  lease_token: string | null;
  lease_expires_at: NullableInt8;
  last_error: string | null;
  updated_at: Int8;
}

/** Row of `admin_api_keys`: one admin API key, the secret only as its SHA-256 hash. */
export interface AdminApiKeysTable {
  key_id: string;
  name: string;
  scope: string;
  secret_hash: string;
  prefix: string;
  created_at: Int8;
  created_by: string | null;
  revoked_at: NullableInt8;
}

/** Row of `admin_silences`: an alert silence, the whole record in `data`. */
export interface AdminSilencesTable {
  silence_id: string;
  ends_at: Int8;
  created_at: Int8;
  data: Jsonb<Record<string, unknown>>;
}

/** Row of `admin_settings`: one named JSON setting. */
export interface AdminSettingsTable {
  name: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Int8;
}

/** The Kysely database shape of every store table (the bookkeeping `eh_schema_migrations` is not listed). */
export interface StoreDatabase {
  contacts: ContactsTable;
  conversations: ConversationsTable;
  inbox: InboxTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  metric_samples: MetricSamplesTable;
  alerts: AlertsTable;
  jobs: JobsTable;
  admin_api_keys: AdminApiKeysTable;
  admin_silences: AdminSilencesTable;
  admin_settings: AdminSettingsTable;
}
