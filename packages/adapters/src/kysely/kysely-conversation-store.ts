import type {
  CompareAndSetResult,
  ConversationListOptions,
  ConversationState,
  ConversationStore,
  TenantScoped,
} from '@enterprisehub/core';
import {
  MAX_CONVERSATION_MESSAGES,
  conversationStateSchema,
  toEnterpriseHubError,
} from '@enterprisehub/core';
import { conversationToRow, rowToConversation } from './conversation-row';
import { storeCall } from './store-error';
import { assertRecordTenant, assertScope, type KyselyStoreContext } from './store-context';

/**
 * `ConversationStore` on Kysely (PostgreSQL or PGlite): one row per (tenant, contact) with
 * a `version` column for compare-and-set; messages and PII facts are one ciphertext column.
 */
export class KyselyConversationStore implements ConversationStore {
  readonly #context: KyselyStoreContext;

  /** Creates the store over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext) {
    this.#context = context;
  }

  /** The stored state, decrypted, or `undefined` (`ConversationStore.get`). */
  async get(options: TenantScoped & { contactId: string }): Promise<ConversationState | undefined> {
    assertScope(this.#context, options.tenantId);
    return storeCall('conversations.get', async () => {
      const row = await this.#context.db
        .selectFrom('conversations')
        .selectAll()
        .where('tenant_id', '=', options.tenantId)
        .where('contact_id', '=', options.contactId)
        .executeTakeFirst({ signal: options.signal });
      return row === undefined ? undefined : rowToConversation(row, this.#context.pii);
    });
  }

  /** Writes the state if the stored version equals `expectedVersion` (0 = must not exist), else returns the current one as a conflict (`ConversationStore.compareAndSet`). */
  async compareAndSet(
    options: TenantScoped & { state: ConversationState; expectedVersion: number },
  ): Promise<CompareAndSetResult> {
    const { tenantId, expectedVersion, signal } = options;
    assertScope(this.#context, tenantId);
    assertRecordTenant(options.state.tenantId, tenantId, 'conversation state');
    const parsed = conversationStateSchema.safeParse({
      ...options.state,
      tenantId,
      version: expectedVersion + 1,
    });
    if (!parsed.success) throw toEnterpriseHubError(parsed.error);
    const next = {
      ...parsed.data,
      messages: parsed.data.messages.slice(-MAX_CONVERSATION_MESSAGES),
    };
    const columns = conversationToRow(next, this.#context.pii);
    const written = await storeCall('conversations.compareAndSet', async () => {
      const db = this.#context.db;
      if (expectedVersion === 0) {
        return db
          .insertInto('conversations')
          .values({
            ...columns,
            tenant_id: tenantId,
            contact_id: next.contactId,
            version: next.version,
          })
          .onConflict((conflict) => conflict.columns(['tenant_id', 'contact_id']).doNothing())
          .returning('version')
          .executeTakeFirst({ signal });
      }
      return db
        .updateTable('conversations')
        .set({ ...columns, version: next.version })
        .where('tenant_id', '=', tenantId)
        .where('contact_id', '=', next.contactId)
        .where('version', '=', expectedVersion)
        .returning('version')
        .executeTakeFirst({ signal });
    });
    if (written !== undefined) return { kind: 'ok', state: next };
    return {
      kind: 'conflict',
      current: await this.get({ tenantId, contactId: next.contactId, signal }),
    };
  }

  /** The tenant's conversations matching the filters, oldest update first (`ConversationStore.list`). */
  async list(options: ConversationListOptions): Promise<ConversationState[]> {
    assertScope(this.#context, options.tenantId);
    return storeCall('conversations.list', async () => {
      let query = this.#context.db
        .selectFrom('conversations')
        .selectAll()
        .where('tenant_id', '=', options.tenantId);
      if (options.activeBot !== undefined)
        query = query.where('active_bot', '=', options.activeBot);
      if (options.stages !== undefined) {
        if (options.stages.length === 0) return [];
        query = query.where('stage', 'in', options.stages);
      }
      if (options.updatedBefore !== undefined)
        query = query.where('updated_at', '<', options.updatedBefore);
      const rows = await query
        .orderBy('updated_at', options.order ?? 'asc')
        .orderBy('contact_id', options.order ?? 'asc')
        .limit(options.limit ?? 100)
        .execute({ signal: options.signal });
      return rows.map((row) => rowToConversation(row, this.#context.pii));
    });
  }

  /** Deletes the conversation; returns whether one existed (`ConversationStore.delete`). */
  async delete(options: TenantScoped & { contactId: string }): Promise<boolean> {
    assertScope(this.#context, options.tenantId);
    return storeCall('conversations.delete', async () => {
      const result = await this.#context.db
        .deleteFrom('conversations')
        .where('tenant_id', '=', options.tenantId)
        .where('contact_id', '=', options.contactId)
        .executeTakeFirst({ signal: options.signal });
      return result.numDeletedRows > 0n;
    });
  }
}
