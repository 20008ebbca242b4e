/** Compiled snippet for docs/testing.md, "Signing webhooks": post a signed event to the app under test. */
declare const locationId: string;

// #region signed-webhook
import express from 'express';
import request from 'supertest';
import { verifyWebhookSignature } from '@enterprisehub/ghl';
import { buildWebhookEvent, signWebhookPayload, webhookTestKeys } from '@enterprisehub/ghl/testing';

// The app must verify with the test keys in tests (production: GHL's built-in keys, no option).
const app = express();
app.post('/webhooks/ghl', express.raw({ type: 'application/json' }), async (req, res) => {
  const verified = await verifyWebhookSignature(req.body as Buffer, req.headers, {
    publicKeys: webhookTestKeys.publicKeys,
  });
  res.sendStatus(verified.ok ? 200 : 401);
});

const event = buildWebhookEvent('InboundMessage', { locationId, body: 'Hi' });
const { rawBody, headers } = signWebhookPayload(event);
await request(app).post('/webhooks/ghl').set(headers).send(rawBody).expect(200);
// #endregion signed-webhook
