import type { OutboxClaimOptions } from '@enterprisehub/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { OutboxTable, StoreDatabase } from './database';

const LEASE_LOST_ERROR = JSON.stringify({
  code: 'OUTBOX_LEASE_LOST',
  message: 'The delivery lease expired on the last attempt.',
});

/**
 * Leases up to `limit` due entries. First, entries whose lease expired on their last attempt
 * are dead-lettered (a worker that keeps crashing on one action cannot retry it forever).
 * Then one statement claims:
 *
 * ```sql
 * update outbox set status = 'in_flight', attempts = attempts + 1, lease_token = gen_random_uuid(), …
 * where (tenant_id, entry_id) in (
 *   select tenant_id, entry_id from outbox
 *   where [tenant_id in ($tenants) and] (pending and due, or in flight with an expired lease)
 *   order by next_attempt_at, seq limit $limit
 *   for update skip locked)
 * returning *
 * ```
 *
 * On PostgreSQL `FOR UPDATE SKIP LOCKED` lets any number of workers claim concurrently without
 * blocking on, or double-claiming, each other's rows. On PGlite the same statement runs on the
 * single connection the driver serialises, so it is simply an atomic UPDATE … RETURNING over the
 * lease columns. With `tenantIds: 'all'` these are the only store queries without a tenant
 * filter: the delivery worker serves every tenant by design.
 *
 * @internal
 */
export async function claimOutboxRows(
  db: Kysely<StoreDatabase>,
  options: OutboxClaimOptions & { now: number },
): Promise<Selectable<OutboxTable>[]> {
  const { now, limit, leaseMs, signal } = options;
  const tenantIds = options.tenantIds ?? 'all';
  if (limit <= 0 || (tenantIds !== 'all' && tenantIds.length === 0)) return [];
  await db
    .updateTable('outbox')
    .set({
      status: 'dead',
      lease_token: null,
      lease_expires_at: null,
      last_error: LEASE_LOST_ERROR,
      updated_at: now,
    })
    .$if(tenantIds !== 'all', (query) =>
      query.where('tenant_id', 'in', tenantIds === 'all' ? [] : tenantIds),
    )
    .where('status', '=', 'in_flight')
    .where('lease_expires_at', '<=', now)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .execute({ signal });
  let scoped = db.selectFrom('outbox').select(['tenant_id', 'entry_id']);
  if (tenantIds !== 'all') scoped = scoped.where('tenant_id', 'in', tenantIds);
  const due = scoped
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'in_flight'), eb('lease_expires_at', '<=', now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .orderBy('seq')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .$asTuple('tenant_id', 'entry_id');
  return db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'in_flight',
      attempts: eb('attempts', '+', 1),
      lease_token: sql<string>`gen_random_uuid()::text`,
      lease_expires_at: now + leaseMs,
      updated_at: now,
    }))
    .where((eb) => eb(eb.refTuple('tenant_id', 'entry_id'), 'in', due))
    .returningAll()
    .execute({ signal });
}
