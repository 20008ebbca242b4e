import {
  DEFAULT_OUTBOX_MAX_ATTEMPTS,
  crmActionSchema,
  outboxBackoffMs,
  toEnterpriseHubError,
  type CrmAction,
  type Outbox,
  type OutboxClaimOptions,
  type OutboxEntry,
  type OutboxFailure,
  type OutboxStatus,
  type TenantScoped,
} from '@enterprisehub/core';
import type { Insertable } from 'kysely';
import type { OutboxTable } from './database';
import { claimOutboxRows } from './outbox-claim';
import { byDueThenSeq, rowToOutboxEntry } from './outbox-row';
import { storeCall } from './store-error';
import { assertScope, type KyselyStoreContext } from './store-context';
import { piiContext } from './pii-context';

/**
 * `Outbox` on Kysely: idempotent per (tenant, idempotency key), leased claims with
 * `FOR UPDATE SKIP LOCKED`, backoff retries and dead-lettering; the action (which may carry a
 * message body) is encrypted at rest.
 */
export class KyselyOutbox implements Outbox {
  readonly #context: KyselyStoreContext;

  /** Creates the outbox over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext) {
    this.#context = context;
  }

  /** Adds actions as pending entries, idempotent per idempotency key; returns entries in input order (`Outbox.enqueue`). */
  async enqueue(
    options: TenantScoped & { actions: CrmAction[]; maxAttempts?: number; availableAt?: number },
  ): Promise<OutboxEntry[]> {
    const { tenantId, signal } = options;
    assertScope(this.#context, tenantId);
    if (options.actions.length === 0) return [];
    const parsed = crmActionSchema.array().safeParse(options.actions);
    if (!parsed.success) throw toEnterpriseHubError(parsed.error);
    const now = this.#context.clock.now();
    const rows = new Map<string, Insertable<OutboxTable>>();
    for (const action of parsed.data) {
      if (rows.has(action.idempotencyKey)) continue;
      const entryId = `obx_${globalThis.crypto.randomUUID()}`;
      rows.set(action.idempotencyKey, {
        tenant_id: tenantId,
        entry_id: entryId,
        contact_id: action.contactId,
        idempotency_key: action.idempotencyKey,
        action_type: action.type,
        action: this.#context.pii.seal(action, piiContext.outbox(tenantId, entryId)),
        status: 'pending',
        attempts: 0,
        max_attempts: options.maxAttempts ?? DEFAULT_OUTBOX_MAX_ATTEMPTS,
        next_attempt_at: options.availableAt ?? now,
        created_at: now,
        updated_at: now,
      });
    }
    return storeCall('outbox.enqueue', async () => {
      const db = this.#context.db;
      await db
        .insertInto('outbox')
        .values([...rows.values()])
        .onConflict((conflict) => conflict.columns(['tenant_id', 'idempotency_key']).doNothing())
        .execute({ signal });
      const stored = await db
        .selectFrom('outbox')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('idempotency_key', 'in', [...rows.keys()])
        .execute({ signal });
      const byKey = new Map(stored.map((row) => [row.idempotency_key, row]));
      return parsed.data.map((action) => {
        const row = byKey.get(action.idempotencyKey);
        if (row === undefined) throw new Error('outbox row vanished between insert and read');
        return rowToOutboxEntry(row, this.#context.pii);
      });
    });
  }

  /** Leases due entries with `FOR UPDATE SKIP LOCKED`; concurrent claims never share an entry (`Outbox.claim`). */
  async claim(options: OutboxClaimOptions): Promise<OutboxEntry[]> {
    const scope = this.#context.scopeTenantId;
    const tenantIds = scope === undefined ? options.tenantIds : [scope];
    return storeCall('outbox.claim', async () => {
      const rows = await claimOutboxRows(this.#context.db, {
        ...options,
        tenantIds,
        now: this.#context.clock.now(),
      });
      return rows.sort(byDueThenSeq).map((row) => rowToOutboxEntry(row, this.#context.pii));
    });
  }

  /** Marks a leased entry delivered or skipped; `false` when the lease token no longer matches (`Outbox.ack`). */
  async ack(
    options: TenantScoped & {
      id: string;
      leaseToken: string;
      externalId?: string;
      skipReason?: string;
    },
  ): Promise<boolean> {
    assertScope(this.#context, options.tenantId);
    return storeCall('outbox.ack', async () => {
      const result = await this.#context.db
        .updateTable('outbox')
        .set({
          status: options.skipReason === undefined ? 'delivered' : 'skipped',
          lease_token: null,
          lease_expires_at: null,
          external_id: options.externalId ?? null,
          skip_reason: options.skipReason ?? null,
          updated_at: this.#context.clock.now(),
        })
        .where('tenant_id', '=', options.tenantId)
        .where('entry_id', '=', options.id)
        .where('status', '=', 'in_flight')
        .where('lease_token', '=', options.leaseToken)
        .executeTakeFirst({ signal: options.signal });
      return result.numUpdatedRows > 0n;
    });
  }

  /** Records a failed attempt: back to pending after the backoff, or dead-lettered (`Outbox.fail`). */
  async fail(
    options: TenantScoped & { id: string; leaseToken: string; error: OutboxFailure },
  ): Promise<OutboxEntry | undefined> {
    const { tenantId, id, leaseToken, error, signal } = options;
    assertScope(this.#context, tenantId);
    return storeCall('outbox.fail', async () => {
      const db = this.#context.db;
      const current = await db
        .selectFrom('outbox')
        .select(['attempts', 'max_attempts'])
        .where('tenant_id', '=', tenantId)
        .where('entry_id', '=', id)
        .where('status', '=', 'in_flight')
        .where('lease_token', '=', leaseToken)
        .executeTakeFirst({ signal });
      if (current === undefined) return undefined;
      const now = this.#context.clock.now();
      const dead = !error.retryable || current.attempts >= current.max_attempts;
      const delayMs = error.retryAfterMs ?? outboxBackoffMs(current.attempts);
      const row = await db
        .updateTable('outbox')
        .set({
          status: dead ? 'dead' : 'pending',
          ...(dead ? {} : { next_attempt_at: now + Math.max(0, delayMs) }),
          lease_token: null,
          lease_expires_at: null,
          last_error: JSON.stringify({ code: error.code, message: error.message }),
          updated_at: now,
        })
        .where('tenant_id', '=', tenantId)
        .where('entry_id', '=', id)
        .where('status', '=', 'in_flight')
        .where('lease_token', '=', leaseToken)
        .returningAll()
        .executeTakeFirst({ signal });
      return row === undefined ? undefined : rowToOutboxEntry(row, this.#context.pii);
    });
  }

  /** The tenant's entries, oldest first (`Outbox.list`). */
  async list(
    options: TenantScoped & { contactId?: string; status?: OutboxStatus; limit?: number },
  ): Promise<OutboxEntry[]> {
    assertScope(this.#context, options.tenantId);
    return storeCall('outbox.list', async () => {
      let query = this.#context.db
        .selectFrom('outbox')
        .selectAll()
        .where('tenant_id', '=', options.tenantId);
      if (options.contactId !== undefined)
        query = query.where('contact_id', '=', options.contactId);
      if (options.status !== undefined) query = query.where('status', '=', options.status);
      const rows = await query
        .orderBy('seq')
        .limit(options.limit ?? 100)
        .execute({ signal: options.signal });
      return rows.map((row) => rowToOutboxEntry(row, this.#context.pii));
    });
  }

  /** Moves a dead-lettered entry back to pending with zero attempts (`Outbox.retryDeadLetter`). */
  async retryDeadLetter(options: TenantScoped & { id: string }): Promise<boolean> {
    assertScope(this.#context, options.tenantId);
    return storeCall('outbox.retryDeadLetter', async () => {
      const now = this.#context.clock.now();
      const result = await this.#context.db
        .updateTable('outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
        .where('tenant_id', '=', options.tenantId)
        .where('entry_id', '=', options.id)
        .where('status', '=', 'dead')
        .executeTakeFirst({ signal: options.signal });
      return result.numUpdatedRows > 0n;
    });
  }

  /** Counts the tenant's entries per status (for the admin API's outbox overview). */
  async countByStatus(options: TenantScoped): Promise<Record<OutboxStatus, number>> {
    assertScope(this.#context, options.tenantId);
    return storeCall('outbox.countByStatus', async () => {
      const rows = await this.#context.db
        .selectFrom('outbox')
        .select(['status', (eb) => eb.fn.countAll<string | number>().as('count')])
        .where('tenant_id', '=', options.tenantId)
        .groupBy('status')
        .execute({ signal: options.signal });
      const counts: Record<OutboxStatus, number> = {
        pending: 0,
        in_flight: 0,
        delivered: 0,
        skipped: 0,
        dead: 0,
      };
      for (const row of rows) {
        if (row.status in counts) counts[row.status as OutboxStatus] = Number(row.count);
      }
      return counts;
    });
  }
}
