import { buildWebhookEvent, signWebhookPayload } from '@enterprisehub/ghl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);

afterAll(async () => {
  await server.stop();
});

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${server.baseUrl}/webhooks/ghl`, { method: 'POST', body, headers });

const inbound = (overrides: Record<string, unknown> = {}) =>
  buildWebhookEvent('InboundMessage', {
    locationId: 'demo-location',
    contactId: 'contact-e2e-1',
    messageId: `msg-${Math.random().toString(36).slice(2)}`,
    body: 'I want to buy a 3 bed in Round Rock under 450k',
    messageType: 'SMS',
    direction: 'inbound',
    ...overrides,
  });

const waitFor = async (predicate: () => boolean, timeoutMs = 5000) => {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('POST /webhooks/ghl (embedded mode)', () => {
  it('accepts a signed InboundMessage and hands it to the worker', async () => {
    const event = inbound();
    const { rawBody, headers } = signWebhookPayload(event);
    const response = await post(rawBody, headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'accepted' });
    await waitFor(() => server.inbound.some((message) => message.messageId === event['messageId']));
    const message = server.inbound.find((item) => item.messageId === event['messageId']);
    expect(message).toMatchObject({ tenantId: 'demo', contactId: 'contact-e2e-1', channel: 'SMS' });
  });

  it('answers duplicate for the same webhook twice and processes it once', async () => {
    const event = inbound();
    const { rawBody, headers } = signWebhookPayload(event);
    expect(await (await post(rawBody, headers)).json()).toEqual({ status: 'accepted' });
    expect(await (await post(rawBody, headers)).json()).toEqual({ status: 'duplicate' });
    await waitFor(() => server.inbound.some((message) => message.messageId === event['messageId']));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.inbound.filter((message) => message.messageId === event['messageId'])).toHaveLength(1);
  });

  it('treats a redelivery with a new webhookId but the same messageId as a duplicate', async () => {
    const event = inbound();
    const first = signWebhookPayload(event);
    const second = signWebhookPayload({ ...event, webhookId: 'another-delivery-id' });
    expect(await (await post(first.rawBody, first.headers)).json()).toEqual({ status: 'accepted' });
    expect(await (await post(second.rawBody, second.headers)).json()).toEqual({ status: 'duplicate' });
  });

  it('rejects a body that is not JSON with 400 and a structured error', async () => {
    const { rawBody, headers } = signWebhookPayload('{not json');
    const response = await post(rawBody, headers);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('WEBHOOK_PAYLOAD_INVALID');
  });

  it('rejects a known event missing required fields with 400', async () => {
    const event = inbound();
    delete event['contactId'];
    const { rawBody, headers } = signWebhookPayload(event);
    const response = await post(rawBody, headers);
    expect(response.status).toBe(400);
  });

  it('rejects a bad signature with 401', async () => {
    const { rawBody, headers } = signWebhookPayload(inbound());
    const tampered = rawBody.replace('Round Rock', 'Round Rack');
    const response = await post(tampered, headers);
    expect(response.status).toBe(401);
  });

  it('rejects a missing signature with 401', async () => {
    const { rawBody } = signWebhookPayload(inbound());
    const response = await post(rawBody, { 'content-type': 'application/json' });
    expect(response.status).toBe(401);
  });

  it('rejects a timestamp older than five minutes with 401', async () => {
    const event = inbound({ timestamp: new Date(Date.now() - 6 * 60_000).toISOString() });
    const { rawBody, headers } = signWebhookPayload(event);
    const response = await post(rawBody, headers);
    expect(response.status).toBe(401);
  });

  it('answers ignored for an unknown location so GHL stops retrying', async () => {
    const { rawBody, headers } = signWebhookPayload(inbound({ locationId: 'not-a-tenant' }));
    const response = await post(rawBody, headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ignored' });
  });

  it('never answers our own outbound message echoed back by GHL', async () => {
    const event = buildWebhookEvent('OutboundMessage', {
      locationId: 'demo-location',
      contactId: 'contact-e2e-2',
      messageId: 'echo-1',
      messageType: 'SMS',
      direction: 'outbound',
    });
    const { rawBody, headers } = signWebhookPayload(event);
    expect(await (await post(rawBody, headers)).json()).toEqual({ status: 'accepted' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.inbound.some((message) => message.messageId === 'echo-1')).toBe(false);
  });

  it('rejects an oversized body with 413', async () => {
    const { rawBody, headers } = signWebhookPayload(inbound({ body: 'x'.repeat(300_000) }));
    const response = await post(rawBody, headers);
    expect(response.status).toBe(413);
  });

  it('keeps phone numbers and message bodies out of the logs', () => {
    const text = server.logs.join('');
    expect(text).not.toContain('Round Rock under 450k');
    expect(text).not.toMatch(/\+1\d{10}/);
  });
});

describe('health', () => {
  it('serves /health without dependencies and /ready with them', async () => {
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
    const ready = await fetch(`${server.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { mode: string; dependencies: { name: string; ok: boolean }[] };
    expect(body.mode).toBe('embedded');
    expect(body.dependencies.find((dependency) => dependency.name === 'pglite')?.ok).toBe(true);
  });
});
