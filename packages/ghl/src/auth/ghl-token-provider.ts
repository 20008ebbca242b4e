/** Options of {@link GhlTokenProvider.getAccessToken}. */
export interface GetAccessTokenOptions {
  /** Location (sub-account) the token must be valid for. */
  locationId: string;
  /** GHL answered 401 with the last token: refresh it now instead of trusting its expiry time. */
  forceRefresh?: boolean;
  /** The token that failed (with `forceRefresh`), so a provider can tell whether someone already replaced it. */
  rejectedToken?: string;
  /** Aborts the call. */
  signal?: AbortSignal;
}

/**
 * Supplies the bearer token for a location: a Private Integration token (static) or OAuth tokens that
 * refresh (see `createGhlOAuth`).
 */
export interface GhlTokenProvider {
  /** Returns a currently valid access token for the location; refreshes when needed. Never logs it. */
  getAccessToken(options: GetAccessTokenOptions): Promise<string>;
}

/** A provider for a fixed token (a Private Integration token); `forceRefresh` cannot help, so it returns the same token. */
export function staticTokenProvider(accessToken: string): GhlTokenProvider {
  return { getAccessToken: () => Promise.resolve(accessToken) };
}
