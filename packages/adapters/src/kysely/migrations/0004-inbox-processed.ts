import type { Migration } from '../migration';

/**
 * Version 4: `inbox.processed_at` — set by the worker once an accepted event's job has finished, so the inbox replay
 * can re-enqueue accepted events whose job was lost (queue restarted without persistence, process killed). Rows that
 * exist when the migration runs are marked processed (at their `seen_at`) so an upgrade does not replay history.
 */
export const migration0004InboxProcessed: Migration = {
  version: 4,
  name: 'inbox_processed',
  statements: [
    `alter table inbox add column processed_at bigint`,
    `update inbox set processed_at = seen_at`,
    `create index inbox_unprocessed_idx on inbox (tenant_id, seen_at) where processed_at is null and payload is not null`,
  ],
};
