import type { Migration } from '../migration';

/**
 * Version 1: every store table. Each table carries `tenant_id` first in its primary key and
 * indexes; PII lives only in the `pii` / `payload` / `action` text columns as keyring
 * ciphertext, with HMAC blind indexes (`phone_hash`, `email_hash`) for exact lookup.
 */
export const migration0001InitialStores: Migration = {
  version: 1,
  name: 'initial_stores',
  statements: [
    `create table contacts (
      tenant_id text not null,
      contact_id text not null,
      pii text,
      phone_hash text,
      email_hash text,
      lifecycle_stage text not null,
      data jsonb not null,
      created_at bigint not null,
      updated_at bigint not null,
      primary key (tenant_id, contact_id)
    )`,
    `create index contacts_phone_hash_idx on contacts (tenant_id, phone_hash) where phone_hash is not null`,
    `create index contacts_email_hash_idx on contacts (tenant_id, email_hash) where email_hash is not null`,
    `create table conversations (
      tenant_id text not null,
      contact_id text not null,
      version integer not null,
      active_bot text not null,
      stage text not null,
      pii text not null,
      data jsonb not null,
      created_at bigint not null,
      updated_at bigint not null,
      primary key (tenant_id, contact_id)
    )`,
    `create index conversations_updated_idx on conversations (tenant_id, updated_at, contact_id)`,
    `create table inbox (
      tenant_id text not null,
      message_id text not null,
      contact_id text,
      payload text,
      seen_at bigint not null,
      expires_at bigint,
      primary key (tenant_id, message_id)
    )`,
    `create index inbox_expires_idx on inbox (tenant_id, expires_at) where expires_at is not null`,
    `create index inbox_contact_idx on inbox (tenant_id, contact_id) where contact_id is not null`,
    `create table outbox (
      tenant_id text not null,
      entry_id text not null,
      seq bigint generated always as identity,
      contact_id text not null,
      idempotency_key text not null,
      action_type text not null,
      action text not null,
      status text not null,
      attempts integer not null default 0,
      max_attempts integer not null,
      next_attempt_at bigint not null,
      lease_expires_at bigint,
      lease_token text,
      last_error jsonb,
      external_id text,
      skip_reason text,
      created_at bigint not null,
      updated_at bigint not null,
      primary key (tenant_id, entry_id),
      unique (tenant_id, idempotency_key)
    )`,
    `create index outbox_due_idx on outbox (next_attempt_at, seq) where status = 'pending'`,
    `create index outbox_lease_idx on outbox (lease_expires_at) where status = 'in_flight'`,
    `create index outbox_list_idx on outbox (tenant_id, status, seq)`,
    `create index outbox_contact_idx on outbox (tenant_id, contact_id, seq)`,
    `create table audit_log (
      tenant_id text not null,
      event_id text not null,
      seq bigint generated always as identity,
      contact_id text,
      type text not null,
      actor jsonb not null,
      bot text,
      at bigint not null,
      correlation_id text,
      data jsonb not null,
      primary key (tenant_id, event_id)
    )`,
    `create index audit_log_at_idx on audit_log (tenant_id, at, seq)`,
    `create index audit_log_contact_idx on audit_log (tenant_id, contact_id, at, seq) where contact_id is not null`,
    // Append-only: UPDATE and TRUNCATE always fail; DELETE only inside a retention purge, which
    // sets the transaction-local flag enterprisehub.audit_purge = 'on'.
    `create function audit_log_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and coalesce(current_setting('enterprisehub.audit_purge', true), '') = 'on' then
        return old;
      end if;
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = '42501';
    end
    $$`,
    `create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_guard()`,
    `create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_guard()`,
    `create table metric_samples (
      tenant_id text not null,
      seq bigint generated always as identity,
      name text not null,
      at bigint not null,
      value double precision not null,
      labels jsonb not null,
      primary key (tenant_id, seq)
    )`,
    `create index metric_samples_name_at_idx on metric_samples (tenant_id, name, at)`,
    `create table alerts (
      tenant_id text not null,
      alert_id text not null,
      rule_id text not null,
      status text not null,
      fired_at bigint not null,
      data jsonb not null,
      primary key (tenant_id, alert_id)
    )`,
    `create index alerts_fired_idx on alerts (tenant_id, fired_at desc)`,
  ],
};
