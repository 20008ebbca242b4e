/**
 * The Express app factory (no listen): security headers, request ids, webhook ingest, health, admin API, dashboard,
 * and one error handler.
 */
import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import { sendError, errorHandler } from './routes/http-error';
import { healthRoutes } from './routes/health';
import { oauthRoutes } from './routes/oauth';
import { createOAuthStateSigner } from './setup/oauth-state';
import { createWebhookIngest } from './routes/webhook-ingest';
import { webhookRoutes } from './routes/webhooks';
import { adminRoutes } from './routes/admin/index';
import { dashboardRoutes } from './dashboard/index';
import type { Runtime } from './runtime';

const VERSION = '0.1.0';

const securityHeaders: RequestHandler = (_request, response, next) => {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  response.setHeader('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
  next();
};

function cors(origins: readonly string[]): RequestHandler {
  return (request, response, next) => {
    const origin = request.headers.origin;
    if (origin && origins.includes(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
      response.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      if (request.method === 'OPTIONS') {
        response.status(204).end();
        return;
      }
    }
    next();
  };
}

/** Builds the Express app for a wired runtime. */
export function createApp(runtime: Runtime): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((request, response, next) => {
    const incoming = request.headers['x-request-id'];
    const id =
      typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', id);
    response.locals['requestId'] = id;
    next();
  });
  app.use(securityHeaders);
  app.use((request, response, next) => {
    const started = performance.now();
    response.on('finish', () => {
      // Route templates only (bounded labels, no ids): the matched route, or the mount for unmatched paths.
      const route = (request.route as { path?: unknown } | undefined)?.path;
      runtime.prometheus.observeHttpRequest({
        method: request.method,
        route: `${request.baseUrl}${typeof route === 'string' ? route : ''}` || 'unmatched',
        statusCode: response.statusCode,
        durationMs: performance.now() - started,
      });
    });
    next();
  });
  if (runtime.config.corsOrigins.length > 0) app.use(cors(runtime.config.corsOrigins));

  const ingest = createWebhookIngest({
    verify: runtime.webhook.verify,
    publicKeys: runtime.webhook.publicKeys,
    maxAgeMs: runtime.webhook.maxAgeMs,
    clock: runtime.clock,
    inbox: runtime.stores.inbox,
    queue: runtime.queue,
    tenantForLocation: (locationId) => runtime.tenants.getByLocationId(locationId),
  });
  app.use(
    webhookRoutes({
      ingest,
      bodyLimit: runtime.config.WEBHOOK_BODY_LIMIT,
      onOutcome: (outcome, durationMs) => {
        if (outcome.kind === 'rejected') {
          runtime.logger.warn(
            { code: outcome.code, status: outcome.httpStatus, durationMs },
            'webhook rejected',
          );
        } else if (outcome.kind === 'ignored') {
          runtime.logger.info(
            { reason: outcome.reason, eventType: outcome.eventType, tenantId: outcome.tenantId },
            'webhook ignored',
          );
        } else {
          runtime.logger.debug(
            {
              status: outcome.kind,
              eventType: outcome.eventType,
              tenantId: outcome.tenantId,
              durationMs,
            },
            'webhook',
          );
        }
      },
    }),
  );
  app.use(
    healthRoutes({
      startedAt: Date.now(),
      version: VERSION,
      readiness: () => runtime.readiness(),
      bots: () => runtime.botHealth(),
      metrics: async () => ({
        contentType: runtime.prometheus.registry.contentType,
        body: await runtime.prometheus.metrics(),
      }),
    }),
  );
  if (runtime.ghl.oauth) {
    app.use(
      oauthRoutes({
        oauth: runtime.ghl.oauth,
        tenants: runtime.tenants,
        logger: runtime.logger,
        state: createOAuthStateSigner({ secret: runtime.secrets.jwtSecret, clock: runtime.clock }),
        secureCookie: runtime.config.PUBLIC_URL?.startsWith('https:') ?? false,
      }),
    );
  }
  app.use('/api/v1', adminRoutes(runtime));
  app.use('/dashboard', dashboardRoutes(runtime));
  app.get('/', (_request, response) => response.redirect('/dashboard'));
  app.use((_request, response) =>
    sendError(response, {
      code: 'NOT_FOUND',
      message: 'No route matches this request.',
      status: 404,
    }),
  );
  app.use(
    errorHandler((error, status) => runtime.logger.error({ error, status }, 'request failed')),
  );
  return app;
}
