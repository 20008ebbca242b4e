import type { JsonValue } from '../domain/json-value';

/**
 * One admin API key as stored: never the secret itself, only its SHA-256 hash and a short display prefix.
 * `scope` is `'*'` (every tenant) or one tenant id.
 */
export interface ApiKeyRecord {
  /** Key id (not secret), e.g. `key_3f9a…`. */
  id: string;
  /** Human label, e.g. `dashboard` or `agency-austin`. */
  name: string;
  /** `'*'` for all tenants, else the one tenant id the key may access. */
  scope: string;
  /** Hex SHA-256 of the full secret. */
  secretHash: string;
  /** First characters of the secret (`ehk_ab12`), for recognising a key in lists. */
  prefix: string;
  /** When created, epoch ms. */
  createdAt: number;
  /** Who created it (key id), if known. */
  createdBy?: string;
  /** When revoked, epoch ms; a revoked key never authenticates again. */
  revokedAt?: number;
}

/** One alert silence as stored (mirrors the observability `Silence`). */
export interface SilenceRecord {
  /** Silence id. */
  id: string;
  /** Label matchers (Alertmanager style). */
  matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[];
  /** Start, epoch ms. */
  startsAt: number;
  /** End, epoch ms (moved to the expiry time when ended early). */
  endsAt: number;
  /** Who created it (operator or key id, not PII). */
  createdBy: string;
  /** Why. */
  comment: string;
  /** When it was created, epoch ms. */
  createdAt: number;
}

/** Options every {@link AdminStore} call accepts. */
export interface AdminStoreCall {
  /** Aborts the call. */
  signal?: AbortSignal;
}

/**
 * Port: deployment-wide administration records shared by every server instance — admin API keys (hashed),
 * alert silences and small named settings (JSON). These records belong to no single tenant; a key's `scope`
 * says which tenant it may access.
 */
export interface AdminStore {
  /** Stores a new key; throws `STORE_CONFLICT` when the id or secret hash already exists. */
  createApiKey(options: AdminStoreCall & { key: ApiKeyRecord }): Promise<ApiKeyRecord>;
  /** The key whose secret hashes to `secretHash` (revoked ones included; callers check `revokedAt`). */
  findApiKeyByHash(
    options: AdminStoreCall & { secretHash: string },
  ): Promise<ApiKeyRecord | undefined>;
  /** The key with this id, or `undefined`. */
  getApiKey(options: AdminStoreCall & { id: string }): Promise<ApiKeyRecord | undefined>;
  /** Keys ordered by creation time; only those with `scope` when given; revoked ones only with `includeRevoked`. */
  listApiKeys(
    options?: AdminStoreCall & { scope?: string; includeRevoked?: boolean },
  ): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked at `at` (idempotent: the first revocation time is kept); `undefined` when unknown. */
  revokeApiKey(
    options: AdminStoreCall & { id: string; at: number },
  ): Promise<ApiKeyRecord | undefined>;
  /** Inserts or replaces a silence by id. */
  saveSilence(options: AdminStoreCall & { silence: SilenceRecord }): Promise<void>;
  /** Silences ordered by creation time, newest first; only those ending after `endsAfter` when given. */
  listSilences(options?: AdminStoreCall & { endsAfter?: number }): Promise<SilenceRecord[]>;
  /** A named setting, or `undefined` when never written. */
  getSetting(options: AdminStoreCall & { name: string }): Promise<JsonValue | undefined>;
  /** Writes a named setting (replaces the previous value). */
  putSetting(options: AdminStoreCall & { name: string; value: JsonValue }): Promise<void>;
}
