/**
 * Admin API operations end to end on the embedded runtime: tenants (update, enable/disable), maintenance, alert
 * rules, firing → acknowledge, silences, metrics, handoff analytics, export and erasure — and that keys, silences,
 * rules, tenants and maintenance survive a restart on the same DATA_DIR.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildContact,
  buildConversationState,
  buildMessage,
  buildTenant,
} from '@enterprisehub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let dataDir: string;
let server: TestServer;
let adminKey: string;

async function call(
  method: string,
  path: string,
  options: { key?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.key ?? adminKey}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const RULE = {
  id: 'test_error_rate_floor',
  name: 'Test: error rate at or above zero',
  severity: 'warning',
  metric: 'error_rate',
  operator: 'gte',
  threshold: 0,
  minSamples: 0,
  forMs: 0,
  cooldownMs: 0,
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'eh-admin-ops-'));
  server = await startTestServer({ DATA_DIR: dataDir });
  adminKey = server.runtime.secrets.adminApiKey;
}, 120_000);

afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('tenants', () => {
  it('creates, updates, disables and enables a tenant; the registry follows', async () => {
    const tenant = buildTenant({ id: 'ops-tenant', ghlLocationId: 'loc-ops' });
    expect((await call('POST', '/tenants', { body: tenant })).status).toBe(201);
    const updated = await call('PUT', '/tenants/ops-tenant', {
      body: { ...tenant, agencyName: 'Renamed Realty', id: undefined },
    });
    expect(updated.status).toBe(200);
    expect(updated.body['agencyName']).toBe('Renamed Realty');
    expect(server.runtime.tenants.get('ops-tenant')?.agencyName).toBe('Renamed Realty');
    const clash = await call('PUT', '/tenants/ops-tenant', {
      body: { ...tenant, ghlLocationId: 'demo-location' },
    });
    expect(clash.status).toBe(400);
    expect(server.runtime.tenants.getByLocationId('loc-ops')?.id).toBe('ops-tenant');
    expect((await call('POST', '/tenants/ops-tenant/disable')).body['enabled']).toBe(false);
    expect(server.runtime.tenants.resolveLocation('loc-ops').kind).toBe('disabled');
    expect((await call('POST', '/tenants/ops-tenant/disable')).status).toBe(200);
    expect((await call('GET', '/tenants/ops-tenant')).body['enabled']).toBe(false);
    expect((await call('GET', '/tenants/nope')).status).toBe(404);
  });
});

describe('maintenance', () => {
  it('turns maintenance on and off', async () => {
    expect((await call('GET', '/maintenance')).body).toEqual({ enabled: false });
    expect((await call('PUT', '/maintenance', { body: { enabled: true } })).body).toEqual({
      enabled: true,
    });
    expect(server.runtime.maintenance.enabled).toBe(true);
    expect((await call('PUT', '/maintenance', { body: { enabled: 'yes' } })).status).toBe(400);
  });
});

describe('alerts', () => {
  it('rules CRUD: add, reject duplicates and invalid rules, update, list', async () => {
    const added = await call('POST', '/alerts/rules', { body: RULE });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: RULE.id, operator: 'gte', enabled: true });
    expect((await call('POST', '/alerts/rules', { body: RULE })).status).toBe(409);
    const invalid = await call('POST', '/alerts/rules', { body: { ...RULE, id: 'Bad Id' } });
    expect(invalid.status).toBe(400);
    const patched = await call('PUT', `/alerts/rules/${RULE.id}`, {
      body: { description: 'floor rule for tests' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body['description']).toBe('floor rule for tests');
    expect((await call('PUT', '/alerts/rules/nope', { body: {} })).status).toBe(404);
    const rules = (await call('GET', '/alerts/rules')).body['items'] as { id: string }[];
    expect(rules.map((rule) => rule.id)).toContain(RULE.id);
  });

  it('a firing alert is listed and acknowledged once', async () => {
    await server.runtime.observability.alerts.evaluate();
    const firing = await call('GET', '/alerts?status=firing');
    const items = firing.body['items'] as { id: string; rule: string; level: number }[];
    const alert = items.find((item) => item.rule === RULE.id);
    expect(alert).toBeDefined();
    const ack = await call('POST', `/alerts/${alert?.id ?? ''}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ id: alert?.id, status: 'acknowledged' });
    await server.runtime.observability.alerts.idle();
    const acknowledged = await call('GET', '/alerts?status=acknowledged');
    expect((acknowledged.body['items'] as { id: string }[]).map((item) => item.id)).toContain(
      alert?.id,
    );
    expect((await call('POST', '/alerts/nope/acknowledge')).status).toBe(404);
  });

  it('silences: create (validated), list, end', async () => {
    const now = Date.now();
    const created = await call('POST', '/alerts/silences', {
      body: {
        matchers: [{ name: 'alertname', value: RULE.id }],
        endsAt: now + 3_600_000,
        comment: 'planned work',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'active', createdBy: 'bootstrap' });
    const bad = await call('POST', '/alerts/silences', {
      body: { matchers: [], endsAt: now + 1000, comment: 'x' },
    });
    expect(bad.status).toBe(400);
    const id = created.body['id'] as string;
    const listed = (await call('GET', '/alerts/silences')).body['items'] as { id: string }[];
    expect(listed.map((silence) => silence.id)).toContain(id);
    const temporary = await call('POST', '/alerts/silences', {
      body: { matchers: [{ name: 'bot', value: 'lead' }], endsAt: now + 60_000, comment: 'short' },
    });
    const ended = await call('DELETE', `/alerts/silences/${temporary.body['id'] as string}`);
    expect(ended.status).toBe(200);
    expect(ended.body['status']).toBe('expired');
    expect((await call('DELETE', '/alerts/silences/nope')).status).toBe(404);
  });
});

describe('metrics and analytics', () => {
  it('returns the metrics snapshot in the contract shape', async () => {
    const answer = await call('GET', '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      cache: { hits: expect.any(Number), misses: expect.any(Number), hitRate: expect.any(Number) },
      cost: {
        lastHourUsd: 0,
        limits: { degradeUsdPerHour: expect.any(Number), stopUsdPerHour: expect.any(Number) },
        state: 'normal',
      },
      handoffs: { total: expect.any(Number), successRate: expect.any(Number), flows: [] },
      queue: { waiting: expect.any(Number) },
    });
    const sla = answer.body['sla'] as { bot: string; target: { p95: number } }[];
    expect(sla.length).toBeGreaterThan(0);
    expect(sla[0]?.target.p95).toBeGreaterThan(0);
    expect((answer.body['cost'] as { perHour: unknown[] }).perHour).toHaveLength(24);
  });

  it('reports LLM cost per hour from llm.called events', async () => {
    server.runtime.events.emit('llm.called', {
      tenantId: 'demo',
      at: Date.now(),
      model: 'claude-test',
      usage: { inputTokens: 10, outputTokens: 5 },
      latencyMs: 10,
      costUsd: 0.25,
      outcome: 'ok',
    } as never);
    const cost = (await call('GET', '/metrics')).body['cost'] as {
      perHour: { usd: number }[];
    };
    expect(cost.perHour.at(-1)?.usd).toBe(0.25);
  });

  it('handoff analytics has the contract shape', async () => {
    const answer = await call('GET', '/handoffs/analytics?tenantId=demo');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      total: 0,
      successful: 0,
      blocked: 0,
      blockedByReason: expect.any(Object),
      successRate: 1,
      flows: [],
    });
  });
});

describe('contact export and erasure', () => {
  it('exports everything about a contact, then erases it (both audited)', async () => {
    const contact = buildContact({ tenantId: 'demo', id: 'erase-me', email: 'erase@example.com' });
    await server.runtime.stores.contacts.upsert({ tenantId: 'demo', contact });
    await server.runtime.stores.conversations.compareAndSet({
      tenantId: 'demo',
      expectedVersion: 0,
      state: buildConversationState({
        tenantId: 'demo',
        contactId: 'erase-me',
        messages: [buildMessage({ contactId: 'erase-me', body: 'my number is 512-555-0100' })],
      }),
    });
    const exported = await call('GET', '/contacts/erase-me/export');
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      tenantId: 'demo',
      contactId: 'erase-me',
      contact: { email: 'erase@example.com' },
    });
    const erased = await call('DELETE', '/contacts/erase-me');
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ contact: true, conversation: true });
    expect((await call('GET', '/conversations/erase-me')).status).toBe(404);
    const audit = (await call('GET', '/audit?tenantId=demo&contactId=erase-me')).body['items'] as {
      type: string;
      actor: { kind: string };
    }[];
    expect(audit.map((event) => event.type)).toEqual(
      expect.arrayContaining(['data.accessed', 'data.erased']),
    );
    expect(audit.every((event) => event.actor.kind === 'api_key')).toBe(true);
  });
});

describe('persistence across a restart', () => {
  it('keys, revocations, silences, rules, tenants and maintenance survive on the same DATA_DIR', async () => {
    const kept = await call('POST', '/keys', { body: { name: 'kept', scope: 'demo' } });
    const revoked = await call('POST', '/keys', { body: { name: 'revoked', scope: '*' } });
    await call('DELETE', `/keys/${revoked.body['id'] as string}`);
    const silence = await call('POST', '/alerts/silences', {
      body: {
        matchers: [{ name: 'severity', value: 'warning' }],
        endsAt: Date.now() + 3_600_000,
        comment: 'survives',
      },
    });
    await server.stop();
    server = await startTestServer({ DATA_DIR: dataDir });
    expect(server.runtime.secrets.adminApiKey).toBe(adminKey);
    expect((await call('GET', '/tenants', { key: kept.body['secret'] as string })).status).toBe(
      200,
    );
    expect((await call('GET', '/tenants', { key: revoked.body['secret'] as string })).status).toBe(
      401,
    );
    const silences = (await call('GET', '/alerts/silences')).body['items'] as { id: string }[];
    expect(silences.map((item) => item.id)).toContain(silence.body['id']);
    expect(server.runtime.observability.alerts.getRule(RULE.id)?.description).toBe(
      'floor rule for tests',
    );
    expect(server.runtime.tenants.get('ops-tenant')?.agencyName).toBe('Renamed Realty');
    expect(server.runtime.maintenance.enabled).toBe(true);
  }, 120_000);
});
