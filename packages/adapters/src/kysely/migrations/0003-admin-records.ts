import type { Migration } from '../migration';

/**
 * Version 3: deployment-wide admin records (`AdminStore`): API keys (only the SHA-256 of the secret is
 * stored), alert silences and small named JSON settings, shared by every server instance.
 */
export const migration0003AdminRecords: Migration = {
  version: 3,
  name: 'admin_records',
  statements: [
    `create table admin_api_keys (
      key_id text primary key,
      name text not null,
      scope text not null,
      secret_hash text not null unique,
      prefix text not null,
      created_at bigint not null,
      created_by text,
      revoked_at bigint
    )`,
    `create index admin_api_keys_scope_idx on admin_api_keys (scope, created_at)`,
    `create table admin_silences (
      silence_id text primary key,
      ends_at bigint not null,
      created_at bigint not null,
      data jsonb not null
    )`,
    `create table admin_settings (
      name text primary key,
      value jsonb not null,
      updated_at bigint not null
    )`,
  ],
};
