/**
 * A consumer's CI test: the fake GHL behind msw, correctly signed webhooks from the testing kit, and the
 * consumer's own Express handler on a real port.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGhlClient } from '@enterprisehub/ghl';
import {
  buildWebhookEvent,
  createFakeGhl,
  createGhlHandlers,
  signWebhookPayload,
  webhookTestKeys,
  type FakeGhlCall,
} from '@enterprisehub/ghl/testing';
import { createWebhookApp } from '../src/webhook-app.js';

const fake = createFakeGhl({ locationId: 'loc-consumer' });
const msw = setupServer(...createGhlHandlers(fake));
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // Only GHL is faked: requests to our own app on 127.0.0.1 go through, anything else fails the test.
  msw.listen({
    onUnhandledFrame: ({ frame, defaults }) => {
      const { request } = frame.data as { request?: Request };
      if (request !== undefined && new URL(request.url).hostname === '127.0.0.1') return;
      defaults.error();
    },
  });
  const app = createWebhookApp({
    locationId: 'loc-consumer',
    accessToken: 'pit-consumer-test',
    publicKeys: webhookTestKeys.publicKeys,
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => msw.resetHandlers());
afterAll(async () => {
  msw.close();
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
});

const post = (rawBody: string, headers: Record<string, string>): Promise<Response> =>
  fetch(`${baseUrl}/webhooks/ghl`, { method: 'POST', headers, body: rawBody });

describe('consumer webhook handler against the fake GHL', () => {
  it('verifies a signed InboundMessage and replies through the GHL API', async () => {
    const ghl = createGhlClient({
      locationId: 'loc-consumer',
      accessToken: 'pit-consumer-test',
      retry: false,
    });
    const contact = await ghl.contacts.create({ firstName: 'Ada', phone: '+15125550100' });
    const inbound = fake.simulateInboundMessage({
      contactId: contact.id,
      body: 'Looking for a 3 bed in Austin',
    });
    const { rawBody, headers } = signWebhookPayload(inbound.webhook);

    const response = await post(rawBody, headers);

    expect(response.status).toBe(200);
    const answer = (await response.json()) as { replied: boolean; messageId: string };
    expect(answer.replied).toBe(true);
    const sends = fake.calls.filter(
      (call: FakeGhlCall) => call.operation === 'POST /conversations/messages',
    );
    expect(sends).toHaveLength(1);
    expect(sends[0]?.status).toBe(200);
    const stored = fake.state.messages.get(answer.messageId);
    expect(stored?.['contactId']).toBe(contact.id);
    expect(String(stored?.['body'])).toContain('Looking for a 3 bed in Austin');
  });

  it('rejects a tampered body with 401 WEBHOOK_SIGNATURE_INVALID and sends nothing', async () => {
    const before = fake.calls.length;
    const { rawBody, headers } = signWebhookPayload(
      buildWebhookEvent('InboundMessage', { body: 'Hi' }),
    );

    const response = await post(rawBody.replace('Hi', 'Hello'), headers);

    expect(response.status).toBe(401);
    const answer = (await response.json()) as { error: { code: string } };
    expect(answer.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(fake.calls.length).toBe(before);
  });

  it('rejects an unsigned webhook with 401 WEBHOOK_SIGNATURE_MISSING', async () => {
    const response = await post(JSON.stringify(buildWebhookEvent('InboundMessage')), {
      'content-type': 'application/json',
    });

    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'WEBHOOK_SIGNATURE_MISSING',
    );
  });

  it('surfaces GHL outages from the fake as a 5xx, not a silent success', async () => {
    const ghl = createGhlClient({
      locationId: 'loc-consumer',
      accessToken: 'pit-consumer-test',
      retry: false,
    });
    const contact = await ghl.contacts.create({ firstName: 'Bo', phone: '+15125550101' });
    const inbound = fake.simulateInboundMessage({
      contactId: contact.id,
      body: 'Still available?',
    });
    fake.scenarios.serverError({ operation: 'POST /conversations/messages' });
    const { rawBody, headers } = signWebhookPayload(inbound.webhook);

    const response = await post(rawBody, headers);

    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'GHL_UNAVAILABLE',
    );
  });
});
