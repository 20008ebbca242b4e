/** A stored GHL OAuth token pair. Secret: never log it. */
export interface GhlTokenRecord {
  /** Bearer token. */
  accessToken: string;
  /** Single-use refresh token (GHL rotates it on every refresh); absent for tokens that cannot refresh. */
  refreshToken?: string;
  /** When the access token expires, epoch ms. */
  expiresAt: number;
  /** `Location` (sub-account) or `Company` (agency) token. */
  userType: 'Location' | 'Company';
  /** Location the token is for (location tokens). */
  locationId?: string;
  /** Agency the token belongs to, when known. */
  companyId?: string;
  /** Granted scopes, space-separated. */
  scope?: string;
  /** GHL user that installed the app. */
  userId?: string;
  /** When the record was written, epoch ms. */
  updatedAt: number;
}

/** Store key of a location's token. */
export const locationTokenKey = (locationId: string): string => `location:${locationId}`;

/** Store key of an agency's (company's) token. */
export const companyTokenKey = (companyId: string): string => `company:${companyId}`;

/**
 * Port: where OAuth tokens live, keyed `location:<id>` or `company:<id>`. Shared by every instance of the
 * app so a rotated refresh token is seen by all (a kysely-backed store can come with the adapters).
 */
export interface GhlTokenStore {
  /** The record under `key`, or `undefined`. */
  get(options: { key: string; signal?: AbortSignal }): Promise<GhlTokenRecord | undefined>;
  /** Replaces the record under `key` atomically (the new refresh token must be durable before use). */
  set(options: { key: string; token: GhlTokenRecord; signal?: AbortSignal }): Promise<void>;
  /** Removes the record under `key` (e.g. after an uninstall). */
  delete(options: { key: string; signal?: AbortSignal }): Promise<void>;
}

/**
 * In-memory {@link GhlTokenStore}: for tests and single-instance deployments (tokens are lost on restart).
 *
 * @example
 * ```ts
 * const oauth = createGhlOAuth({ clientId, clientSecret, tokenStore: createMemoryGhlTokenStore() });
 * ```
 */
export function createMemoryGhlTokenStore(): GhlTokenStore {
  const records = new Map<string, GhlTokenRecord>();
  return {
    get: ({ key }) => Promise.resolve(records.has(key) ? { ...(records.get(key) as GhlTokenRecord) } : undefined),
    set: ({ key, token }) => {
      records.set(key, { ...token });
      return Promise.resolve();
    },
    delete: ({ key }) => {
      records.delete(key);
      return Promise.resolve();
    },
  };
}
