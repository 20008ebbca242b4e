import type { TenantScoped } from '@enterprisehub/core';
import { storeCall } from './store-error';
import { assertScope, type KyselyStoreContext } from './store-context';
import { piiContext } from './pii-context';

/** How many ciphertexts `reencryptPii` rewrote, per table. */
export interface PiiRotationResult {
  /** Contact PII columns re-encrypted. */
  contacts: number;
  /** Conversation PII columns (messages, PII facts) re-encrypted. */
  conversations: number;
  /** Inbox payloads re-encrypted. */
  inbox: number;
  /** Outbox actions re-encrypted. */
  outbox: number;
}

interface SealedRow {
  key: string;
  ciphertext: string | null;
}

interface TableRotation {
  /** Up to `limit` rows with keys after `after`, in key order. */
  fetch(after: string | undefined, limit: number): Promise<SealedRow[]>;
  /** Associated-data context of a row's ciphertext. */
  context(key: string): string;
  /** Replaces the ciphertext only if it is still `from` (a concurrent write wins). */
  update(key: string, change: { from: string; to: string }): Promise<void>;
}

/**
 * Key rotation for stored PII: after a new key is prepended to the keyring (it becomes current
 * and the old ones stay for reading), rewrites every ciphertext of a tenant still under an old
 * key, in batches, so the old key can eventually be retired. Safe to run while the stores are in
 * use: each row is replaced only if it was not rewritten meanwhile.
 */
export class KyselyPiiRotation {
  readonly #context: KyselyStoreContext;

  /** Creates the rotation over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext) {
    this.#context = context;
  }

  /** Re-encrypts the tenant's PII still under an old key; returns counts per table. */
  async reencrypt(options: TenantScoped & { batchSize?: number }): Promise<PiiRotationResult> {
    const { tenantId } = options;
    assertScope(this.#context, tenantId);
    const batchSize = options.batchSize ?? 200;
    const db = this.#context.db;
    const contacts: TableRotation = {
      fetch: async (after, limit) => {
        let query = db
          .selectFrom('contacts')
          .select(['contact_id as key', 'pii as ciphertext'])
          .where('tenant_id', '=', tenantId);
        if (after !== undefined) query = query.where('contact_id', '>', after);
        return query.orderBy('contact_id').limit(limit).execute();
      },
      context: (key) => piiContext.contact(tenantId, key),
      update: async (key, { from, to }) => {
        await db
          .updateTable('contacts')
          .set({ pii: to })
          .where('tenant_id', '=', tenantId)
          .where('contact_id', '=', key)
          .where('pii', '=', from)
          .execute();
      },
    };
    const conversations: TableRotation = {
      fetch: async (after, limit) => {
        let query = db
          .selectFrom('conversations')
          .select(['contact_id as key', 'pii as ciphertext'])
          .where('tenant_id', '=', tenantId);
        if (after !== undefined) query = query.where('contact_id', '>', after);
        return query.orderBy('contact_id').limit(limit).execute();
      },
      context: (key) => piiContext.conversation(tenantId, key),
      update: async (key, { from, to }) => {
        await db
          .updateTable('conversations')
          .set({ pii: to })
          .where('tenant_id', '=', tenantId)
          .where('contact_id', '=', key)
          .where('pii', '=', from)
          .execute();
      },
    };
    const inbox: TableRotation = {
      fetch: async (after, limit) => {
        let query = db
          .selectFrom('inbox')
          .select(['message_id as key', 'payload as ciphertext'])
          .where('tenant_id', '=', tenantId);
        if (after !== undefined) query = query.where('message_id', '>', after);
        return query.orderBy('message_id').limit(limit).execute();
      },
      context: (key) => piiContext.inbox(tenantId, key),
      update: async (key, { from, to }) => {
        await db
          .updateTable('inbox')
          .set({ payload: to })
          .where('tenant_id', '=', tenantId)
          .where('message_id', '=', key)
          .where('payload', '=', from)
          .execute();
      },
    };
    const outbox: TableRotation = {
      fetch: async (after, limit) => {
        let query = db
          .selectFrom('outbox')
          .select(['entry_id as key', 'action as ciphertext'])
          .where('tenant_id', '=', tenantId);
        if (after !== undefined) query = query.where('entry_id', '>', after);
        return query.orderBy('entry_id').limit(limit).execute();
      },
      context: (key) => piiContext.outbox(tenantId, key),
      update: async (key, { from, to }) => {
        await db
          .updateTable('outbox')
          .set({ action: to })
          .where('tenant_id', '=', tenantId)
          .where('entry_id', '=', key)
          .where('action', '=', from)
          .execute();
      },
    };
    return storeCall('reencryptPii', async () => ({
      contacts: await this.#rotate(contacts, batchSize),
      conversations: await this.#rotate(conversations, batchSize),
      inbox: await this.#rotate(inbox, batchSize),
      outbox: await this.#rotate(outbox, batchSize),
    }));
  }

  async #rotate(table: TableRotation, batchSize: number): Promise<number> {
    const pii = this.#context.pii;
    let rewritten = 0;
    let after: string | undefined;
    for (;;) {
      const rows = await table.fetch(after, batchSize);
      for (const row of rows) {
        if (row.ciphertext === null || !pii.isStale(row.ciphertext)) continue;
        await table.update(row.key, {
          from: row.ciphertext,
          to: pii.reseal(row.ciphertext, table.context(row.key)),
        });
        rewritten += 1;
      }
      if (rows.length < batchSize) return rewritten;
      after = rows.at(-1)?.key;
    }
  }
}
