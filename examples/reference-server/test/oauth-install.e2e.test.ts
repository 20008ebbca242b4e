/**
 * The GHL app install flow over real HTTP: `GET /oauth/install` → GHL's chooselocation (signed `state`, nonce
 * cookie) → `GET /oauth/callback?code=&state=` → `POST /oauth/token` on a fake GHL served on a local port (GHL's
 * real token answer shape, strict: only tokens it issued are accepted) → the location's tokens stored encrypted →
 * the next CRM call to GHL carries the stored access token. Missing, forged, expired and foreign states get a 400
 * before anything is sent to GHL.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEMO_TENANT,
  generateKeyringEnvValue,
  parseKeyring,
  systemClock,
  type Clock,
} from '@enterprisehub/core';
import { buildCrmAction } from '@enterprisehub/core/testing';
import { createPostgresStores, type PostgresStores } from '@enterprisehub/adapters/postgres';
import { createGhlClient, locationTokenKey } from '@enterprisehub/ghl';
import { FAKE_OAUTH_CLIENT, createFakeGhl, type FakeGhl } from '@enterprisehub/ghl/testing';
import { requireService, uniqueName } from '@test-support/services';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GHL_TOKEN_TABLE } from '../src/setup/ghl-token-store';
import { OAUTH_STATE_COOKIE, OAUTH_STATE_TTL_MS } from '../src/setup/oauth-state';
import { startTestServer, type TestServer } from './support/test-server';

const pg = await requireService('postgres');
const redis = await requireService('redis');

const LOCATION = DEMO_TENANT.ghlLocationId;
const PUBLIC_URL = 'https://bots.example-agency.test';

interface FakeGhlHttp {
  fake: FakeGhl;
  baseUrl: string;
  /** Bearer tokens received, in order, by operation. */
  bearers: { operation: string; token: string | undefined }[];
  close(): Promise<void>;
}

/** The fake GHL on a local port, refusing tokens it did not issue, recording the bearer of every request. */
async function startStrictFakeGhl(): Promise<FakeGhlHttp> {
  const fake = createFakeGhl({ locationId: LOCATION, acceptAnyToken: false });
  const bearers: FakeGhlHttp['bearers'] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers))
          if (typeof value === 'string') headers.set(name, value);
        bearers.push({
          operation: `${request.method ?? ''} ${(request.url ?? '').split('?')[0] ?? ''}`,
          token: /^Bearer\s+(\S+)/i.exec(headers.get('authorization') ?? '')?.[1],
        });
        const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
        const answer = await fake.handle(
          new Request(`http://127.0.0.1${request.url ?? '/'}`, {
            method: request.method ?? 'GET',
            headers,
            ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
          }),
        );
        response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })();
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    fake,
    bearers,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!pg.available || !redis.available)(
  'GHL OAuth install on PostgreSQL + Redis: install → callback → token exchange → stored encrypted → used',
  () => {
    let ghl: FakeGhlHttp;
    let server: TestServer;
    let stores: PostgresStores;
    // The system clock, shifted forward by the expiry test.
    let offsetMs = 0;
    const clock: Clock = { ...systemClock, now: () => Date.now() + offsetMs };
    const schema = uniqueName('eh_oauth');
    const piiKeys = generateKeyringEnvValue();

    /** The raw row as a database dump would show it. */
    const rawTokenRows = () =>
      stores.db
        .withTables<{ ghl_oauth_tokens: { key: string; token: string } }>()
        .selectFrom(GHL_TOKEN_TABLE)
        .select(['key', 'token'])
        .execute();

    beforeAll(async () => {
      ghl = await startStrictFakeGhl();
      server = await startTestServer(
        {
          DATABASE_URL: pg.url,
          DATABASE_SCHEMA: schema,
          REDIS_URL: redis.url,
          DEPLOYMENT_ID: uniqueName('ehoauth'),
          PII_ENCRYPTION_KEYS: piiKeys,
          ADMIN_API_KEY: `ehk_${randomBytes(24).toString('base64url')}`,
          GHL_BASE_URL: ghl.baseUrl,
          GHL_CLIENT_ID: FAKE_OAUTH_CLIENT.clientId,
          GHL_CLIENT_SECRET: FAKE_OAUTH_CLIENT.clientSecret,
          PUBLIC_URL,
          LOG_LEVEL: 'info',
        },
        { clock },
      );
      stores = createPostgresStores({
        connectionString: pg.url,
        schema,
        keyring: parseKeyring(piiKeys),
      });
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      await stores?.close();
      await ghl?.close();
    });
    beforeEach(() => {
      ghl.bearers.length = 0;
    });

    /** `GET /oauth/install`: the redirect to GHL, its state and the nonce cookie. */
    const install = async () => {
      const response = await fetch(`${server.baseUrl}/oauth/install`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      const setCookie = response.headers.get('set-cookie') ?? '';
      const cookie = /^([^;]+)/.exec(setCookie)?.[1] ?? '';
      return { location, state: location.searchParams.get('state') ?? '', cookie, setCookie };
    };
    /** GHL's chooselocation redirect back to us, as the installer's browser follows it. */
    const callback = (query: Record<string, string>, cookie?: string) =>
      fetch(`${server.baseUrl}/oauth/callback?${new URLSearchParams(query).toString()}`, {
        redirect: 'manual',
        ...(cookie ? { headers: { cookie } } : {}),
      });
    const newCode = () =>
      ghl.fake.auth.createAuthorizationCode({
        userType: 'Location',
        locationId: LOCATION,
        companyId: 'agency-1',
      });

    it('redirects to GHL chooselocation with the scopes, our redirect_uri and a signed state', async () => {
      const { location, state, setCookie } = await install();
      expect(location.origin).toBe('https://marketplace.gohighlevel.com');
      expect(location.pathname).toBe('/v2/oauth/chooselocation');
      expect(location.searchParams.get('client_id')).toBe(FAKE_OAUTH_CLIENT.clientId);
      expect(location.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/oauth/callback`);
      expect(location.searchParams.get('scope')).toContain('conversations/message.write');
      expect(state).toMatch(/^[\w-]+\.[\w-]+$/);
      expect(setCookie).toContain(`${OAUTH_STATE_COOKIE}=`);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).toMatch(/Secure/i);
      expect(setCookie).toMatch(/Path=\/oauth/i);
      // Two installs get two different states.
      expect((await install()).state).not.toBe(state);
    });

    it('exchanges the code, stores the location token encrypted, and the next GHL call uses it', async () => {
      const { state, cookie } = await install();
      const response = await callback({ code: newCode(), state }, cookie);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'installed',
        userType: 'Location',
        locationId: LOCATION,
        tenantId: DEMO_TENANT.id,
        tenantConfigured: true,
      });
      expect(response.headers.get('set-cookie')).toMatch(new RegExp(`${OAUTH_STATE_COOKIE}=;`));

      // GHL's token endpoint got the authorization_code grant with our client and redirect_uri.
      const tokenCall = ghl.fake.calls.find((call) => call.operation === 'POST /oauth/token');
      expect(tokenCall?.body).toMatchObject({
        grant_type: 'authorization_code',
        client_id: FAKE_OAUTH_CLIENT.clientId,
        user_type: 'Location',
        redirect_uri: `${PUBLIC_URL}/oauth/callback`,
      });

      // Stored per location, encrypted at rest: the raw row holds neither token.
      const store = server.runtime.ghl.tokenStore;
      expect(await store?.keys()).toEqual([locationTokenKey(LOCATION)]);
      const token = await store?.get({ key: locationTokenKey(LOCATION) });
      expect(token?.accessToken).toMatch(/^at-/);
      expect(token?.refreshToken).toMatch(/^rt-/);
      expect(token?.locationId).toBe(LOCATION);
      const rows = await rawTokenRows();
      expect(rows.map((row) => row.key)).toEqual([locationTokenKey(LOCATION)]);
      const raw = rows[0]?.token ?? '';
      expect(raw.length).toBeGreaterThan(40);
      expect(raw).not.toContain(token?.accessToken ?? 'missing');
      expect(raw).not.toContain(token?.refreshToken ?? 'missing');
      expect(raw).not.toContain(LOCATION);
      expect(raw).not.toContain('accessToken');

      // A contact exists in GHL (seeded with a token the fake issued for this test only).
      const seedToken = ghl.fake.auth.issue(
        { userType: 'Location', locationId: LOCATION },
        Date.now(),
      );
      const seeded = await createGhlClient({
        locationId: LOCATION,
        accessToken: seedToken.accessToken,
        fetch: ghl.fake.fetch,
      }).contacts.create({ firstName: 'Pat', phone: '+15125550101' });

      // The bots' next CRM action goes to GHL with the stored token (the strict fake refuses any other).
      ghl.bearers.length = 0;
      const result = await server.runtime.crmFor(DEMO_TENANT.id).execute({
        tenantId: DEMO_TENANT.id,
        action: buildCrmAction('addTags', { contactId: seeded.id, tags: ['ai-qualified'] }),
      });
      expect(result.kind).toBe('done');
      expect(ghl.bearers.length).toBeGreaterThan(0);
      expect(ghl.bearers.every((call) => call.token === token?.accessToken)).toBe(true);
      expect(ghl.fake.state.contacts.get(seeded.id)?.['tags']).toContain('ai-qualified');
      // Neither token reached the logs.
      const logs = server.logs.join('');
      expect(logs).toContain('GHL app installed');
      expect(logs).not.toContain(token?.accessToken ?? 'missing');
      expect(logs).not.toContain(token?.refreshToken ?? 'missing');
    });

    it('refuses a callback without state, with a forged or tampered state, or from another browser (400)', async () => {
      const { state, cookie } = await install();
      const [payload = '', signature = ''] = state.split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({ n: 'attacker', e: Date.now() + 60_000 }),
      ).toString('base64url');
      const cases: { query: Record<string, string>; cookie?: string; message: RegExp }[] = [
        { query: { code: newCode() }, cookie, message: /needs the state/ },
        { query: { code: newCode(), state: '' }, cookie, message: /needs the state/ },
        { query: { code: newCode(), state: 'garbage' }, cookie, message: /not valid/ },
        {
          query: { code: newCode(), state: `${forgedPayload}.${signature}` },
          cookie,
          message: /not valid/,
        },
        {
          query: { code: newCode(), state: `${payload}.${signature.slice(0, -2)}AA` },
          cookie,
          message: /not valid/,
        },
        // A valid state replayed without the installer's cookie (login CSRF).
        { query: { code: newCode(), state }, message: /another browser/ },
        {
          query: { code: newCode(), state },
          cookie: `${OAUTH_STATE_COOKIE}=someone-else`,
          message: /another browser/,
        },
      ];
      const before = ghl.fake.calls.length;
      for (const entry of cases) {
        const response = await callback(entry.query, entry.cookie);
        expect(response.status).toBe(400);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('VALIDATION_FAILED');
        expect(body.error.message).toMatch(entry.message);
        expect(JSON.stringify(body)).not.toContain(state);
      }
      // Nothing was sent to GHL for any of them.
      expect(ghl.fake.calls.length).toBe(before);
    });

    it('refuses an expired state (400) and accepts a fresh one', async () => {
      const { state, cookie } = await install();
      offsetMs += OAUTH_STATE_TTL_MS + 1;
      const expired = await callback({ code: newCode(), state }, cookie);
      expect(expired.status).toBe(400);
      expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(
        /expired/,
      );
      const fresh = await install();
      expect((await callback({ code: newCode(), state: fresh.state }, fresh.cookie)).status).toBe(
        200,
      );
    });

    it('a valid state with a code GHL refuses is a 502 GHL_AUTH_FAILED, nothing stored over the token', async () => {
      const before = await server.runtime.ghl.tokenStore?.get({ key: locationTokenKey(LOCATION) });
      const { state, cookie } = await install();
      const response = await callback({ code: 'code-not-issued', state }, cookie);
      expect(response.status).toBe(502);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'GHL_AUTH_FAILED',
      );
      const after = await server.runtime.ghl.tokenStore?.get({ key: locationTokenKey(LOCATION) });
      expect(after?.accessToken).toBe(before?.accessToken);
    });
  },
);
