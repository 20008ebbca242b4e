/**
 * The admin API `/api/v1`: bearer API keys (stored hashed, scoped to every tenant or one, revocable) or 1-hour
 * JWTs, 100 requests per minute per key, zod-validated input, audited contact-data access and an OpenAPI 3.1
 * document generated from the same schemas (`GET /api/v1/openapi.json`, no auth).
 */
import express, { Router, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import {
  ERROR_CODES,
  EnterpriseHubError,
  GLOBAL_TENANT_ID,
  toEnterpriseHubError,
} from '@enterprisehub/core';
import type { AdminContext } from '../../admin/admin-context';
import { saveRules, saveTenant, syncSilences } from '../../admin/admin-state';
import { createCostHistory } from '../../admin/cost-history';
import { CredentialVerifier, type Caller } from '../../admin/credentials';
import { buildOpenApiDocument, defineRoute, type AdminRoute } from '../../admin/route-spec';
import type { Runtime } from '../../runtime';
import { alertRoutes } from './alerts';
import { conversationRoutes } from './conversations';
import { keyRoutes } from './keys';
import { operationRoutes } from './operations';
import { tenantRoutes } from './tenants';

const API_VERSION = '1.0.0';
const RATE_WINDOW_MS = 60_000;

interface Issue {
  path: string;
  message: string;
}

function send(
  response: Response,
  options: { code: keyof typeof ERROR_CODES; message: string; issues?: Issue[] },
): void {
  const status = ERROR_CODES[options.code].httpStatus;
  response.status(status).json({
    error: {
      code: options.code,
      message: options.message,
      ...(options.issues ? { issues: options.issues } : {}),
    },
  });
}

function issuesOf(error: z.ZodError, prefix: string): Issue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/** Every admin route, in registration order (also the OpenAPI document's order). */
export function adminRouteList(context: AdminContext): AdminRoute[] {
  return [
    ...keyRoutes(context),
    ...tenantRoutes(context),
    ...conversationRoutes(context),
    ...operationRoutes(context),
    ...alertRoutes(context),
  ];
}

/** Routes of the admin API, mounted at `/api/v1`. */
export function adminRoutes(runtime: Runtime): Router {
  const { logger } = runtime;
  const verifier = new CredentialVerifier({
    store: runtime.stores.admin,
    clock: runtime.clock,
    bootstrapKey: runtime.secrets.adminApiKey,
    jwtSecret: runtime.secrets.jwtSecret,
  });
  const costHistory = createCostHistory({ events: runtime.events, clock: runtime.clock });
  const context: AdminContext = {
    runtime,
    verifier,
    costHistory,
    syncSilences: () => syncSilences(runtime),
    saveRules: () => saveRules(runtime),
    saveTenant: (tenant) => saveTenant(runtime, tenant),
  };

  runtime.onClose(() => costHistory.close());

  const routes = adminRouteList(context);
  const openApiRoute = defineRoute({
    method: 'get',
    path: '/openapi.json',
    tag: 'meta',
    summary: 'This OpenAPI 3.1 document (no authentication).',
    auth: false,
    handle: async () => Promise.resolve({ body: openApiDocument }),
  });
  const openApiDocument = buildOpenApiDocument({
    routes: [openApiRoute, ...routes],
    version: API_VERSION,
  });

  const failed = (response: Response, error: unknown): void => {
    const failure = EnterpriseHubError.isInstance(error) ? error : toEnterpriseHubError(error);
    const known = (ERROR_CODES as Record<string, { httpStatus: number } | undefined>)[failure.code];
    const status = known?.httpStatus ?? 500;
    if (status >= 500) logger.error({ error, status }, 'admin request failed');
    const code = known ? failure.code : 'INTERNAL';
    send(response, {
      code,
      message: status >= 500 ? 'The server could not complete the request.' : failure.message,
    });
  };

  const handler =
    (route: AdminRoute): RequestHandler =>
    (request, response) => {
      void (async () => {
        try {
          const query = route.query ? route.query.safeParse(request.query) : undefined;
          if (query && !query.success) {
            send(response, {
              code: 'VALIDATION_FAILED',
              message: 'The query parameters are invalid.',
              issues: issuesOf(query.error, 'query'),
            });
            return;
          }
          const body = route.body ? route.body.safeParse(request.body) : undefined;
          if (body && !body.success) {
            send(response, {
              code: 'VALIDATION_FAILED',
              message: 'The request body is invalid.',
              issues: issuesOf(body.error, 'body'),
            });
            return;
          }
          const result = await route.handle({
            caller: response.locals['caller'] as never,
            query: (query?.data ?? {}) as never,
            body: body?.data as never,
            params: request.params as never,
            requestId: String(response.locals['requestId'] ?? ''),
            request,
            response,
          });
          response.status(result.status ?? 200).json(result.body);
        } catch (error) {
          failed(response, error);
        }
      })();
    };

  const authenticate: RequestHandler = (request, response, next) => {
    void (async () => {
      const header = request.headers.authorization ?? '';
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match?.[1]) {
        send(response, {
          code: 'AUTH_MISSING',
          message: 'The admin API needs an Authorization: Bearer <api key or token> header.',
        });
        return;
      }
      let caller: Caller;
      try {
        caller = await verifier.authenticate(match[1]);
      } catch (error) {
        if (EnterpriseHubError.isInstance(error) && error.code === 'AUTH_INVALID') {
          logger.warn({ path: request.path, ip: request.ip }, 'admin API: rejected credential');
          send(response, { code: 'AUTH_INVALID', message: error.message });
        } else failed(response, error);
        return;
      }
      try {
        const limit = runtime.config.API_RATE_LIMIT_PER_MINUTE;
        const verdict = await runtime.limiter.consume({
          tenantId: GLOBAL_TENANT_ID,
          key: `admin-api:${caller.keyId}`,
          limit,
          windowMs: RATE_WINDOW_MS,
        });
        response.setHeader('X-RateLimit-Limit', String(limit));
        response.setHeader('X-RateLimit-Remaining', String(verdict.remaining));
        if (!verdict.allowed) {
          const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
          response.setHeader('Retry-After', String(seconds));
          runtime.events.emit('rate_limit.hit', {
            tenantId: caller.scope === '*' ? GLOBAL_TENANT_ID : caller.scope,
            at: runtime.clock.now(),
            source: 'api',
            waitMs: verdict.retryAfterMs,
          });
          send(response, {
            code: 'RATE_LIMITED',
            message: `More than ${limit} requests per minute for this key; retry in ${seconds} s.`,
          });
          return;
        }
      } catch (error) {
        failed(response, error);
        return;
      }
      response.locals['caller'] = caller;
      next();
    })();
  };

  const router = Router();
  router.use((_request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get(openApiRoute.path, handler(openApiRoute));
  router.use(authenticate);
  router.use(express.json({ limit: '1mb' }));
  for (const route of routes) router[route.method](route.path, handler(route));
  router.use((_request, response) =>
    send(response, { code: 'NOT_FOUND', message: 'No admin API route matches this request.' }),
  );
  // Body-parser failures (bad JSON, too large) in the admin API's own error shape.
  router.use(((error: unknown, ...[, response, next]) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const parser = error as { type?: string };
    if (parser.type === 'entity.too.large') {
      send(response, { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' });
    } else if (parser.type === 'entity.parse.failed') {
      send(response, { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' });
    } else failed(response, error);
  }) as express.ErrorRequestHandler);
  return router;
}
