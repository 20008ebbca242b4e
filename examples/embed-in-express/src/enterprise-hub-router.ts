/**
 * The part you add to your existing Express app: a router that verifies GHL webhooks, dedupes them,
 * resolves the tenant from the location and hands inbound messages to the bots.
 */
import express, { type ErrorRequestHandler, type Router } from 'express';
import {
  ERROR_CODES,
  systemClock,
  toEnterpriseHubError,
  type Clock,
  type Inbox,
  type TenantRegistry,
} from '@enterprisehub/core';
import type { BotOrchestrator, TurnResult } from '@enterprisehub/bots';
import {
  parseWebhookEvent,
  verifyWebhookSignature,
  type WebhookPublicKeys,
} from '@enterprisehub/ghl';

/** What the router needs from your app. */
export interface EnterpriseHubRouterOptions {
  /** The orchestrator, created on your stores (see `create-bots.ts`). */
  bots: BotOrchestrator;
  /** Tenants; the webhook's `locationId` picks one. */
  tenants: TenantRegistry;
  /** Webhook idempotency (your store's `Inbox`); a redelivered webhook is answered 200 and not processed again. */
  inbox: Inbox;
  /** Verification keys; GHL's published keys when omitted (tests pass `webhookTestKeys.publicKeys`). */
  publicKeys?: WebhookPublicKeys;
  /** Time source for the signature's replay window (the same clock as the bots). @defaultValue `systemClock` */
  clock?: Clock;
  /** Called with each finished turn (log it, meter it). */
  onTurn?: (result: TurnResult) => void;
}

const DAY_MS = 86_400_000;

/** Builds the router; mount it with `app.use('/enterprisehub', createEnterpriseHubRouter(options))`. */
export function createEnterpriseHubRouter(options: EnterpriseHubRouterOptions): Router {
  const clock = options.clock ?? systemClock;
  const router = express.Router();
  // The signature covers the exact bytes: take the raw body here, whatever your app's global parsers do.
  router.post('/webhooks/ghl', express.raw({ type: '*/*', limit: '256kb' }), async (req, res) => {
    const raw: unknown = req.body;
    const verified = await verifyWebhookSignature(
      Buffer.isBuffer(raw) ? raw : Buffer.alloc(0),
      req.headers,
      {
        clock,
        ...(options.publicKeys === undefined ? {} : { publicKeys: options.publicKeys }),
      },
    );
    if (!verified.ok) {
      res
        .status(ERROR_CODES[verified.code].httpStatus)
        .json({ error: { code: verified.code, message: verified.message } });
      return;
    }
    const event = parseWebhookEvent(verified.payload);
    if (event.type !== 'InboundMessage' || !event.fromContact || event.channel === undefined) {
      res.status(200).json({ status: 'ignored' });
      return;
    }
    const tenant = options.tenants.getByLocationId(event.locationId);
    if (tenant === undefined) {
      res.status(ERROR_CODES.TENANT_NOT_FOUND.httpStatus).json({
        error: { code: 'TENANT_NOT_FOUND', message: 'No tenant is configured for this location.' },
      });
      return;
    }
    const messageId = event.messageId ?? verified.webhookId ?? event.contactId;
    const first = await options.inbox.markSeen({
      tenantId: tenant.id,
      id: `webhook:${messageId}`,
      ttlMs: DAY_MS,
    });
    if (!first) {
      res.status(200).json({ status: 'duplicate' });
      return;
    }
    const result = await options.bots.handleInbound({
      tenantId: tenant.id,
      contactId: event.contactId,
      messageId,
      channel: event.channel,
      body: event.body ?? '',
      receivedAt: verified.timestampMs ?? clock.now(),
    });
    options.onTurn?.(result);
    res
      .status(200)
      .json({ status: 'processed', reply: result.reply.kind, bot: result.bot ?? null });
  });
  // eslint-disable-next-line max-params -- Express recognises an error handler by its four parameters
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const hubError = toEnterpriseHubError(error); // messages are safe to return; PII never is in them
    res
      .status(hubError.httpStatus)
      .json({ error: { code: hubError.code, message: hubError.message } });
  };
  router.use(onError);
  return router;
}
