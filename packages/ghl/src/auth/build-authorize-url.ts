/** Options of the OAuth authorize (chooselocation) URL. */
export interface AuthorizeUrlOptions {
  /** Scopes to request, e.g. `['contacts.readonly', 'contacts.write', 'conversations/message.write']`. */
  scopes: readonly string[];
  /** Redirect URI registered for the app. */
  redirectUri?: string;
  /** Opaque value echoed back on the redirect (CSRF protection). */
  state?: string;
  /** Use the white-label host `marketplace.leadconnectorhq.com`. @defaultValue `false` */
  whiteLabel?: boolean;
  /** Open the login in the same window. */
  loginWindowOpenMode?: 'self';
}

/** Builds GHL's `chooselocation` authorize URL for an app. */
export function buildAuthorizeUrl(clientId: string, options: AuthorizeUrlOptions): string {
  const host = options.whiteLabel === true ? 'https://marketplace.leadconnectorhq.com' : 'https://marketplace.gohighlevel.com';
  const url = new URL('/v2/oauth/chooselocation', host);
  url.searchParams.set('response_type', 'code');
  if (options.redirectUri !== undefined) url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('scope', options.scopes.join(' '));
  if (options.state !== undefined) url.searchParams.set('state', options.state);
  if (options.loginWindowOpenMode !== undefined) url.searchParams.set('loginWindowOpenMode', options.loginWindowOpenMode);
  return url.toString();
}
