import { EnterpriseHubError, systemClock, type Clock, type LockManager } from '@enterprisehub/core';
import { GHL_API_BASE_URL } from '../client/create-ghl-client';
import { buildAuthorizeUrl, type AuthorizeUrlOptions } from './build-authorize-url';
import type { GetAccessTokenOptions, GhlTokenProvider } from './ghl-token-provider';
import { requestToken, type OAuthEndpointOptions } from './ghl-oauth-endpoints';
import { companyTokenKey, createMemoryGhlTokenStore, locationTokenKey, type GhlTokenRecord, type GhlTokenStore } from './ghl-token-store';

/** Options of {@link createGhlOAuth}. */
export interface GhlOAuthOptions {
  /** Marketplace app client id. */
  clientId: string;
  /** Marketplace app client secret. Secret: never log it. */
  clientSecret: string;
  /** Where tokens live; share one store between instances. @defaultValue an in-memory store */
  tokenStore?: GhlTokenStore;
  /** Redirect URI registered for the app (used by `authorizeUrl` and `exchangeCode`). */
  redirectUri?: string;
  /** Agency used to mint location tokens when a location has none. */
  companyId?: string;
  /** Cross-instance lock (core LockManager port, Redis in production) so only one instance refreshes a token. */
  lockManager?: LockManager;
  /** Tenant scope for `lockManager`. @defaultValue `'ghl-oauth'` */
  lockTenantId?: string;
  /** Refresh a token this long before it expires, ms. @defaultValue `300000` */
  refreshSkewMs?: number;
  /** API host. @defaultValue `https://services.leadconnectorhq.com` */
  baseUrl?: string;
  /** `fetch` implementation. @defaultValue `globalThis.fetch` */
  fetch?: typeof globalThis.fetch;
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
  /** Timeout per token call, ms. @defaultValue `30000` */
  timeoutMs?: number;
}

/** OAuth 2.0 for a GHL Marketplace app; also the {@link GhlTokenProvider} to pass to `createGhlClient`. */
export interface GhlOAuth extends GhlTokenProvider {
  /** The chooselocation URL to send an installer to. */
  authorizeUrl(options: AuthorizeUrlOptions): string;
  /** Exchanges the `code` from the redirect for tokens and stores them (under the location or the company). */
  exchangeCode(options: { code: string; userType?: 'Location' | 'Company'; redirectUri?: string; signal?: AbortSignal }): Promise<GhlTokenRecord>;
  /** Mints a location token from the agency's token (`POST /oauth/locationToken`) and stores it. */
  getLocationToken(options: { companyId: string; locationId: string; signal?: AbortSignal }): Promise<GhlTokenRecord>;
  /** Refreshes the token under a store key now; concurrent calls share one refresh (single-flight). */
  refresh(options: { key: string; signal?: AbortSignal }): Promise<GhlTokenRecord>;
}

/**
 * Creates the OAuth helper of a GHL Marketplace app: code exchange, agency-to-location tokens, and
 * refresh with single-flight per token (20 concurrent calls on an expired token cause one refresh),
 * rotation persisted to the {@link GhlTokenStore} before the new token is used, an optional
 * cross-instance lock, and recovery when another instance already rotated the refresh token.
 *
 * @example
 * ```ts
 * const oauth = createGhlOAuth({ clientId, clientSecret, tokenStore, redirectUri });
 * response.redirect(oauth.authorizeUrl({ scopes: ['contacts.readonly', 'contacts.write'] }));
 * // in the redirect handler:
 * await oauth.exchangeCode({ code });
 * const client = createGhlClient({ locationId, tokenProvider: oauth });
 * ```
 */
export function createGhlOAuth(options: GhlOAuthOptions): GhlOAuth {
  const store = options.tokenStore ?? createMemoryGhlTokenStore();
  const clock = options.clock ?? systemClock;
  const skewMs = options.refreshSkewMs ?? 300_000;
  const endpoint: OAuthEndpointOptions = {
    baseUrl: options.baseUrl ?? GHL_API_BASE_URL,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    clock,
    timeoutMs: options.timeoutMs ?? 30_000,
  };
  const credentials = { client_id: options.clientId, client_secret: options.clientSecret };
  const inFlight = new Map<string, Promise<GhlTokenRecord>>();
  const isFresh = (record: GhlTokenRecord): boolean => record.expiresAt - skewMs > clock.now();
  const keyOf = (record: GhlTokenRecord): string =>
    record.userType === 'Company' || record.locationId === undefined ? companyTokenKey(record.companyId ?? 'unknown') : locationTokenKey(record.locationId);
  const signalOf = (signal: AbortSignal | undefined) => (signal === undefined ? {} : { signal });

  const mintLocationToken = async (companyId: string, locationId: string, signal?: AbortSignal): Promise<GhlTokenRecord> => {
    const company = await validToken(companyTokenKey(companyId), signal);
    const token = await requestToken(
      endpoint,
      { path: '/oauth/locationToken', form: { companyId, locationId }, bearer: company.accessToken, ...signalOf(signal) },
      { userType: 'Location', locationId, companyId },
    );
    await store.set({ key: locationTokenKey(locationId), token });
    return token;
  };

  const doRefresh = async (key: string, staleAccessToken: string | undefined, signal?: AbortSignal): Promise<GhlTokenRecord> => {
    const lock = await options.lockManager?.acquire({ tenantId: options.lockTenantId ?? 'ghl-oauth', key: `refresh:${key}`, ttlMs: 30_000, waitMs: 15_000 });
    try {
      const current = await store.get({ key });
      if (current !== undefined && current.accessToken !== staleAccessToken && isFresh(current)) return current;
      const canMint = current?.userType !== 'Company' && current?.companyId !== undefined && current.locationId !== undefined;
      if (current?.refreshToken === undefined) {
        if (canMint && current.companyId !== undefined && current.locationId !== undefined) return await mintLocationToken(current.companyId, current.locationId, signal);
        throw new EnterpriseHubError({ code: 'GHL_TOKEN_MISSING', message: `No refreshable GHL token is stored under ${key}.` });
      }
      try {
        const token = await requestToken(
          endpoint,
          { path: '/oauth/token', form: { ...credentials, grant_type: 'refresh_token', refresh_token: current.refreshToken, user_type: current.userType }, ...signalOf(signal) },
          current,
        );
        await store.set({ key, token });
        return token;
      } catch (error) {
        // Another instance may have used (and rotated) the same refresh token a moment earlier.
        const latest = await store.get({ key });
        if (latest !== undefined && latest.refreshToken !== current.refreshToken && isFresh(latest)) return latest;
        if (canMint && current.companyId !== undefined && current.locationId !== undefined) return await mintLocationToken(current.companyId, current.locationId, signal);
        throw error;
      }
    } finally {
      if (lock !== undefined) await options.lockManager?.release({ tenantId: options.lockTenantId ?? 'ghl-oauth', lock });
    }
  };

  // One refresh per key, shared by every caller; no caller's signal aborts it for the others.
  const refreshKey = (key: string, staleAccessToken: string | undefined, _signal?: AbortSignal): Promise<GhlTokenRecord> => {
    const running = inFlight.get(key);
    if (running !== undefined) return running;
    const started = doRefresh(key, staleAccessToken).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };

  async function validToken(key: string, signal?: AbortSignal): Promise<GhlTokenRecord> {
    const record = await store.get({ key });
    if (record === undefined) throw new EnterpriseHubError({ code: 'GHL_TOKEN_MISSING', message: `No GHL token is stored under ${key}.` });
    return isFresh(record) ? record : refreshKey(key, record.accessToken, signal);
  }

  return {
    authorizeUrl: (authorize) => buildAuthorizeUrl(options.clientId, { ...(options.redirectUri === undefined ? {} : { redirectUri: options.redirectUri }), ...authorize }),
    exchangeCode: async ({ code, userType = 'Location', redirectUri = options.redirectUri, signal }) => {
      const form = { ...credentials, grant_type: 'authorization_code', code, user_type: userType, ...(redirectUri === undefined ? {} : { redirect_uri: redirectUri }) };
      const token = await requestToken(endpoint, { path: '/oauth/token', form, ...signalOf(signal) }, { userType });
      await store.set({ key: keyOf(token), token });
      return token;
    },
    getLocationToken: ({ companyId, locationId, signal }) => mintLocationToken(companyId, locationId, signal),
    refresh: async ({ key, signal }) => refreshKey(key, (await store.get({ key }))?.accessToken, signal),
    getAccessToken: async ({ locationId, forceRefresh, rejectedToken, signal }: GetAccessTokenOptions) => {
      const key = locationTokenKey(locationId);
      const record = await store.get({ key });
      if (record === undefined) {
        if (options.companyId === undefined) throw new EnterpriseHubError({ code: 'GHL_TOKEN_MISSING', message: `No GHL token is stored for location ${locationId}.` });
        return (await mintLocationToken(options.companyId, locationId, signal)).accessToken;
      }
      if (forceRefresh === true) {
        if (rejectedToken !== undefined && record.accessToken !== rejectedToken && isFresh(record)) return record.accessToken;
        return (await refreshKey(key, record.accessToken, signal)).accessToken;
      }
      return isFresh(record) ? record.accessToken : (await refreshKey(key, record.accessToken, signal)).accessToken;
    },
  };
}
