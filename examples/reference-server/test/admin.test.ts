/**
 * Admin API end to end on the embedded runtime (real HTTP, ephemeral port): authentication, key scopes and tenant
 * isolation on every contact route, revocation, JWT exchange and expiry, the per-key rate limit, audit of
 * contact-data access, validation errors and the OpenAPI document.
 */
import {
  buildConversationState,
  buildCrmAction,
  buildMessage,
  buildLeadScore,
  buildTenant,
} from '@enterprisehub/core/testing';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let adminKey: string;
/** Secret of a key scoped to tenant A (`demo`) and one scoped to tenant B. */
let keyA: string;
let keyB: string;
let keyAId: string;

const TENANT_A = 'demo';
const TENANT_B = 'tenant-b';
const CONTACT_A = 'contact-a-1';
const CONTACT_B = 'contact-b-1';

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(
  method: string,
  path: string,
  options: { key?: string; body?: unknown; rawBody?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.key !== undefined) headers['authorization'] = `Bearer ${options.key}`;
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['content-type'] = 'application/json';
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers,
    ...(options.rawBody !== undefined
      ? { body: options.rawBody }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function seedConversation(tenantId: string, contactId: string, text: string): Promise<void> {
  const state = buildConversationState({
    tenantId,
    contactId,
    activeBot: 'buyer',
    stage: 'qualifying',
    score: buildLeadScore({ value: 8, reasons: ['pre-approved'] }),
    facts: {},
    messages: [buildMessage({ contactId, body: text, createdAt: Date.now() })],
    updatedAt: Date.now(),
  });
  const result = await server.runtime.stores.conversations.compareAndSet({
    tenantId,
    state,
    expectedVersion: 0,
  });
  expect(result.kind).toBe('ok');
}

/** Creates a dead-lettered outbox entry (retrying when the running worker claims it first). */
async function seedDeadLetter(tenantId: string, contactId: string): Promise<string> {
  const { outbox } = server.runtime.stores;
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const [entry] = await outbox.enqueue({
      tenantId,
      actions: [buildCrmAction('addTags', { contactId, tags: ['x'] })],
      maxAttempts: 1,
    });
    const claimed = await outbox.claim({ tenantIds: [tenantId], limit: 10, leaseMs: 60_000 });
    const mine = claimed.find((item) => item.id === entry?.id);
    for (const other of claimed.filter((item) => item !== mine))
      await outbox.fail({
        tenantId,
        id: other.id,
        leaseToken: other.leaseToken ?? '',
        error: { code: 'CRM_ACTION_FAILED', message: 'test', retryable: false },
      });
    if (mine) {
      await outbox.fail({
        tenantId,
        id: mine.id,
        leaseToken: mine.leaseToken ?? '',
        error: { code: 'CRM_ACTION_FAILED', message: 'test', retryable: false },
      });
      return mine.id;
    }
  }
  throw new Error('could not create a dead letter');
}

let deadLetterB: string;

beforeAll(async () => {
  server = await startTestServer();
  adminKey = server.runtime.secrets.adminApiKey;
  const created = await call('POST', '/tenants', {
    key: adminKey,
    body: buildTenant({ id: TENANT_B, ghlLocationId: 'loc-tenant-b' }),
  });
  expect(created.status).toBe(201);
  const a = await call('POST', '/keys', {
    key: adminKey,
    body: { name: 'agency A', scope: TENANT_A },
  });
  const b = await call('POST', '/keys', {
    key: adminKey,
    body: { name: 'agency B', scope: TENANT_B },
  });
  expect(a.status).toBe(201);
  keyA = a.body['secret'] as string;
  keyAId = a.body['id'] as string;
  keyB = b.body['secret'] as string;
  await seedConversation(TENANT_A, CONTACT_A, 'Looking in Round Rock');
  await seedConversation(TENANT_B, CONTACT_B, 'Selling my condo downtown');
  deadLetterB = await seedDeadLetter(TENANT_B, CONTACT_B);
}, 120_000);

afterAll(async () => {
  await server.stop();
});

describe('authentication', () => {
  it('answers 401 AUTH_MISSING without a key, on every route', async () => {
    for (const [method, path] of [
      ['GET', '/tenants'],
      ['GET', '/conversations'],
      ['GET', `/conversations/${CONTACT_A}`],
      ['POST', '/auth/token'],
      ['GET', '/metrics'],
      ['GET', '/no-such-route'],
    ] as const) {
      const answer = await call(method, path);
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.body).toEqual({ error: { code: 'AUTH_MISSING', message: expect.any(String) } });
    }
  });

  it('answers 401 AUTH_INVALID for an unknown key or a forged token, and never logs the credential', async () => {
    const bad = 'ehk_thisIsNotARealKeyButLooksLikeOne123456';
    expect((await call('GET', '/tenants', { key: bad })).status).toBe(401);
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib290c3RyYXAiLCJzY29wZSI6IioifQ.c2lnbmF0dXJl';
    const answer = await call('GET', '/tenants', { key: forged });
    expect(answer.status).toBe(401);
    expect(answer.body['error']).toMatchObject({ code: 'AUTH_INVALID' });
    const logs = server.logs.join('\n');
    expect(logs).not.toContain(bad);
    expect(logs).not.toContain(adminKey);
    expect(logs).not.toContain(keyA);
  });

  it('stores keys hashed: the secret is returned once and never listed', async () => {
    const list = await call('GET', '/keys', { key: adminKey });
    expect(list.status).toBe(200);
    const serialized = JSON.stringify(list.body);
    expect(serialized).not.toContain(keyA);
    expect(serialized).toContain(keyAId);
    const stored = await server.runtime.stores.admin.getApiKey({ id: keyAId });
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(keyA);
    expect(keyA.startsWith('ehk_')).toBe(true);
  });

  it('a revoked key (and its JWT) gets 401', async () => {
    const created = await call('POST', '/keys', {
      key: adminKey,
      body: { name: 'temp', scope: '*' },
    });
    const secret = created.body['secret'] as string;
    const token = (await call('POST', '/auth/token', { key: secret })).body['token'] as string;
    expect((await call('GET', '/tenants', { key: secret })).status).toBe(200);
    expect((await call('GET', '/tenants', { key: token })).status).toBe(200);
    const revoked = await call('DELETE', `/keys/${created.body['id'] as string}`, {
      key: adminKey,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body['revokedAt']).toEqual(expect.any(Number));
    expect((await call('GET', '/tenants', { key: secret })).status).toBe(401);
    expect((await call('GET', '/tenants', { key: token })).status).toBe(401);
  });

  it('a tenant key may not create keys (403) and only all-tenant keys manage tenants', async () => {
    const answer = await call('POST', '/keys', { key: keyA, body: { name: 'x', scope: '*' } });
    expect(answer.status).toBe(403);
    expect(answer.body['error']).toMatchObject({ code: 'AUTH_FORBIDDEN' });
  });
});

describe('JWT exchange', () => {
  it('exchanges a key for a 1-hour JWT carrying key id and scope, usable as a bearer', async () => {
    const answer = await call('POST', '/auth/token', { key: keyA });
    expect(answer.status).toBe(200);
    const token = answer.body['token'] as string;
    const claims = decodeJwt(token);
    expect(claims.sub).toBe(keyAId);
    expect(claims['scope']).toBe(TENANT_A);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(answer.body['expiresAt']).toBe((claims.exp ?? 0) * 1000);
    const tenants = await call('GET', '/tenants', { key: token });
    expect((tenants.body['items'] as { id: string }[]).map((tenant) => tenant.id)).toEqual([
      TENANT_A,
    ]);
    // The token keeps the key's scope: tenant B stays invisible.
    expect((await call('GET', `/conversations/${CONTACT_B}`, { key: token })).status).toBe(404);
  });

  it('rejects an expired token (the runtime clock moved past exp)', async () => {
    const token = (await call('POST', '/auth/token', { key: adminKey })).body['token'] as string;
    const clock = server.runtime.clock as { now: () => number };
    const realNow = clock.now.bind(clock);
    clock.now = () => realNow() + 3601_000;
    try {
      const answer = await call('GET', '/tenants', { key: token });
      expect(answer.status).toBe(401);
      expect(answer.body['error']).toMatchObject({ code: 'AUTH_INVALID' });
    } finally {
      clock.now = realNow;
    }
    expect((await call('GET', '/tenants', { key: token })).status).toBe(200);
  });
});

describe('tenant isolation', () => {
  it('tenant A’s key gets 404 for tenant B’s contact, conversation, outbox, audit and controls', async () => {
    const attempts: [string, string][] = [
      ['GET', `/conversations/${CONTACT_B}`],
      ['GET', `/conversations/${CONTACT_B}?tenantId=${TENANT_B}`],
      ['GET', `/conversations?tenantId=${TENANT_B}`],
      ['POST', `/contacts/${CONTACT_B}/pause`],
      ['POST', `/contacts/${CONTACT_B}/pause?tenantId=${TENANT_B}`],
      ['POST', `/contacts/${CONTACT_B}/resume`],
      ['POST', `/contacts/${CONTACT_B}/release-escalation`],
      ['GET', `/contacts/${CONTACT_B}/export`],
      ['GET', `/contacts/${CONTACT_B}/export?tenantId=${TENANT_B}`],
      ['DELETE', `/contacts/${CONTACT_B}`],
      ['DELETE', `/contacts/${CONTACT_B}?tenantId=${TENANT_B}`],
      ['GET', `/outbox?tenantId=${TENANT_B}`],
      ['POST', `/outbox/${deadLetterB}/retry`],
      ['POST', `/outbox/${deadLetterB}/retry?tenantId=${TENANT_B}`],
      ['GET', `/audit?tenantId=${TENANT_B}`],
      ['GET', `/handoffs/analytics?tenantId=${TENANT_B}`],
      ['GET', `/tenants/${TENANT_B}`],
      ['PUT', `/tenants/${TENANT_B}`],
      ['POST', `/tenants/${TENANT_B}/disable`],
      ['POST', `/tenants/${TENANT_B}/enable`],
    ];
    for (const [method, path] of attempts) {
      const answer = await call(method, path, {
        key: keyA,
        ...(method === 'PUT'
          ? { body: buildTenant({ id: TENANT_B, ghlLocationId: 'loc-tenant-b' }) }
          : {}),
      });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect((answer.body['error'] as { code: string }).code).toBe('NOT_FOUND');
    }
    // Nothing leaked or changed: B's conversation is intact and unpaused, its dead letter still dead.
    const state = await server.runtime.stores.conversations.get({
      tenantId: TENANT_B,
      contactId: CONTACT_B,
    });
    expect(state?.paused).toBe(false);
    const dead = await server.runtime.stores.outbox.list({ tenantId: TENANT_B, status: 'dead' });
    expect(dead.map((entry) => entry.id)).toContain(deadLetterB);
    expect(server.runtime.tenants.get(TENANT_B)?.enabled).toBe(true);
  });

  it('lists only the key’s own tenant data', async () => {
    const list = await call('GET', '/conversations', { key: keyA });
    expect(list.status).toBe(200);
    const items = list.body['items'] as { tenantId: string; contactId: string }[];
    expect(items.map((item) => item.contactId)).toContain(CONTACT_A);
    expect(items.every((item) => item.tenantId === TENANT_A)).toBe(true);
    const outbox = await call('GET', '/outbox', { key: keyB });
    const entries = outbox.body['items'] as { tenantId: string; leaseToken?: string }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(
      entries.every((entry) => entry.tenantId === TENANT_B && entry.leaseToken === undefined),
    ).toBe(true);
  });

  it('the owning tenant’s key and the all-tenant key can reach the same resources', async () => {
    expect((await call('GET', `/conversations/${CONTACT_B}`, { key: keyB })).status).toBe(200);
    const detail = await call('GET', `/conversations/${CONTACT_B}`, { key: adminKey });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      tenantId: TENANT_B,
      contactId: CONTACT_B,
      bot: 'buyer',
      stage: 'qualifying',
      score: 8,
      scoreDetail: { value: 8, reasons: ['pre-approved'] },
      handoffs: [],
    });
    expect((detail.body['messages'] as { text: string }[])[0]?.text).toBe(
      'Selling my condo downtown',
    );
    const retried = await call('POST', `/outbox/${deadLetterB}/retry`, { key: keyB });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ id: deadLetterB, tenantId: TENANT_B, status: 'pending' });
    expect((await call('POST', `/outbox/${deadLetterB}/retry`, { key: keyB })).status).toBe(404);
  });
});

describe('audit of contact-data access', () => {
  it('reading a conversation writes a data.accessed record naming the key', async () => {
    const before = Date.now();
    expect((await call('GET', `/conversations/${CONTACT_A}`, { key: keyA })).status).toBe(200);
    const events = await server.runtime.stores.audit.query({
      tenantId: TENANT_A,
      contactId: CONTACT_A,
      type: 'data.accessed',
      from: before,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { kind: 'api_key', id: keyAId },
      data: { action: 'conversations.get' },
    });
    expect(JSON.stringify(events[0])).not.toContain('Round Rock');
    // And the audit query route shows it, newest first.
    const audit = await call(
      'GET',
      `/audit?contactId=${CONTACT_A}&type=data.accessed&since=${before}`,
      {
        key: keyA,
      },
    );
    expect(audit.status).toBe(200);
    expect((audit.body['items'] as { id: string }[])[0]?.id).toBe(events[0]?.id);
  });

  it('pause and resume go through the bots, are audited, and change the state', async () => {
    const paused = await call('POST', `/contacts/${CONTACT_A}/pause`, { key: keyA });
    expect(paused.status).toBe(200);
    expect(paused.body['paused']).toBe(true);
    const resumed = await call('POST', `/contacts/${CONTACT_A}/resume`, { key: keyA });
    expect(resumed.body['paused']).toBe(false);
    const actions = await server.runtime.stores.audit.query({
      tenantId: TENANT_A,
      contactId: CONTACT_A,
      type: 'admin.action',
    });
    expect(actions.map((event) => event.data['action'])).toEqual(['pause', 'resume']);
  });

  it('the conversation list is audited per tenant with the contact ids it showed', async () => {
    const before = Date.now();
    await call('GET', '/conversations', { key: adminKey });
    const events = await server.runtime.stores.audit.query({
      tenantId: TENANT_B,
      type: 'data.accessed',
      from: before,
    });
    expect(events.some((event) => (event.data['contactIds'] as string[]).includes(CONTACT_B))).toBe(
      true,
    );
  });
});

describe('validation', () => {
  it('invalid tenant JSON → 400 VALIDATION_FAILED with the fields at fault', async () => {
    const answer = await call('POST', '/tenants', {
      key: adminKey,
      body: { id: 'bad tenant!', agencyName: '', timeZone: 'Mars/Olympus' },
    });
    expect(answer.status).toBe(400);
    const error = answer.body['error'] as { code: string; issues: { path: string }[] };
    expect(error.code).toBe('VALIDATION_FAILED');
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.id', 'body.timeZone', 'body.ghlLocationId']),
    );
  });

  it('malformed JSON → 400, bad query → 400, duplicate tenant → 409', async () => {
    const broken = await call('POST', '/tenants', { key: adminKey, rawBody: '{"id":' });
    expect(broken.status).toBe(400);
    expect(broken.body['error']).toMatchObject({ code: 'VALIDATION_FAILED' });
    const query = await call('GET', '/conversations?limit=abc', { key: adminKey });
    expect(query.status).toBe(400);
    expect((query.body['error'] as { issues: { path: string }[] }).issues[0]?.path).toBe(
      'query.limit',
    );
    const duplicate = await call('POST', '/tenants', {
      key: adminKey,
      body: buildTenant({ id: TENANT_B, ghlLocationId: 'loc-other' }),
    });
    expect(duplicate.status).toBe(409);
  });
});

describe('OpenAPI document', () => {
  it('is public, OpenAPI 3.1, and lists every route of the contract', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const contract = [
      'POST /auth/token',
      'GET /keys',
      'POST /keys',
      'DELETE /keys/{id}',
      'GET /tenants',
      'GET /tenants/{tenantId}',
      'POST /tenants',
      'PUT /tenants/{tenantId}',
      'POST /tenants/{tenantId}/enable',
      'POST /tenants/{tenantId}/disable',
      'GET /conversations',
      'GET /conversations/{contactId}',
      'POST /contacts/{contactId}/pause',
      'POST /contacts/{contactId}/resume',
      'POST /contacts/{contactId}/release-escalation',
      'GET /contacts/{contactId}/export',
      'DELETE /contacts/{contactId}',
      'GET /handoffs/analytics',
      'GET /outbox',
      'POST /outbox/{id}/retry',
      'GET /audit',
      'GET /metrics',
      'GET /alerts',
      'POST /alerts/{id}/acknowledge',
      'GET /alerts/silences',
      'POST /alerts/silences',
      'DELETE /alerts/silences/{id}',
      'GET /alerts/rules',
      'POST /alerts/rules',
      'PUT /alerts/rules/{name}',
      'DELETE /alerts/rules/{name}',
      'GET /maintenance',
      'PUT /maintenance',
      'GET /openapi.json',
    ];
    expect([...operations].sort()).toEqual([...contract].sort());
    // Request bodies come from the zod schemas (the tenant schema names its required fields).
    const create = document.paths['/tenants']?.['post']?.requestBody as {
      content: { 'application/json': { schema: { required: string[] } } };
    };
    expect(create.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['id', 'ghlLocationId', 'agencyName', 'timeZone', 'market']),
    );
  });
});

describe('rate limit', () => {
  it('the 101st request in a minute from one key → 429 with Retry-After; other keys unaffected', async () => {
    const created = await call('POST', '/keys', {
      key: adminKey,
      body: { name: 'burst', scope: '*' },
    });
    const burst = created.body['secret'] as string;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => call('GET', '/maintenance', { key: burst })),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const limited = await call('GET', '/maintenance', { key: burst });
    expect(limited.status).toBe(429);
    expect(limited.body['error']).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await call('GET', '/maintenance', { key: adminKey })).status).toBe(200);
  });
});
