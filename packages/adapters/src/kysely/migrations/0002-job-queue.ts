import type { Migration } from '../migration';

/**
 * Version 2: the durable job queue of the embedded mode (`createKyselyJobQueue`). One row per job
 * attempt chain: `pending` (waiting or delayed by `run_at`), `active` (leased by a worker until
 * `lease_expires_at`) or `failed` (dead letter); finished jobs are deleted. At most one pending
 * job per (tenant, job id); the payload is keyring ciphertext when the queue has a keyring.
 */
export const migration0002JobQueue: Migration = {
  version: 2,
  name: 'job_queue',
  statements: [
    `create table jobs (
      tenant_id text not null,
      seq bigint generated always as identity,
      job_id text not null,
      name text not null,
      ordering_key text,
      payload text not null,
      status text not null,
      run_at bigint not null,
      enqueued_at bigint not null,
      attempts integer not null default 0,
      max_attempts integer not null,
      backoff_ms integer not null,
      lease_token text,
      lease_expires_at bigint,
      last_error text,
      updated_at bigint not null,
      primary key (tenant_id, seq)
    )`,
    `create unique index jobs_pending_job_id_idx on jobs (tenant_id, job_id) where status = 'pending'`,
    `create index jobs_due_idx on jobs (run_at, seq) where status = 'pending'`,
    `create index jobs_key_idx on jobs (tenant_id, ordering_key, status, run_at, seq) where ordering_key is not null`,
    `create index jobs_lease_idx on jobs (lease_expires_at) where status = 'active'`,
    `create index jobs_tenant_status_idx on jobs (tenant_id, status, run_at)`,
  ],
};
