import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEMO_LOCATION_ID } from '@enterprisehub/core';
import { buildWebhookEvent, signWebhookPayload, webhookTestKeys } from '@enterprisehub/ghl/testing';
import type { TurnResult } from '@enterprisehub/bots';
import { ManualClock } from '@enterprisehub/core/testing';
import { createExistingApp as createApp } from '../src/existing-app.js';

/** Tuesday 11:00 in Austin: outside the demo tenant's quiet hours, so replies go out at once. */
const NOW = Date.UTC(2026, 1, 10, 17, 0);
const createExistingApp = (options: Omit<Parameters<typeof createApp>[0] & object, 'clock'>) =>
  createApp({ ...options, clock: new ManualClock(NOW) });

const inbound = (body: string, contactId = 'contact-1') =>
  signWebhookPayload(
    buildWebhookEvent(
      'InboundMessage',
      { locationId: DEMO_LOCATION_ID, contactId, body, messageId: `m-${contactId}-${body.length}` },
      { now: NOW },
    ),
  );

describe('EnterpriseHub embedded in an existing Express app', () => {
  it('keeps the app’s own routes and answers a signed inbound SMS through the bots', async () => {
    const turns: TurnResult[] = [];
    const { app, embedded } = createExistingApp({
      publicKeys: webhookTestKeys.publicKeys,
      onTurn: (turn) => turns.push(turn),
    });
    const { rawBody, headers } = inbound('Hi, we want to buy a 3 bed house in Austin around 450k');

    await supertest(app).get('/api/status').expect(200, { ok: true });
    const response = await supertest(app)
      .post('/enterprisehub/webhooks/ghl')
      .set(headers)
      .send(rawBody);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'processed', reply: 'sent' });
    expect(turns).toHaveLength(1);
    expect(turns[0]?.reply.kind).toBe('sent');
    // the reply and CRM actions were committed to *your* outbox for delivery to GHL
    const pending = await embedded.stores.outbox.claim({ limit: 10, leaseMs: 1000 });
    expect(pending.length).toBeGreaterThan(0);
  });

  it('answers a redelivered webhook 200 without a second turn', async () => {
    const turns: TurnResult[] = [];
    const { app } = createExistingApp({
      publicKeys: webhookTestKeys.publicKeys,
      onTurn: (turn) => turns.push(turn),
    });
    const { rawBody, headers } = inbound('Looking to sell my condo', 'contact-2');

    await supertest(app).post('/enterprisehub/webhooks/ghl').set(headers).send(rawBody).expect(200);
    const again = await supertest(app)
      .post('/enterprisehub/webhooks/ghl')
      .set(headers)
      .send(rawBody);

    expect(again.body).toEqual({ status: 'duplicate' });
    expect(turns).toHaveLength(1);
  });

  it('rejects a webhook that was re-serialised by another parser (signature covers the raw bytes)', async () => {
    const { app } = createExistingApp({ publicKeys: webhookTestKeys.publicKeys });
    const { rawBody, headers } = inbound('Hello');
    const reformatted = JSON.stringify(JSON.parse(rawBody), null, 2);

    const response = await supertest(app)
      .post('/enterprisehub/webhooks/ghl')
      .set(headers)
      .send(reformatted);

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('answers 404 TENANT_NOT_FOUND for a location no tenant owns', async () => {
    const { app } = createExistingApp({ publicKeys: webhookTestKeys.publicKeys });
    const { rawBody, headers } = signWebhookPayload(
      buildWebhookEvent(
        'InboundMessage',
        { locationId: 'unknown-location', body: 'Hi' },
        { now: NOW },
      ),
    );

    const response = await supertest(app)
      .post('/enterprisehub/webhooks/ghl')
      .set(headers)
      .send(rawBody);

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('TENANT_NOT_FOUND');
  });
});
