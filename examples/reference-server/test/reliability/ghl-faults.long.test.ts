/**
 * GHL faults (`pnpm test:reliability`): the server in live GHL mode against the `@enterprisehub/ghl/testing` fake
 * (served by msw) while it answers 429 storms, 500s and dropped connections. Every webhook is still accepted, the
 * replies wait in the outbox, `/ready` reports the GHL circuit while it is open, and once the fault clears every
 * CRM action is delivered exactly once (no lost reply, no message sent twice to the lead).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeGhl, createGhlHandlers, signWebhookPayload } from '@enterprisehub/ghl/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { send, waitUntil } from './support/http';
import { TENANT_A, writeTenantsFile } from './support/tenants';

const GHL_BASE_URL = 'https://ghl.reliability.test';
const fake = createFakeGhl({ locationId: TENANT_A.locationId });
const msw = setupServer(...createGhlHandlers(fake, { baseUrl: GHL_BASE_URL }));

let server: TestServer;
let dir: string;

beforeAll(async () => {
  msw.listen({ onUnhandledFrame: 'bypass' });
  dir = await mkdtemp(join(tmpdir(), 'eh-ghl-faults-'));
  server = await startTestServer({
    TENANTS_FILE: await writeTenantsFile(dir),
    GHL_MODE: 'live',
    GHL_BASE_URL,
    GHL_PRIVATE_INTEGRATION_TOKEN: 'pit-reliability-test',
    LOG_LEVEL: 'warn',
  });
}, 120_000);

afterAll(async () => {
  await server.stop();
  msw.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GHL faults: 429 storm, 500s, dropped connections', () => {
  // Fixed 3 Dec 2026: this test used to fail (the outbox never drained: the deliverer awaited a whole batch and a
  // delivery had no deadline, so one slow CRM call stalled every delivery past its lease). See docs/reliability.md.
  it('accepts every webhook, reports the fault, then delivers every CRM action exactly once', async () => {
    const contacts = Array.from({ length: 8 }, (_, index) => `ghl-fault-${index}`);
    for (const contactId of contacts)
      fake.state.contacts.set(contactId, {
        id: contactId,
        locationId: TENANT_A.locationId,
        firstName: 'Lead',
        phone: '+15125550100',
        // GHL always sends `tags`; without it the fake's tag route throws and the call looks like a dropped connection.
        tags: [],
      });
    // Phase 1 of the fault, an outage: 8 dropped connections, then 500s until the GHL circuit has opened (a fixed
    // number of 500s would be absorbed by the client's retries of reads, and the circuit might never open).
    fake.scenarios.networkError({ count: 8 });
    fake.scenarios.serverError({ count: 10_000 });
    const calls = () =>
      `calls to the fake: ${fake.calls.length}, 429: ${fake.calls.filter((call) => call.status === 429).length}, 5xx: ${fake.calls.filter((call) => (call.status ?? 0) >= 500).length}, dropped: ${fake.calls.filter((call) => call.status === 0).length}`;

    const messageIds: string[] = [];
    for (const contactId of contacts) {
      const { webhook } = fake.simulateInboundMessage({
        contactId,
        body: 'Hi, I want to buy a 3 bed in Round Rock under 450k',
      });
      messageIds.push(String(webhook['messageId']));
      const { rawBody, headers } = signWebhookPayload(webhook);
      const answer = await send(`${server.baseUrl}/webhooks/ghl`, {
        method: 'POST',
        body: rawBody,
        headers,
      });
      expect(answer.json, 'webhooks are accepted whatever GHL does').toEqual({
        status: 'accepted',
      });
    }

    // While GHL fails: the circuit opens and /ready names it (GHL is optional: still 200, listed as degraded).
    const degraded = await waitUntil(
      async () => {
        const ready = await send(`${server.baseUrl}/ready`);
        const report = ready.json as {
          degraded?: string[];
          dependencies: { name: string; ok: boolean; detail?: Record<string, unknown> }[];
        };
        const ghl = report.dependencies.find((dependency) => dependency.name === 'ghl');
        return ghl && !ghl.ok ? { status: ready.status, report, ghl } : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: '/ready to report the GHL circuit open' },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)} (${calls()})`);
    });
    // Phase 2: the outage ends; a 429 storm meets the retries once the circuit half-opens.
    fake.scenarios.clear();
    fake.scenarios.rateLimitStorm(40);
    expect(degraded.report.degraded).toContain('ghl');
    expect(degraded.ghl.detail?.['circuit']).toBe('open');
    expect((await send(`${server.baseUrl}/health`)).status).toBe(200);
    const during = await server.runtime.observability.alerts.evaluate();

    // After the fault: everything delivered, nothing dead, no message sent twice.
    const outbox = () =>
      Promise.all(
        contacts.map((contactId) =>
          server.runtime.stores.outbox.list({ tenantId: TENANT_A.id, contactId }),
        ),
      ).then((lists) => lists.flat());
    await waitUntil(
      async () => {
        const entries = await outbox();
        return (
          entries.length > 0 &&
          entries.every(
            (entry) =>
              entry.status === 'delivered' || entry.status === 'skipped' || entry.status === 'dead',
          )
        );
      },
      { timeoutMs: 120_000, intervalMs: 1_000, what: 'the outbox to drain' },
    ).catch(async (error: unknown) => {
      const stuck = (await outbox()).filter((entry) => entry.status !== 'delivered');
      const now = Date.now();
      const detail = stuck
        .slice(0, 8)
        .map(
          (entry) =>
            `${entry.action.type} ${entry.status} attempts=${entry.attempts} ${entry.lastError?.code ?? ''} next in ${Math.round((entry.nextAttemptAt - now) / 1000)} s`,
        );
      throw new Error(
        `${String(error)}; ${calls()}; not delivered: ${stuck.length}\n${detail.join('\n')}\ndropped calls: ${[
          ...new Set(
            fake.calls
              .filter((call) => call.status === 0)
              .map((call) => `${call.method} ${call.path}`),
          ),
        ]
          .slice(0, 6)
          .join(' | ')}`,
      );
    });
    const entries = await outbox();
    // Actions the tenant has no GHL mapping for (pipeline, custom fields) are dead-lettered by design.
    const dead = entries.filter(
      (entry) => entry.status === 'dead' && entry.lastError?.code !== 'CRM_MAPPING_MISSING',
    );
    const sends = entries.filter((entry) => entry.action.type === 'sendMessage');
    const sentToLeads = [...fake.state.messages.values()].filter(
      (message) =>
        message['direction'] === 'outbound' && contacts.includes(String(message['contactId'])),
    );
    const ready = await send(`${server.baseUrl}/ready`);
    const after = await server.runtime.observability.alerts.evaluate();
    process.stderr.write(
      [
        '\n[ghl-faults]',
        calls(),
        `outbox entries: ${entries.length}, delivered: ${entries.filter((entry) => entry.status === 'delivered').length}, dead: ${dead.length}`,
        `replies in the outbox: ${sends.length}, messages GHL sent to the leads: ${sentToLeads.length}`,
        `/ready during the fault: ${degraded.status} (degraded: ${degraded.report.degraded?.join(',') ?? ''}), after: ${ready.status}`,
        `alerts during: ${during.alerts.map((alert) => `${alert.ruleId}:${alert.state}`).join(',') || 'none'}; after: ${after.alerts.map((alert) => `${alert.ruleId}:${alert.state}`).join(',') || 'none'}`,
        '',
      ].join('\n'),
    );
    expect(dead.map((entry) => `${entry.action.type} ${entry.lastError?.code ?? ''}`)).toEqual([]);
    expect(sends.length).toBeGreaterThanOrEqual(messageIds.length);
    expect(sentToLeads.length, 'each reply reached the lead exactly once').toBe(sends.length);
    const ghlAfter = (
      ready.json as { dependencies: { name: string; ok: boolean }[] }
    ).dependencies.find((dependency) => dependency.name === 'ghl');
    expect(ghlAfter?.ok).toBe(true);
  }, 300_000);
});
