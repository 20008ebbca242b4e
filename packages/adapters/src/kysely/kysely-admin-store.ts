import {
  EnterpriseHubError,
  jsonValueSchema,
  type AdminStore,
  type AdminStoreCall,
  type ApiKeyRecord,
  type JsonValue,
  type SilenceRecord,
} from '@enterprisehub/core';
import type { Selectable } from 'kysely';
import type { AdminApiKeysTable } from './database';
import { storeCall } from './store-error';
import { toMillis, toOptionalMillis, type KyselyStoreContext } from './store-context';

function rowToKey(row: Selectable<AdminApiKeysTable>): ApiKeyRecord {
  const revokedAt = toOptionalMillis(row.revoked_at);
  return {
    id: row.key_id,
    name: row.name,
    scope: row.scope,
    secretHash: row.secret_hash,
    prefix: row.prefix,
    createdAt: toMillis(row.created_at),
    ...(row.created_by === null ? {} : { createdBy: row.created_by }),
    ...(revokedAt === undefined ? {} : { revokedAt }),
  };
}

function corrupt(what: string): EnterpriseHubError {
  return new EnterpriseHubError({
    code: 'STORE_CORRUPT',
    message: `A stored ${what} failed validation on read.`,
  });
}

function rowToSilence(data: Record<string, unknown>): SilenceRecord {
  const record = data as Partial<SilenceRecord>;
  if (
    typeof record.id !== 'string' ||
    !Array.isArray(record.matchers) ||
    typeof record.endsAt !== 'number'
  ) {
    throw corrupt('silence');
  }
  return record as SilenceRecord;
}

/**
 * `AdminStore` on Kysely: API keys (`admin_api_keys`, the secret only as its SHA-256), alert silences
 * (`admin_silences`) and named JSON settings (`admin_settings`). Deployment-wide; holds no PII.
 */
export class KyselyAdminStore implements AdminStore {
  readonly #context: KyselyStoreContext;

  /** Creates the store over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext) {
    this.#context = context;
  }

  /** Inserts a key; `STORE_CONFLICT` when the id or hash exists (`AdminStore.createApiKey`). */
  async createApiKey(options: AdminStoreCall & { key: ApiKeyRecord }): Promise<ApiKeyRecord> {
    const { key } = options;
    const inserted = await storeCall('admin.createApiKey', () =>
      this.#context.db
        .insertInto('admin_api_keys')
        .values({
          key_id: key.id,
          name: key.name,
          scope: key.scope,
          secret_hash: key.secretHash,
          prefix: key.prefix,
          created_at: key.createdAt,
          created_by: key.createdBy ?? null,
          revoked_at: key.revokedAt ?? null,
        })
        .onConflict((conflict) => conflict.doNothing())
        .returningAll()
        .executeTakeFirst({ signal: options.signal }),
    );
    if (inserted === undefined) {
      throw new EnterpriseHubError({
        code: 'STORE_CONFLICT',
        message: 'An API key with this id or secret already exists.',
      });
    }
    return rowToKey(inserted);
  }

  /** The key with this secret hash (`AdminStore.findApiKeyByHash`). */
  async findApiKeyByHash(
    options: AdminStoreCall & { secretHash: string },
  ): Promise<ApiKeyRecord | undefined> {
    const row = await storeCall('admin.findApiKeyByHash', () =>
      this.#context.db
        .selectFrom('admin_api_keys')
        .selectAll()
        .where('secret_hash', '=', options.secretHash)
        .executeTakeFirst({ signal: options.signal }),
    );
    return row && rowToKey(row);
  }

  /** The key with this id (`AdminStore.getApiKey`). */
  async getApiKey(options: AdminStoreCall & { id: string }): Promise<ApiKeyRecord | undefined> {
    const row = await storeCall('admin.getApiKey', () =>
      this.#context.db
        .selectFrom('admin_api_keys')
        .selectAll()
        .where('key_id', '=', options.id)
        .executeTakeFirst({ signal: options.signal }),
    );
    return row && rowToKey(row);
  }

  /** Keys by creation time (`AdminStore.listApiKeys`). */
  async listApiKeys(
    options: AdminStoreCall & { scope?: string; includeRevoked?: boolean } = {},
  ): Promise<ApiKeyRecord[]> {
    const rows = await storeCall('admin.listApiKeys', () => {
      let query = this.#context.db.selectFrom('admin_api_keys').selectAll();
      if (options.scope !== undefined) query = query.where('scope', '=', options.scope);
      if (options.includeRevoked !== true) query = query.where('revoked_at', 'is', null);
      return query.orderBy('created_at').orderBy('key_id').execute({ signal: options.signal });
    });
    return rows.map(rowToKey);
  }

  /** Revokes a key, keeping the first revocation time (`AdminStore.revokeApiKey`). */
  async revokeApiKey(
    options: AdminStoreCall & { id: string; at: number },
  ): Promise<ApiKeyRecord | undefined> {
    await storeCall('admin.revokeApiKey', () =>
      this.#context.db
        .updateTable('admin_api_keys')
        .set({ revoked_at: options.at })
        .where('key_id', '=', options.id)
        .where('revoked_at', 'is', null)
        .execute({ signal: options.signal }),
    );
    return this.getApiKey(options);
  }

  /** Upserts a silence by id (`AdminStore.saveSilence`). */
  async saveSilence(options: AdminStoreCall & { silence: SilenceRecord }): Promise<void> {
    const { silence } = options;
    const data = JSON.stringify(silence);
    await storeCall('admin.saveSilence', () =>
      this.#context.db
        .insertInto('admin_silences')
        .values({
          silence_id: silence.id,
          ends_at: silence.endsAt,
          created_at: silence.createdAt,
          data,
        })
        .onConflict((conflict) =>
          conflict
            .column('silence_id')
            .doUpdateSet({ ends_at: silence.endsAt, created_at: silence.createdAt, data }),
        )
        .execute({ signal: options.signal }),
    );
  }

  /** Silences, newest first (`AdminStore.listSilences`). */
  async listSilences(
    options: AdminStoreCall & { endsAfter?: number } = {},
  ): Promise<SilenceRecord[]> {
    const rows = await storeCall('admin.listSilences', () => {
      let query = this.#context.db.selectFrom('admin_silences').select(['data']);
      if (options.endsAfter !== undefined) query = query.where('ends_at', '>', options.endsAfter);
      return query
        .orderBy('created_at', 'desc')
        .orderBy('silence_id')
        .execute({ signal: options.signal });
    });
    return rows.map((row) => rowToSilence(row.data));
  }

  /** A named setting (`AdminStore.getSetting`). */
  async getSetting(options: AdminStoreCall & { name: string }): Promise<JsonValue | undefined> {
    const row = await storeCall('admin.getSetting', () =>
      this.#context.db
        .selectFrom('admin_settings')
        .select(['value'])
        .where('name', '=', options.name)
        .executeTakeFirst({ signal: options.signal }),
    );
    if (row === undefined) return undefined;
    const parsed = jsonValueSchema.safeParse(row.value);
    if (!parsed.success) throw corrupt('setting');
    return parsed.data;
  }

  /** Writes a named setting (`AdminStore.putSetting`). */
  async putSetting(options: AdminStoreCall & { name: string; value: JsonValue }): Promise<void> {
    const value = JSON.stringify(options.value);
    const updatedAt = this.#context.clock.now();
    await storeCall('admin.putSetting', () =>
      this.#context.db
        .insertInto('admin_settings')
        .values({ name: options.name, value, updated_at: updatedAt })
        .onConflict((conflict) =>
          conflict.column('name').doUpdateSet({ value, updated_at: updatedAt }),
        )
        .execute({ signal: options.signal }),
    );
  }
}
