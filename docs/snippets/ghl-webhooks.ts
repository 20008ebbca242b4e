/** Compiled snippet for docs/ghl.md, "Webhooks": an Express route that verifies, parses and enqueues. */
import type { Inbox } from '@enterprisehub/core';
import type { GhlWebhookEvent } from '@enterprisehub/ghl';

declare const inbox: Inbox;
declare function enqueue(event: GhlWebhookEvent): Promise<void>;

// #region webhooks
import express from 'express';
import { ERROR_CODES } from '@enterprisehub/core';
import { parseWebhookEvent, verifyWebhookSignature } from '@enterprisehub/ghl';

const app = express(); // or your existing app

app.post('/webhooks/ghl', express.raw({ type: 'application/json' }), async (request, response) => {
  const rawBody = request.body as Buffer; // the raw bytes: never JSON.stringify(request.body)
  const verified = await verifyWebhookSignature(rawBody, request.headers, { inbox });
  if (!verified.ok) {
    // WEBHOOK_DUPLICATE maps to 200, so GHL stops retrying a redelivery; the others to 400 / 401 / 503
    response
      .status(ERROR_CODES[verified.code].httpStatus)
      .json({ error: { code: verified.code, message: verified.message } });
    return;
  }
  const event = parseWebhookEvent(verified.payload);
  if (event.type === 'InboundMessage' && event.fromContact) await enqueue(event);
  response.sendStatus(200);
});
// #endregion webhooks
