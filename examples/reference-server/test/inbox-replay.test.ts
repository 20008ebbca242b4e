/**
 * The inbox replay (worker/inbox-replay.ts): an accepted webhook whose job the queue lost is enqueued again after
 * the grace period and answered exactly once; processed events are never replayed; every step stays in its tenant.
 *
 * "Job lost" is produced exactly as it happens in production: the ingest stored the event in the inbox (with its
 * payload, under the ids it would use) and the queue never ran the job (Redis restarted without persistence, process
 * killed between the 200 and the bot turn) — here the event is written to the inbox and nothing is enqueued.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonValue } from '@enterprisehub/core';
import { buildWebhookEvent, signWebhookPayload } from '@enterprisehub/ghl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessHoursClock } from './support/business-hours-clock';
import { startTestServer, type TestServer } from './support/test-server';
import { TENANT_A, TENANT_B, writeTenantsFile } from './reliability/support/tenants';

const GRACE_MS = 60_000;
const base = businessHoursClock('America/Chicago');
let skewMs = 0;
/** Real time plus a skew the test moves forward to get past the grace period. */
const clock = { ...base, now: () => base.now() + skewMs };

let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eh-replay-'));
  server = await startTestServer(
    {
      TENANTS_FILE: await writeTenantsFile(dir),
      INBOX_REPLAY_GRACE_MS: String(GRACE_MS),
      // Sweeps are driven by the test (`worker.inboxReplay.sweep()`); the periodic one stays out of the way.
      INBOX_REPLAY_INTERVAL_MS: String(3_600_000),
    },
    { clock },
  );
}, 120_000);

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
function inboundEvent(locationId: string, contactId: string): Record<string, unknown> {
  counter += 1;
  return buildWebhookEvent(
    'InboundMessage',
    {
      locationId,
      contactId,
      messageId: `msg-replay-${Date.now()}-${counter}`,
      body: 'I want to buy a 3 bed in Round Rock under 450k',
      messageType: 'SMS',
      direction: 'inbound',
    },
    { now: clock.now() },
  );
}

/** What the ingest leaves behind when the job is lost after the 200: the inbox entries, no job. */
async function acceptedButLost(tenantId: string, event: Record<string, unknown>): Promise<string> {
  const inbox = server.runtime.stores.inbox;
  const webhookId = `webhook:${String(event['webhookId'])}`;
  await inbox.markSeen({ tenantId, id: webhookId, payload: event as JsonValue });
  await inbox.markSeen({ tenantId, id: `message:${String(event['messageId'])}` });
  return webhookId;
}

async function replies(tenantId: string, contactId: string): Promise<number> {
  const entries = await server.runtime.stores.outbox.list({ tenantId, contactId });
  return entries.filter((entry) => entry.action.type === 'sendMessage').length;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const handled = (messageId: unknown) =>
  server.inbound.filter((message) => message.messageId === messageId);

const sweep = () => {
  const replay = server.worker.inboxReplay;
  return replay.sweep();
};

async function unprocessed(tenantId: string): Promise<string[]> {
  const list = server.runtime.stores.inbox.listUnprocessed;
  if (!list) throw new Error('the embedded inbox must support the replay');
  const entries = await list.call(server.runtime.stores.inbox, {
    tenantId,
    seenBefore: clock.now(),
    limit: 1000,
  });
  return entries.map((entry) => entry.id);
}

describe('inbox replay (embedded mode)', () => {
  it('replays an accepted event whose job was lost after the grace period, and it gets exactly one reply', async () => {
    const contactId = `contact-lost-${Date.now()}`;
    const event = inboundEvent(TENANT_A.locationId, contactId);
    const id = await acceptedButLost(TENANT_A.id, event);

    // Within the grace period the job may still be queued: nothing is replayed.
    skewMs += GRACE_MS / 2;
    expect(await sweep()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(handled(event['messageId'])).toHaveLength(0);
    expect(await replies(TENANT_A.id, contactId)).toBe(0);

    skewMs += GRACE_MS;
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await replies(TENANT_A.id, contactId)) === 1);
    await waitFor(async () => !(await unprocessed(TENANT_A.id)).includes(id));

    // Later sweeps leave it alone: still one bot turn, one reply.
    skewMs += GRACE_MS * 2;
    await sweep();
    await sweep();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handled(event['messageId'])).toHaveLength(1);
    expect(handled(event['messageId'])[0]?.tenantId).toBe(TENANT_A.id);
    expect(await replies(TENANT_A.id, contactId)).toBe(1);
  });

  it('never replays an event whose job completed', async () => {
    const contactId = `contact-done-${Date.now()}`;
    const event = inboundEvent(TENANT_A.locationId, contactId);
    const { rawBody, headers } = signWebhookPayload(event);
    const response = await fetch(`${server.baseUrl}/webhooks/ghl`, {
      method: 'POST',
      body: rawBody,
      headers,
    });
    expect(response.status).toBe(200);
    await waitFor(async () => (await replies(TENANT_A.id, contactId)) === 1);
    const id = `webhook:${String(event['webhookId'])}`;
    await waitFor(async () => !(await unprocessed(TENANT_A.id)).includes(id));
    expect(await server.runtime.stores.inbox.has({ tenantId: TENANT_A.id, id })).toBe(true);

    skewMs += GRACE_MS * 2;
    await sweep();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handled(event['messageId'])).toHaveLength(1);
    expect(await replies(TENANT_A.id, contactId)).toBe(1);
  });

  it('stays in its tenant: each tenant replays its own events; unknown tenants are not swept', async () => {
    const contactId = `contact-shared-${Date.now()}`;
    // The same event id lost in both tenants (ids are per tenant) and in a tenant that is not configured.
    const eventA = inboundEvent(TENANT_A.locationId, contactId);
    const eventB = { ...eventA, locationId: TENANT_B.locationId };
    const idA = await acceptedButLost(TENANT_A.id, eventA);
    const idB = await acceptedButLost(TENANT_B.id, eventB);
    expect(idB).toBe(idA);
    await acceptedButLost('not-a-tenant', eventA);

    skewMs += GRACE_MS * 2;
    expect(await sweep()).toBeGreaterThanOrEqual(2);
    await waitFor(async () => (await replies(TENANT_A.id, contactId)) === 1);
    await waitFor(async () => (await replies(TENANT_B.id, contactId)) === 1);
    await waitFor(async () => (await unprocessed(TENANT_B.id)).length === 0);
    const turns = handled(eventA['messageId']);
    expect(turns.map((turn) => turn.tenantId).sort()).toEqual([TENANT_A.id, TENANT_B.id].sort());
    expect(await unprocessed(TENANT_A.id)).not.toContain(idA);
    // The unconfigured tenant's entry is left alone (no tenant, no bot to answer it).
    expect(await unprocessed('not-a-tenant')).toEqual([idA]);

    skewMs += GRACE_MS * 2;
    await sweep();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handled(eventA['messageId'])).toHaveLength(2);
    expect(await replies(TENANT_A.id, contactId)).toBe(1);
    expect(await replies(TENANT_B.id, contactId)).toBe(1);
  });
});
