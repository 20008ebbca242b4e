import { describe, expect, it } from 'vitest';
import { ManualClock, createMemoryPorts } from '@enterprisehub/core/testing';
import { createGhlClient, createGhlOAuth, createMemoryGhlTokenStore, locationTokenKey, type GhlTokenStore } from '@enterprisehub/ghl';
import { createFakeGhl, FAKE_OAUTH_CLIENT } from '@enterprisehub/ghl/testing';
import { drive } from './support/drive';

function setup(tokenStore: GhlTokenStore = createMemoryGhlTokenStore()) {
  const clock = new ManualClock();
  const fake = createFakeGhl({ clock, acceptAnyToken: false });
  const oauth = createGhlOAuth({ ...FAKE_OAUTH_CLIENT, tokenStore, fetch: fake.fetch, clock, redirectUri: 'https://app.example.com/oauth/callback' });
  return { clock, fake, oauth, tokenStore };
}

async function installed(context: ReturnType<typeof setup>) {
  const code = context.fake.auth.createAuthorizationCode({ userType: 'Location', locationId: context.fake.locationId, companyId: 'agency-1' });
  return drive(context.clock, context.oauth.exchangeCode({ code }));
}

describe('GHL OAuth', () => {
  it('builds the chooselocation URL with space-separated scopes', () => {
    const { oauth } = setup();
    const url = new URL(oauth.authorizeUrl({ scopes: ['contacts.readonly', 'contacts.write'], state: 's1' }));
    expect(url.origin + url.pathname).toBe('https://marketplace.gohighlevel.com/v2/oauth/chooselocation');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      redirect_uri: 'https://app.example.com/oauth/callback',
      client_id: FAKE_OAUTH_CLIENT.clientId,
      scope: 'contacts.readonly contacts.write',
      state: 's1',
    });
  });

  it('exchanges a code, stores the pair and serves a client with it (form body, no Version on /oauth/token)', async () => {
    const context = setup();
    const token = await installed(context);
    expect(await context.tokenStore.get({ key: locationTokenKey(context.fake.locationId) })).toMatchObject({ accessToken: token.accessToken, refreshToken: token.refreshToken });
    const tokenCall = context.fake.calls.find((call) => call.operation === 'POST /oauth/token');
    expect(tokenCall?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(tokenCall?.headers['version']).toBeUndefined();
    expect(tokenCall?.body).toMatchObject({ grant_type: 'authorization_code', user_type: 'Location' });
    const client = createGhlClient({ locationId: context.fake.locationId, tokenProvider: context.oauth, fetch: context.fake.fetch, clock: context.clock });
    expect(await drive(context.clock, client.workflows.list())).toHaveLength(2);
  });

  it('refreshes an expired token once for 20 concurrent calls and persists the rotated refresh token', async () => {
    const context = setup();
    const first = await installed(context);
    context.clock.advance(86_400_000);
    const client = createGhlClient({ locationId: context.fake.locationId, tokenProvider: context.oauth, fetch: context.fake.fetch, clock: context.clock });
    await drive(context.clock, Promise.all(Array.from({ length: 20 }, () => client.users.list())));
    expect(context.fake.auth.refreshCount).toBe(1);
    const stored = await context.tokenStore.get({ key: locationTokenKey(context.fake.locationId) });
    expect(stored?.refreshToken).not.toBe(first.refreshToken);
    expect(context.fake.auth.useRefreshToken(first.refreshToken)).toBeUndefined();
  });

  it('on a 401 refreshes once and retries the call once', async () => {
    const context = setup();
    const token = await installed(context);
    context.fake.scenarios.expireToken(token.accessToken);
    const client = createGhlClient({ locationId: context.fake.locationId, tokenProvider: context.oauth, fetch: context.fake.fetch, clock: context.clock });
    expect(await drive(context.clock, client.users.list())).toHaveLength(1);
    expect(context.fake.calls.filter((call) => call.operation === 'GET /users/').map((call) => call.status)).toEqual([401, 200]);
    expect(context.fake.auth.refreshCount).toBe(1);
  });

  it('gives up with GHL_UNAUTHORIZED when the refreshed token is refused too', async () => {
    const context = setup();
    await installed(context);
    const client = createGhlClient({
      locationId: context.fake.locationId,
      tokenProvider: { getAccessToken: () => Promise.resolve('revoked-token') },
      fetch: context.fake.fetch,
      clock: context.clock,
    });
    await expect(drive(context.clock, client.users.list())).rejects.toMatchObject({ code: 'GHL_UNAUTHORIZED', status: 401 });
    expect(context.fake.calls.filter((call) => call.operation === 'GET /users/')).toHaveLength(2);
  });

  it('lets two instances sharing a store and a lock refresh once, neither invalidating the other', async () => {
    const tokenStore = createMemoryGhlTokenStore();
    const context = setup(tokenStore);
    await installed(context);
    const { locks } = createMemoryPorts({ clock: context.clock });
    const make = () => createGhlOAuth({ ...FAKE_OAUTH_CLIENT, tokenStore, lockManager: locks, fetch: context.fake.fetch, clock: context.clock });
    const [first, second] = [make(), make()];
    context.clock.advance(86_400_000);
    const tokens = await drive(
      context.clock,
      Promise.all([first, second].map((oauth) => oauth.getAccessToken({ locationId: context.fake.locationId }))),
    );
    expect(tokens[0]).toBe(tokens[1]);
    expect(context.fake.auth.refreshCount).toBe(1);
    expect(context.fake.auth.rejectedRefreshCount).toBe(0);
  });

  it('recovers without a lock when another instance already rotated the refresh token', async () => {
    const tokenStore = createMemoryGhlTokenStore();
    const context = setup(tokenStore);
    const original = await installed(context);
    const instanceA = createGhlOAuth({ ...FAKE_OAUTH_CLIENT, tokenStore, fetch: context.fake.fetch, clock: context.clock });
    await drive(context.clock, instanceA.refresh({ key: locationTokenKey(context.fake.locationId) }));
    // Instance B read the pair just before A rotated it: its first two reads still see the old pair.
    let staleReads = 2;
    const viewOfB: GhlTokenStore = { ...tokenStore, get: (options) => (staleReads-- > 0 ? Promise.resolve({ ...original }) : tokenStore.get(options)) };
    const instanceB = createGhlOAuth({ ...FAKE_OAUTH_CLIENT, tokenStore: viewOfB, fetch: context.fake.fetch, clock: context.clock });
    const token = await drive(context.clock, instanceB.getAccessToken({ locationId: context.fake.locationId, forceRefresh: true, rejectedToken: original.accessToken }));
    expect(context.fake.auth.rejectedRefreshCount).toBe(1);
    expect(context.fake.auth.refreshCount).toBe(1);
    expect(token).toBe((await tokenStore.get({ key: locationTokenKey(context.fake.locationId) }))?.accessToken);
  });

  it('mints a location token from the agency token (agency → location exchange)', async () => {
    const context = setup();
    const code = context.fake.auth.createAuthorizationCode({ userType: 'Company', companyId: 'agency-1' });
    await drive(context.clock, context.oauth.exchangeCode({ code, userType: 'Company' }));
    const oauth = createGhlOAuth({ ...FAKE_OAUTH_CLIENT, tokenStore: context.tokenStore, companyId: 'agency-1', fetch: context.fake.fetch, clock: context.clock });
    const client = createGhlClient({ locationId: 'loc-2', tokenProvider: oauth, fetch: context.fake.fetch, clock: context.clock });
    expect(await drive(context.clock, client.workflows.list())).toHaveLength(2);
    const mint = context.fake.calls.find((call) => call.operation === 'POST /oauth/locationToken');
    expect(mint).toMatchObject({ authenticated: true, body: { companyId: 'agency-1', locationId: 'loc-2' }, headers: { version: '2021-07-28' } });
    expect(await context.tokenStore.get({ key: locationTokenKey('loc-2') })).toMatchObject({ userType: 'Location', companyId: 'agency-1' });
  });

  it('fails with GHL_AUTH_FAILED for a bad code and GHL_TOKEN_MISSING for an unknown location, never echoing secrets', async () => {
    const context = setup();
    const error = await drive(context.clock, context.oauth.exchangeCode({ code: 'bogus' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'GHL_AUTH_FAILED', status: 400 });
    expect(JSON.stringify(error) + String(error)).not.toContain(FAKE_OAUTH_CLIENT.clientSecret);
    await expect(context.oauth.getAccessToken({ locationId: 'nowhere' })).rejects.toMatchObject({ code: 'GHL_TOKEN_MISSING' });
  });
});
