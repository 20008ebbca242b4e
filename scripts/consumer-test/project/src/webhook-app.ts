/**
 * A tiny Express app written the way a consumer of the published packages would: verify GHL's webhook
 * signature on the raw body, parse the event, and answer an inbound message through the GHL client.
 */
import express, { type ErrorRequestHandler, type Express } from 'express';
import { ERROR_CODES, toEnterpriseHubError } from '@enterprisehub/core';
import {
  createGhlClient,
  parseWebhookEvent,
  verifyWebhookSignature,
  type WebhookPublicKeys,
} from '@enterprisehub/ghl';

/** Options of {@link createWebhookApp}. */
export interface WebhookAppOptions {
  /** The GHL location (sub-account) the app answers for. */
  locationId: string;
  /** A Private Integration token. */
  accessToken: string;
  /** Keys to verify with; GHL's published keys when omitted (tests pass `webhookTestKeys.publicKeys`). */
  publicKeys?: WebhookPublicKeys;
}

/** Builds the app: `POST /webhooks/ghl` replies by SMS to every inbound message of a contact. */
export function createWebhookApp(options: WebhookAppOptions): Express {
  const ghl = createGhlClient({
    locationId: options.locationId,
    accessToken: options.accessToken,
    retry: false,
  });
  const app = express();
  app.post(
    '/webhooks/ghl',
    express.raw({ type: 'application/json', limit: '256kb' }),
    async (req, res) => {
      const raw: unknown = req.body;
      const body = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
      const verified = await verifyWebhookSignature(body, req.headers, {
        ...(options.publicKeys === undefined ? {} : { publicKeys: options.publicKeys }),
      });
      if (!verified.ok) {
        res
          .status(ERROR_CODES[verified.code].httpStatus)
          .json({ error: { code: verified.code, message: verified.message } });
        return;
      }
      const event = parseWebhookEvent(verified.payload);
      if (event.type === 'InboundMessage' && event.fromContact) {
        const sent = await ghl.conversations.sendMessage({
          type: 'SMS',
          contactId: event.contactId,
          message: `Thanks for your message: "${event.body ?? ''}". An agent will follow up shortly.`,
        });
        res.status(200).json({ replied: true, messageId: sent.messageId });
        return;
      }
      res.status(200).json({ replied: false, type: event.type });
    },
  );
  // Failures (e.g. GHL down) answer with the error code and its status; messages are safe to return.
  // eslint-disable-next-line max-params -- Express recognises an error handler by its four parameters
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const hubError = toEnterpriseHubError(error);
    res
      .status(hubError.httpStatus)
      .json({ error: { code: hubError.code, message: hubError.message } });
  };
  app.use(onError);
  return app;
}
