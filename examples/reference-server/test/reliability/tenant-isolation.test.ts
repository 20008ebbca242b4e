/**
 * Tenant isolation attacks with two tenants (A and B): every admin route (enumerated from the OpenAPI document) called
 * with a key scoped to A — by API key and by JWT — carrying B's ids; the stores read and written with the other
 * tenant's ids; a webhook for B's location, correctly signed, carrying A's contact id; cache keys that collide
 * across tenants. Zero leaks: no B data in any answer to A, no change to B's data, no change to A's data from B.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTieredCache, type ConversationState } from '@enterprisehub/core';
import { createRedisPorts } from '@enterprisehub/adapters/redis';
import { buildWebhookEvent, signWebhookPayload } from '@enterprisehub/ghl/testing';
import { requireService, uniqueName } from '@test-support/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { send, waitUntil, type Answer } from './support/http';
import { TENANT_A, TENANT_B, writeTenantsFile } from './support/tenants';

const redis = await requireService('redis');

const A_TEXT = 'A-PRIVATE looking for a 3 bed in Round Rock under 450k';
const B_TEXT = 'B-PRIVATE we want to sell our house in Cedar Park';
const B_ONLY_CONTACT = 'b-only-contact';
const SHARED_CONTACT = 'shared-contact'; // the same GHL contact id exists in both tenants
/** Strings that only B's data contains; none may ever reach a caller scoped to A. */
const B_MARKERS = ['B-PRIVATE', 'Agency B Homes', TENANT_B.locationId];

let server: TestServer;
let dir: string;
let aKey: string;
let aJwt: string;

const api = (path: string, init: Parameters<typeof send>[1] = {}) =>
  send(`${server.baseUrl}/api/v1${path}`, init);
const bearer = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  ...extra,
});

async function inbound(
  tenant: { locationId: string },
  message: { contactId: string; body: string; messageId: string },
) {
  const event = buildWebhookEvent('InboundMessage', {
    locationId: tenant.locationId,
    ...message,
    messageType: 'SMS',
    direction: 'inbound',
  });
  const { rawBody, headers } = signWebhookPayload(event);
  const answer = await send(`${server.baseUrl}/webhooks/ghl`, {
    method: 'POST',
    body: rawBody,
    headers,
  });
  expect(answer.json).toEqual({ status: 'accepted' });
}

async function replied(tenantId: string, contactId: string, messageId: string): Promise<void> {
  await waitUntil(
    async () =>
      (await server.runtime.stores.outbox.list({ tenantId, contactId })).some((entry) =>
        entry.action.idempotencyKey.includes(`:msg:${messageId}:`),
      ),
    { timeoutMs: 30_000, what: `a reply to ${messageId}` },
  );
}

const snapshot = async (tenantId: string, contactId: string) => ({
  conversation: await server.runtime.stores.conversations.get({ tenantId, contactId }),
  outbox: (await server.runtime.stores.outbox.list({ tenantId, contactId })).map(
    (entry) => entry.id,
  ),
  contact: await server.runtime.stores.contacts.get({ tenantId, contactId }),
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eh-isolation-'));
  server = await startTestServer({
    TENANTS_FILE: await writeTenantsFile(dir),
    LOG_LEVEL: 'warn',
    API_RATE_LIMIT_PER_MINUTE: '100000',
  });
  await inbound(TENANT_A, { contactId: SHARED_CONTACT, body: A_TEXT, messageId: 'iso-a-1' });
  await inbound(TENANT_B, { contactId: SHARED_CONTACT, body: B_TEXT, messageId: 'iso-b-1' });
  await inbound(TENANT_B, { contactId: B_ONLY_CONTACT, body: B_TEXT, messageId: 'iso-b-2' });
  await replied(TENANT_A.id, SHARED_CONTACT, 'iso-a-1');
  await replied(TENANT_B.id, SHARED_CONTACT, 'iso-b-1');
  await replied(TENANT_B.id, B_ONLY_CONTACT, 'iso-b-2');

  const created = await api('/keys', {
    method: 'POST',
    body: JSON.stringify({ name: 'agency A only', scope: TENANT_A.id }),
    headers: bearer(server.runtime.secrets.adminApiKey, { 'content-type': 'application/json' }),
  });
  expect(created.status, created.text).toBeLessThan(300);
  aKey = (created.json as { secret: string }).secret;
  const token = await api('/auth/token', { method: 'POST', headers: bearer(aKey) });
  expect(token.status, token.text).toBe(200);
  aJwt = (token.json as { token: string }).token;
}, 180_000);

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('tenant isolation attacks', () => {
  it('A-scoped credentials on every admin route with B ids leak nothing and change nothing of B', async () => {
    const before = {
      bOnly: await snapshot(TENANT_B.id, B_ONLY_CONTACT),
      bShared: await snapshot(TENANT_B.id, SHARED_CONTACT),
    };
    const bOutboxId = before.bOnly.outbox[0] ?? 'none';
    const openapi = (await api('/openapi.json')).json as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes.length).toBeGreaterThan(20);

    const fill = (path: string, contactId: string) =>
      path
        .replace(/^\/api\/v1/, '')
        .replace(/[{:]contactId}?/, contactId)
        .replace(/[{:]tenantId}?/, TENANT_B.id)
        .replace(/[{:]id}?/, bOutboxId)
        .replace(/[{:]name}?/, 'b-rule');
    const calls: { route: string; credential: string; answer: Answer }[] = [];
    for (const route of routes) {
      if (route.path.endsWith('/auth/token') || route.path.endsWith('/openapi.json')) continue;
      for (const contactId of [B_ONLY_CONTACT, SHARED_CONTACT]) {
        for (const [credential, token] of [
          ['api key', aKey],
          ['jwt', aJwt],
        ] as const) {
          const path = `${fill(route.path, contactId)}?tenantId=${TENANT_B.id}&contactId=${contactId}`;
          const body =
            route.method === 'GET' || route.method === 'DELETE'
              ? undefined
              : JSON.stringify({
                  tenantId: TENANT_B.id,
                  enabled: false,
                  id: TENANT_B.id,
                  name: 'x',
                });
          const answer = await api(path, {
            method: route.method,
            ...(body ? { body } : {}),
            headers: bearer(token, { 'content-type': 'application/json' }),
          });
          calls.push({ route: `${route.method} ${path}`, credential, answer });
        }
      }
    }
    // Positive control: the all-tenant key does see B's data through the same routes, so the markers are live.
    const control = await api(`/conversations/${B_ONLY_CONTACT}?tenantId=${TENANT_B.id}`, {
      headers: bearer(server.runtime.secrets.adminApiKey),
    });
    expect(control.status).toBe(200);
    expect(control.text).toContain('B-PRIVATE');
    const leaks = calls.filter(({ answer }) =>
      B_MARKERS.some((marker) => answer.text.includes(marker)),
    );
    expect(leaks.map((leak) => `${leak.credential} ${leak.route} → ${leak.answer.status}`)).toEqual(
      [],
    );
    // Requests naming B's resources are refused, never served from B.
    const servedB = calls.filter(
      ({ route, answer }) =>
        answer.status < 300 &&
        (route.includes(`/conversations/${B_ONLY_CONTACT}`) ||
          route.includes(`/contacts/${B_ONLY_CONTACT}`)),
    );
    expect(
      servedB.map((call) => `${call.credential} ${call.route} → ${call.answer.status}`),
    ).toEqual([]);
    expect(calls.every(({ answer }) => answer.status < 500)).toBe(true);

    // B's data is untouched by everything A tried (pause, erase, retry, disable, …).
    expect(await snapshot(TENANT_B.id, B_ONLY_CONTACT)).toEqual(before.bOnly);
    expect(await snapshot(TENANT_B.id, SHARED_CONTACT)).toEqual(before.bShared);
    expect(server.runtime.tenants.get(TENANT_B.id)?.enabled).toBe(true);
  }, 240_000);

  it("a correctly signed webhook for B's location carrying A's contact id touches only B's data", async () => {
    const aBefore = await snapshot(TENANT_A.id, SHARED_CONTACT);
    const aOnly = 'a-only-contact';
    await inbound(TENANT_A, { contactId: aOnly, body: A_TEXT, messageId: 'iso-a-2' });
    await replied(TENANT_A.id, aOnly, 'iso-a-2');
    const aOnlyBefore = await snapshot(TENANT_A.id, aOnly);

    await inbound(TENANT_B, {
      contactId: aOnly,
      body: 'B-PRIVATE impostor message about A contact',
      messageId: 'iso-b-3',
    });
    await replied(TENANT_B.id, aOnly, 'iso-b-3');
    await inbound(TENANT_B, {
      contactId: SHARED_CONTACT,
      body: 'B-PRIVATE second message',
      messageId: 'iso-b-4',
    });
    await replied(TENANT_B.id, SHARED_CONTACT, 'iso-b-4');

    expect(await snapshot(TENANT_A.id, aOnly)).toEqual(aOnlyBefore);
    expect(await snapshot(TENANT_A.id, SHARED_CONTACT)).toEqual(aBefore);
    const bView = await server.runtime.stores.conversations.get({
      tenantId: TENANT_B.id,
      contactId: aOnly,
    });
    expect(bView?.messages.map((message) => message.id)).toContain('iso-b-3');
    expect(bView?.messages.some((message) => message.id === 'iso-a-2')).toBe(false);
  });

  it('stores read and written with the other tenant ids return nothing and refuse the write', async () => {
    const { stores } = server.runtime;
    const bEntries = await stores.outbox.list({ tenantId: TENANT_B.id, contactId: B_ONLY_CONTACT });
    expect(bEntries.length).toBeGreaterThan(0);
    const bEntry = bEntries[0];
    if (!bEntry) throw new Error('B has no outbox entry');
    expect(
      await stores.conversations.get({ tenantId: TENANT_A.id, contactId: B_ONLY_CONTACT }),
    ).toBeUndefined();
    expect(
      await stores.contacts.get({ tenantId: TENANT_A.id, contactId: B_ONLY_CONTACT }),
    ).toBeUndefined();
    expect(await stores.outbox.list({ tenantId: TENANT_A.id, contactId: B_ONLY_CONTACT })).toEqual(
      [],
    );
    expect(await stores.outbox.retryDeadLetter({ tenantId: TENANT_A.id, id: bEntry.id })).toBe(
      false,
    );
    expect(
      await stores.outbox.ack({
        tenantId: TENANT_A.id,
        id: bEntry.id,
        leaseToken: bEntry.leaseToken ?? 'x',
      }),
    ).toBe(false);
    expect(await stores.inbox.has({ tenantId: TENANT_A.id, id: 'message:iso-b-2' })).toBe(false);
    expect(await stores.inbox.has({ tenantId: TENANT_B.id, id: 'message:iso-b-2' })).toBe(true);
    const exported = JSON.stringify(
      await stores.exportContact({
        tenantId: TENANT_A.id,
        contactId: B_ONLY_CONTACT,
        actor: { kind: 'system', id: 'isolation-test' },
      }),
    );
    for (const marker of B_MARKERS) expect(exported).not.toContain(marker);

    // A writes a conversation under A: B's state for the same contact id is unaffected.
    const bShared = await stores.conversations.get({
      tenantId: TENANT_B.id,
      contactId: SHARED_CONTACT,
    });
    const aShared = await stores.conversations.get({
      tenantId: TENANT_A.id,
      contactId: SHARED_CONTACT,
    });
    expect(aShared?.messages.some((message) => message.id.startsWith('iso-b'))).toBe(false);
    expect(bShared?.messages.some((message) => message.id.startsWith('iso-a'))).toBe(false);
    // Writing a B-tenant record through A's scope is refused (TENANT_MISMATCH), never stored under either.
    if (bShared) {
      const forged: ConversationState = { ...bShared, tenantId: TENANT_B.id };
      await expect(
        stores.conversations.compareAndSet({
          tenantId: TENANT_A.id,
          state: forged,
          expectedVersion: forged.version,
        }),
      ).rejects.toThrow();
      expect(
        await stores.conversations.get({ tenantId: TENANT_B.id, contactId: SHARED_CONTACT }),
      ).toEqual(bShared);
    }
  });

  const cacheCases = [
    { name: 'memory L1', l2: false },
    { name: 'L1 + Redis L2', l2: true },
  ] as const;
  for (const cacheCase of cacheCases) {
    it.skipIf(cacheCase.l2 && !redis.available)(
      `cache keys never collide across tenants (${cacheCase.name})`,
      async () => {
        const ports = cacheCase.l2
          ? createRedisPorts({ url: redis.url, keyPrefix: uniqueName('iso').toLowerCase() })
          : undefined;
        try {
          const build = () => createTieredCache(ports ? { l2: ports.cache } : {});
          const cache = build();
          const pairs = [
            { tenantId: TENANT_A.id, key: 'contact:1' },
            { tenantId: TENANT_B.id, key: 'contact:1' },
            { tenantId: 'a', key: 'b:c' },
            { tenantId: 'a:b', key: 'c' },
            { tenantId: 'x', key: '' },
            { tenantId: '', key: 'x' },
            { tenantId: 't', key: '*' },
            { tenantId: '*', key: 't' },
          ];
          for (const [index, pair] of pairs.entries())
            await cache.set({ ...pair, value: `v${index}`, ttlMs: 60_000 });
          for (const [index, pair] of pairs.entries())
            expect(await cache.get(pair)).toBe(`v${index}`);
          // A fresh process (empty L1) reads through L2: still no collisions.
          const fresh = build();
          for (const [index, pair] of pairs.entries()) {
            const value = await fresh.get(pair);
            if (ports) expect(value).toBe(`v${index}`);
            else expect(value).toBeUndefined();
          }
          await cache.delete({ tenantId: TENANT_A.id, key: 'contact:1' });
          expect(await cache.get({ tenantId: TENANT_B.id, key: 'contact:1' })).toBe('v1');
          const loads: string[] = [];
          const load = (tenantId: string) =>
            cache.getOrSet({
              tenantId,
              key: 'listing:7',
              ttlMs: 60_000,
              load: () => {
                loads.push(tenantId);
                return Promise.resolve(`${tenantId}-value`);
              },
            });
          expect(await Promise.all([load(TENANT_A.id), load(TENANT_B.id)])).toEqual([
            `${TENANT_A.id}-value`,
            `${TENANT_B.id}-value`,
          ]);
          expect(loads.sort()).toEqual([TENANT_A.id, TENANT_B.id]);
        } finally {
          await ports?.close();
        }
      },
    );
  }
});
