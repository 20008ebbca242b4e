import {
  EnterpriseHubError,
  auditEventSchema,
  toEnterpriseHubError,
  type AuditEvent,
  type AuditLog,
  type AuditQuery,
  type TenantScoped,
} from '@enterprisehub/core';
import { sql } from 'kysely';
import { auditToRow, rowToAudit } from './audit-row';
import { storeCall } from './store-error';
import { assertRecordTenant, assertScope, type KyselyStoreContext } from './store-context';

/** Options of {@link KyselyAuditLog} beyond the store context. */
export interface KyselyAuditLogOptions {
  /** How long audit events are kept; `purge()` without `before` deletes older ones. Unset = kept forever. */
  retentionMs?: number;
}

/**
 * Append-only `AuditLog` on Kysely. There is no update or delete method, and a database
 * trigger refuses UPDATE, TRUNCATE and any DELETE outside {@link KyselyAuditLog.purge}, the
 * retention purge by age, which is the only way rows ever leave the table.
 */
export class KyselyAuditLog implements AuditLog {
  readonly #context: KyselyStoreContext;
  readonly #retentionMs: number | undefined;

  /** Creates the audit log over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext, options: KyselyAuditLogOptions = {}) {
    this.#context = context;
    this.#retentionMs = options.retentionMs;
  }

  /** Appends an event; a second append with the same id stores nothing and returns the first (`AuditLog.append`). */
  async append(options: TenantScoped & { event: AuditEvent }): Promise<AuditEvent> {
    const { tenantId, signal } = options;
    assertScope(this.#context, tenantId);
    assertRecordTenant(options.event.tenantId, tenantId, 'audit event');
    const parsed = auditEventSchema.safeParse(options.event);
    if (!parsed.success) throw toEnterpriseHubError(parsed.error);
    const event = parsed.data;
    return storeCall('audit.append', async () => {
      const db = this.#context.db;
      const inserted = await db
        .insertInto('audit_log')
        .values(auditToRow(event))
        .onConflict((conflict) => conflict.columns(['tenant_id', 'event_id']).doNothing())
        .returning('event_id')
        .executeTakeFirst({ signal });
      if (inserted !== undefined) return event;
      const existing = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow();
      return rowToAudit(existing);
    });
  }

  /** Events matching the filters, by time then append order (`AuditLog.query`). */
  async query(options: AuditQuery): Promise<AuditEvent[]> {
    assertScope(this.#context, options.tenantId);
    return storeCall('audit.query', async () => {
      let query = this.#context.db
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', options.tenantId);
      if (options.contactId !== undefined)
        query = query.where('contact_id', '=', options.contactId);
      if (options.from !== undefined) query = query.where('at', '>=', options.from);
      if (options.to !== undefined) query = query.where('at', '<', options.to);
      if (options.type !== undefined) {
        const types = typeof options.type === 'string' ? [options.type] : options.type;
        if (types.length === 0) return [];
        query = query.where('type', 'in', types);
      }
      const rows = await query
        .orderBy('at', options.order ?? 'asc')
        .orderBy('seq', options.order ?? 'asc')
        .limit(options.limit ?? 100)
        .execute({ signal: options.signal });
      return rows.map(rowToAudit);
    });
  }

  /**
   * Retention purge: deletes the tenant's events strictly older than `before` (default: now minus
   * the configured `retentionMs`) and returns how many were deleted. The only delete path.
   *
   * @throws `EnterpriseHubError` `CONFIG_INVALID` when neither `before` nor `retentionMs` is set.
   */
  async purge(options: TenantScoped & { before?: number }): Promise<number> {
    const { tenantId, signal } = options;
    assertScope(this.#context, tenantId);
    const retentionMs = this.#retentionMs;
    const before =
      options.before ??
      (retentionMs === undefined ? undefined : this.#context.clock.now() - retentionMs);
    if (before === undefined) {
      throw new EnterpriseHubError({
        code: 'CONFIG_INVALID',
        message: 'Audit purge needs a cutoff: pass before or configure auditRetentionMs.',
      });
    }
    return storeCall('audit.purge', async () => {
      const work = async (db: KyselyStoreContext['db']): Promise<number> => {
        await sql`select set_config('enterprisehub.audit_purge', 'on', true)`.execute(db);
        const result = await db
          .deleteFrom('audit_log')
          .where('tenant_id', '=', tenantId)
          .where('at', '<', before)
          .executeTakeFirst({ signal });
        await sql`select set_config('enterprisehub.audit_purge', 'off', true)`.execute(db);
        return Number(result.numDeletedRows);
      };
      const db = this.#context.db;
      return db.isTransaction ? work(db) : db.transaction().execute(work);
    });
  }
}
