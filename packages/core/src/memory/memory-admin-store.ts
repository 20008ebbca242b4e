/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import type { JsonValue } from '../domain/json-value';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import type { AdminStore, AdminStoreCall, ApiKeyRecord, SilenceRecord } from '../ports/admin-store';
import { copy, throwIfAborted } from './memory-support';

/** In-memory {@link AdminStore} (one process only; use a SQL adapter to share keys between instances). */
export class MemoryAdminStore implements AdminStore {
  private readonly keys = new Map<string, ApiKeyRecord>();
  private readonly silences = new Map<string, SilenceRecord>();
  private readonly settings = new Map<string, JsonValue>();

  /** {@inheritDoc AdminStore.createApiKey} */
  async createApiKey(options: AdminStoreCall & { key: ApiKeyRecord }): Promise<ApiKeyRecord> {
    throwIfAborted(options.signal);
    const { key } = options;
    const clash = [...this.keys.values()].some(
      (existing) => existing.id === key.id || existing.secretHash === key.secretHash,
    );
    if (clash) {
      throw new EnterpriseHubError({
        code: 'STORE_CONFLICT',
        message: 'An API key with this id or secret already exists.',
      });
    }
    this.keys.set(key.id, copy(key));
    return copy(key);
  }

  /** {@inheritDoc AdminStore.findApiKeyByHash} */
  async findApiKeyByHash(
    options: AdminStoreCall & { secretHash: string },
  ): Promise<ApiKeyRecord | undefined> {
    throwIfAborted(options.signal);
    const found = [...this.keys.values()].find((key) => key.secretHash === options.secretHash);
    return found && copy(found);
  }

  /** {@inheritDoc AdminStore.getApiKey} */
  async getApiKey(options: AdminStoreCall & { id: string }): Promise<ApiKeyRecord | undefined> {
    throwIfAborted(options.signal);
    const found = this.keys.get(options.id);
    return found && copy(found);
  }

  /** {@inheritDoc AdminStore.listApiKeys} */
  async listApiKeys(
    options: AdminStoreCall & { scope?: string; includeRevoked?: boolean } = {},
  ): Promise<ApiKeyRecord[]> {
    throwIfAborted(options.signal);
    return [...this.keys.values()]
      .filter((key) => options.scope === undefined || key.scope === options.scope)
      .filter((key) => options.includeRevoked === true || key.revokedAt === undefined)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map(copy);
  }

  /** {@inheritDoc AdminStore.revokeApiKey} */
  async revokeApiKey(
    options: AdminStoreCall & { id: string; at: number },
  ): Promise<ApiKeyRecord | undefined> {
    throwIfAborted(options.signal);
    const key = this.keys.get(options.id);
    if (!key) return undefined;
    const revoked = { ...key, revokedAt: key.revokedAt ?? options.at };
    this.keys.set(key.id, revoked);
    return copy(revoked);
  }

  /** {@inheritDoc AdminStore.saveSilence} */
  async saveSilence(options: AdminStoreCall & { silence: SilenceRecord }): Promise<void> {
    throwIfAborted(options.signal);
    this.silences.set(options.silence.id, copy(options.silence));
  }

  /** {@inheritDoc AdminStore.listSilences} */
  async listSilences(
    options: AdminStoreCall & { endsAfter?: number } = {},
  ): Promise<SilenceRecord[]> {
    throwIfAborted(options.signal);
    const { endsAfter } = options;
    return [...this.silences.values()]
      .filter((silence) => endsAfter === undefined || silence.endsAt > endsAfter)
      .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id))
      .map(copy);
  }

  /** {@inheritDoc AdminStore.getSetting} */
  async getSetting(options: AdminStoreCall & { name: string }): Promise<JsonValue | undefined> {
    throwIfAborted(options.signal);
    const value = this.settings.get(options.name);
    return value === undefined ? undefined : copy(value);
  }

  /** {@inheritDoc AdminStore.putSetting} */
  async putSetting(options: AdminStoreCall & { name: string; value: JsonValue }): Promise<void> {
    throwIfAborted(options.signal);
    this.settings.set(options.name, copy(options.value));
  }
}

/**
 * Creates an in-memory admin store.
 *
 * @example
 * ```ts
 * const admin = createMemoryAdminStore();
 * await admin.putSetting({ name: 'maintenance', value: { enabled: true } });
 * ```
 */
export function createMemoryAdminStore(): MemoryAdminStore {
  return new MemoryAdminStore();
}
