/** Compiled snippet for docs/ghl.md, "OAuth app": install flow and the OAuth helper as the token provider. */
import type { LockManager } from '@enterprisehub/core';
import type { GhlTokenStore } from '@enterprisehub/ghl';

declare const clientId: string;
declare const clientSecret: string;
declare const tokenStore: GhlTokenStore;
declare const lockManager: LockManager;
declare const state: string;
declare const code: string;
declare const locationId: string;

// #region oauth
import { createGhlClient, createGhlOAuth } from '@enterprisehub/ghl';

const oauth = createGhlOAuth({
  clientId, // Marketplace app credentials, from your secret store
  clientSecret,
  redirectUri: 'https://your.app/oauth/callback',
  tokenStore, // GhlTokenStore shared by every instance (memory store for one instance)
  lockManager, // optional core LockManager (Redis): one refresh across instances
});
// 1. send the installer to:
oauth.authorizeUrl({ scopes: ['contacts.readonly', 'contacts.write' /* … */], state });
// 2. in the redirect handler:
await oauth.exchangeCode({ code }); // stores under location:<id> or company:<id>
// 3. use it as the client's token provider:
const client = createGhlClient({ locationId, tokenProvider: oauth });
// #endregion oauth

export { client };
