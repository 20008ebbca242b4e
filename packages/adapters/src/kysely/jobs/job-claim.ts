import { sql, type Kysely, type Selectable } from 'kysely';
import type { JobsTable, StoreDatabase } from '../database';

/**
 * Returns jobs whose lease expired (their worker crashed or hung) to `pending`, due at once — or to
 * `failed` when that was their last attempt. Serves every tenant by design (no tenant filter): it
 * is the queue's own housekeeping.
 *
 * @internal
 */
export async function reclaimExpiredJobs(
  db: Kysely<StoreDatabase>,
  options: { now: number; all?: boolean },
): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: eb
        .case()
        .when('attempts', '>=', eb.ref('max_attempts'))
        .then('failed')
        .else('pending')
        .end(),
      last_error: eb
        .case()
        .when('attempts', '>=', eb.ref('max_attempts'))
        .then('LEASE_EXPIRED')
        .else(eb.ref('last_error'))
        .end(),
      lease_token: null,
      lease_expires_at: null,
      updated_at: options.now,
    }))
    .where('status', '=', 'active')
    .$if(options.all !== true, (query) => query.where('lease_expires_at', '<=', options.now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Leases up to `limit` due jobs in one statement:
 *
 * ```sql
 * update jobs set status = 'active', attempts = attempts + 1, lease_token = $token, …
 * where (tenant_id, seq) in (
 *   select tenant_id, seq from jobs j
 *   where status = 'pending' and run_at <= $now and name in ($handled)
 *     and (ordering_key is null or (
 *       no job of the key is active with a live lease, and
 *       no pending job of the key (with a handled name) is due before j))
 *   order by run_at, seq limit $limit
 *   for update skip locked)
 * returning *
 * ```
 *
 * Only the earliest pending job of an ordering key can be claimed, and only while no job of the
 * key runs, so one key's jobs run one at a time in due order across every worker. On PostgreSQL,
 * `SKIP LOCKED` lets workers claim concurrently (a job another transaction is claiming is skipped,
 * and the jobs behind it are not the earliest of their key in this snapshot); PGlite runs the same
 * statement on its single serialised connection.
 *
 * @internal
 */
export async function claimDueJobs(
  db: Kysely<StoreDatabase>,
  options: { now: number; limit: number; names: string[]; leaseMs: number; token: string },
): Promise<Selectable<JobsTable>[]> {
  const { now, limit, names, leaseMs, token } = options;
  if (limit <= 0 || names.length === 0) return [];
  const due = db
    .selectFrom('jobs as j')
    .select(['j.tenant_id', 'j.seq'])
    .where('j.status', '=', 'pending')
    .where('j.run_at', '<=', now)
    .where('j.name', 'in', names)
    .where((eb) =>
      eb.or([
        eb('j.ordering_key', 'is', null),
        eb.and([
          eb.not(
            eb.exists(
              eb
                .selectFrom('jobs as a')
                .select(sql.lit(1).as('one'))
                .whereRef('a.tenant_id', '=', 'j.tenant_id')
                .whereRef('a.ordering_key', '=', 'j.ordering_key')
                .where('a.status', '=', 'active')
                .where('a.lease_expires_at', '>', now),
            ),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom('jobs as p')
                .select(sql.lit(1).as('one'))
                .whereRef('p.tenant_id', '=', 'j.tenant_id')
                .whereRef('p.ordering_key', '=', 'j.ordering_key')
                .where('p.status', '=', 'pending')
                .where('p.name', 'in', names)
                .where((inner) =>
                  inner.or([
                    inner('p.run_at', '<', inner.ref('j.run_at')),
                    inner.and([
                      inner('p.run_at', '=', inner.ref('j.run_at')),
                      inner('p.seq', '<', inner.ref('j.seq')),
                    ]),
                  ]),
                ),
            ),
          ),
        ]),
      ]),
    )
    .orderBy('j.run_at')
    .orderBy('j.seq')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .$asTuple('tenant_id', 'seq');
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'active',
      attempts: eb('attempts', '+', 1),
      lease_token: token,
      lease_expires_at: now + leaseMs,
      updated_at: now,
    }))
    .where((eb) => eb(eb.refTuple('tenant_id', 'seq'), 'in', due))
    .returningAll()
    .execute();
}
