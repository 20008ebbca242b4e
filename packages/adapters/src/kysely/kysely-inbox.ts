import type { Inbox, JsonValue, TenantScoped, UnprocessedInboxEntry } from '@enterprisehub/core';
import type { Insertable } from 'kysely';
import type { InboxTable } from './database';
import { InboxBatcher, InboxLookupBatcher, inboxKey } from './inbox-batcher';
import { storeCall } from './store-error';
import { assertScope, type KyselyStoreContext } from './store-context';
import { piiContext } from './pii-context';

/** Options of {@link KyselyInbox} beyond the store context. */
export interface KyselyInboxOptions {
  /**
   * Group-commit concurrent `markSeen` calls into one multi-row statement, and answer concurrent `has` calls with
   * one SELECT.
   * @defaultValue `true` on PGlite, `false` on PostgreSQL
   */
  batch?: boolean;
  /** Answer concurrent `has` calls with one SELECT. @defaultValue the value of `batch` */
  batchLookups?: boolean;
}

function contactIdOf(payload: JsonValue | undefined): string | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const contactId = payload['contactId'];
  return typeof contactId === 'string' ? contactId : null;
}

/**
 * `Inbox` on Kysely: one row per (tenant, event id) with an optional expiry. The accepted
 * payload is encrypted; its `contactId` (when it has one) is kept in clear so erasure finds it.
 */
export class KyselyInbox implements Inbox {
  readonly #context: KyselyStoreContext;
  readonly #batcher: InboxBatcher | undefined;
  readonly #lookups: InboxLookupBatcher | undefined;

  /** Creates the inbox over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext, options: KyselyInboxOptions = {}) {
    this.#context = context;
    this.#batcher =
      options.batch === true ? new InboxBatcher((rows) => this.#write(rows)) : undefined;
    this.#lookups =
      (options.batchLookups ?? options.batch) === true
        ? new InboxLookupBatcher((pairs) => this.#readMany(pairs))
        : undefined;
  }

  /** Records `id` as seen in one atomic upsert; `true` the first time (or after expiry), `false` for a duplicate (`Inbox.markSeen`). */
  async markSeen(
    options: TenantScoped & { id: string; ttlMs?: number; payload?: JsonValue },
  ): Promise<boolean> {
    assertScope(this.#context, options.tenantId);
    options.signal?.throwIfAborted();
    const now = this.#context.clock.now();
    const row: Insertable<InboxTable> = {
      tenant_id: options.tenantId,
      message_id: options.id,
      contact_id: contactIdOf(options.payload),
      payload:
        options.payload === undefined
          ? null
          : this.#context.pii.seal(options.payload, piiContext.inbox(options.tenantId, options.id)),
      seen_at: now,
      expires_at: options.ttlMs === undefined ? null : now + options.ttlMs,
      processed_at: null,
    };
    return storeCall('inbox.markSeen', async () => {
      if (this.#batcher !== undefined) return this.#batcher.add(row);
      const fresh = await this.#write([row]);
      return fresh.size > 0;
    });
  }

  /** Whether `id` was seen and has not expired (`Inbox.has`). */
  async has(options: TenantScoped & { id: string }): Promise<boolean> {
    if (this.#lookups !== undefined) {
      assertScope(this.#context, options.tenantId);
      options.signal?.throwIfAborted();
      const lookups = this.#lookups;
      return storeCall('inbox.has', () => lookups.has(options.tenantId, options.id));
    }
    return (await this.#find(options, 'inbox.has')) !== undefined;
  }

  /** The decrypted payload stored with `id`, or `undefined` (`Inbox.getPayload`). */
  async getPayload(options: TenantScoped & { id: string }): Promise<JsonValue | undefined> {
    const row = await this.#find(options, 'inbox.getPayload');
    if (row?.payload == null) return undefined;
    return this.#context.pii.open(
      row.payload,
      'inbox payload',
      piiContext.inbox(options.tenantId, options.id),
    ) as JsonValue;
  }

  /** Records that the accepted event `id` was processed (`Inbox.markProcessed`); unknown or expired ids are ignored. */
  async markProcessed(options: TenantScoped & { id: string }): Promise<void> {
    assertScope(this.#context, options.tenantId);
    options.signal?.throwIfAborted();
    const now = this.#context.clock.now();
    await storeCall('inbox.markProcessed', () =>
      this.#context.db
        .updateTable('inbox')
        .set({ processed_at: now })
        .where('tenant_id', '=', options.tenantId)
        .where('message_id', '=', options.id)
        .where('processed_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .executeTakeFirst({ signal: options.signal }),
    );
  }

  /** The tenant's accepted, unprocessed, live entries with payload seen in the window, oldest first (`Inbox.listUnprocessed`). */
  async listUnprocessed(
    options: TenantScoped & { seenBefore: number; seenAfter?: number; limit: number },
  ): Promise<UnprocessedInboxEntry[]> {
    assertScope(this.#context, options.tenantId);
    options.signal?.throwIfAborted();
    const now = this.#context.clock.now();
    const limit = Math.max(0, Math.floor(options.limit));
    if (limit === 0) return [];
    const rows = await storeCall('inbox.listUnprocessed', () => {
      let query = this.#context.db
        .selectFrom('inbox')
        .select(['message_id', 'payload', 'seen_at'])
        .where('tenant_id', '=', options.tenantId)
        .where('processed_at', 'is', null)
        .where('payload', 'is not', null)
        .where('seen_at', '<=', options.seenBefore)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
      if (options.seenAfter !== undefined) query = query.where('seen_at', '>', options.seenAfter);
      return query
        .orderBy('seen_at')
        .orderBy('message_id')
        .limit(limit)
        .execute({ signal: options.signal });
    });
    return rows.flatMap((row) =>
      row.payload === null
        ? []
        : [
            {
              id: row.message_id,
              payload: this.#context.pii.open(
                row.payload,
                'inbox payload',
                piiContext.inbox(options.tenantId, row.message_id),
              ) as JsonValue,
              seenAt: Number(row.seen_at),
            },
          ],
    );
  }

  /** Deletes the tenant's expired ids; returns how many were removed. */
  async purgeExpired(options: TenantScoped): Promise<number> {
    assertScope(this.#context, options.tenantId);
    return storeCall('inbox.purgeExpired', async () => {
      const result = await this.#context.db
        .deleteFrom('inbox')
        .where('tenant_id', '=', options.tenantId)
        .where('expires_at', '<=', this.#context.clock.now())
        .executeTakeFirst({ signal: options.signal });
      return Number(result.numDeletedRows);
    });
  }

  async #find(
    options: TenantScoped & { id: string },
    operation: string,
  ): Promise<{ payload: string | null } | undefined> {
    assertScope(this.#context, options.tenantId);
    const now = this.#context.clock.now();
    return storeCall(operation, () =>
      this.#context.db
        .selectFrom('inbox')
        .select('payload')
        .where('tenant_id', '=', options.tenantId)
        .where('message_id', '=', options.id)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .executeTakeFirst({ signal: options.signal }),
    );
  }

  async #readMany(pairs: { tenantId: string; id: string }[]): Promise<Set<string>> {
    const now = this.#context.clock.now();
    const tenants = [...new Set(pairs.map((pair) => pair.tenantId))];
    const ids = [...new Set(pairs.map((pair) => pair.id))];
    // A superset (every tenant × every id) is read; callers look up their exact (tenant, id) key.
    const rows = await this.#context.db
      .selectFrom('inbox')
      .select(['tenant_id', 'message_id'])
      .where('tenant_id', 'in', tenants)
      .where('message_id', 'in', ids)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
    return new Set(rows.map((row) => inboxKey(row.tenant_id, row.message_id)));
  }

  async #write(rows: Insertable<InboxTable>[]): Promise<Set<string>> {
    const now = this.#context.clock.now();
    const written = await this.#context.db
      .insertInto('inbox')
      .values(rows)
      .onConflict((conflict) =>
        conflict
          .columns(['tenant_id', 'message_id'])
          .doUpdateSet((eb) => ({
            contact_id: eb.ref('excluded.contact_id'),
            payload: eb.ref('excluded.payload'),
            seen_at: eb.ref('excluded.seen_at'),
            expires_at: eb.ref('excluded.expires_at'),
            processed_at: eb.ref('excluded.processed_at'),
          }))
          .where('inbox.expires_at', '<=', now),
      )
      .returning(['tenant_id', 'message_id'])
      .execute();
    return new Set(written.map((row) => inboxKey(row.tenant_id, row.message_id)));
  }
}
