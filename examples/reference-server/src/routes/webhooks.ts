/**
 * `POST /webhooks/ghl`: the raw body is kept for signature verification, then handed to the ingest.
 */
import express, { Router } from 'express';
import type { IngestOutcome } from './webhook-ingest';
import { sendError } from './http-error';

/** Options of {@link webhookRoutes}. */
export interface WebhookRoutesOptions {
  ingest: (
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ) => Promise<IngestOutcome>;
  bodyLimit: string;
  /** Called once per request with the outcome, for logs and metrics. */
  onOutcome?: (outcome: IngestOutcome, durationMs: number) => void;
}

/**
 * The three 200 bodies, serialised once. Answering with `end(buffer)` instead of `res.json()` skips the per-response
 * JSON.stringify and Express's ETag hash (a SHA-1 of every body), which showed up at ~5 % of the ingest's CPU profile;
 * a webhook answer is never cached, so it needs no ETag.
 */
const OK_BODIES: Record<'accepted' | 'duplicate' | 'ignored', Buffer> = {
  accepted: Buffer.from(JSON.stringify({ status: 'accepted' })),
  duplicate: Buffer.from(JSON.stringify({ status: 'duplicate' })),
  ignored: Buffer.from(JSON.stringify({ status: 'ignored' })),
};

/** Routes for GHL webhooks. */
export function webhookRoutes(options: WebhookRoutesOptions): Router {
  const router = Router();
  router.post(
    '/webhooks/ghl',
    express.raw({ type: () => true, limit: options.bodyLimit }),
    async (request, response) => {
      const started = performance.now();
      const body: unknown = request.body;
      const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const outcome = await options.ingest(raw, request.headers);
      options.onOutcome?.(outcome, performance.now() - started);
      if (outcome.kind === 'rejected') {
        if (outcome.httpStatus === 503) response.setHeader('Retry-After', '5');
        sendError(response, {
          code: outcome.code,
          message: outcome.message,
          status: outcome.httpStatus,
        });
        return;
      }
      response.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
      response.end(OK_BODIES[outcome.kind]);
    },
  );
  return router;
}
