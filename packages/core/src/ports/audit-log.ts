import type { AuditEvent } from '../domain/audit-event';
import type { TenantScoped } from './tenant-scoped';

/** Filters for {@link AuditLog.query}. */
export interface AuditQuery extends TenantScoped {
  /** Only events about this contact. */
  contactId?: string;
  /** Only events at or after this time, epoch ms. */
  from?: number;
  /** Only events strictly before this time, epoch ms. */
  to?: number;
  /** Only events of this type (or of any of these types). */
  type?: string | string[];
  /** Maximum results; default 100. */
  limit?: number;
  /** `desc` returns the newest events first (the newest `limit`); default `asc` (oldest first). */
  order?: 'asc' | 'desc';
}

/** Port: append-only audit trail of bot decisions, handoffs, data access and compliance blocks. */
export interface AuditLog {
  /**
   * Appends an event; idempotent per `event.id` (a second append with the same id stores nothing and returns the
   * first). Throws `TENANT_MISMATCH` when `event.tenantId` differs from `tenantId`.
   */
  append(options: TenantScoped & { event: AuditEvent }): Promise<AuditEvent>;
  /** Events matching the filters, ordered by `at` then append order (ascending unless `order: 'desc'`). */
  query(options: AuditQuery): Promise<AuditEvent[]>;
}
