/**
 * Declarative admin routes: each route names its zod schemas once; the router validates requests with them and
 * the OpenAPI 3.1 document is generated from the same list (so the document lists every route).
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Caller } from './credentials';

/** HTTP methods the admin API uses. */
export type RouteMethod = 'get' | 'post' | 'put' | 'delete';

/** What a handler receives: the parsed inputs and the authenticated caller. */
export interface RouteContext<Q, B, P> {
  /** The caller (absent on public routes). */
  caller: Caller;
  /** Parsed query. */
  query: Q;
  /** Parsed body. */
  body: B;
  /** Path parameters. */
  params: P;
  /** The request id (`X-Request-Id`), for audit correlation. */
  requestId: string;
  /** The raw request (headers). */
  request: Request;
  /** The response, for headers. */
  response: Response;
}

/** A handler's answer. */
export interface RouteResult {
  /** HTTP status; default 200. */
  status?: number;
  /** JSON body. */
  body: unknown;
}

/** One admin route. */
export interface AdminRoute {
  method: RouteMethod;
  /** Express path under `/api/v1`, e.g. `/tenants/:tenantId`. */
  path: string;
  /** OpenAPI tag. */
  tag: string;
  /** One-line summary. */
  summary: string;
  /** `false` for the unauthenticated routes (the OpenAPI document). Default `true`. */
  auth?: boolean;
  /** Only callers scoped to every tenant (`'*'`) may call it. */
  allTenantsOnly?: boolean;
  /** Query schema (an object of optional strings/coerced values). */
  query?: z.ZodObject;
  /** Body schema. */
  body?: z.ZodType;
  /** Success response schema, for the document. */
  response?: z.ZodType;
  /** Status of a success; default 200. */
  successStatus?: number;
  /** Handles a validated request. */
  handle(context: RouteContext<never, never, never>): Promise<RouteResult>;
}

/** Defines a route with typed inputs inferred from its schemas. */
export function defineRoute<
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  route: Omit<AdminRoute, 'handle' | 'query' | 'body'> & {
    query?: Q;
    body?: B;
    handle(
      context: RouteContext<
        Q extends z.ZodObject ? z.output<Q> : Record<string, never>,
        B extends z.ZodType ? z.output<B> : undefined,
        Record<string, string>
      >,
    ): Promise<RouteResult>;
  },
): AdminRoute {
  return route;
}

/** The error body every failure uses. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Error code from the core ERROR_CODES table.' }),
    message: z.string(),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'Validation problems (VALIDATION_FAILED only).' }),
  }),
});

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  delete (json as { $schema?: unknown }).$schema;
  return json;
};

const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** Builds the OpenAPI 3.1 document for the routes. */
export function buildOpenApiDocument(options: {
  routes: readonly AdminRoute[];
  version: string;
}): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = (description: string): Record<string, unknown> => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  for (const route of options.routes) {
    const path = openApiPath(route.path);
    const parameters: Record<string, unknown>[] = [];
    for (const match of route.path.matchAll(/:(\w+)/g)) {
      parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
    }
    if (route.query) {
      const shape = route.query.shape as Record<string, z.ZodType>;
      for (const [name, schema] of Object.entries(shape)) {
        parameters.push({
          name,
          in: 'query',
          required: !schema.safeParse(undefined).success,
          schema: toSchema(schema, 'input'),
        });
      }
    }
    const operation: Record<string, unknown> = {
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
      tags: [route.tag],
      summary: route.summary,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.auth === false ? { security: [] } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(route.successStatus ?? 200)]: {
          description: 'Success',
          content: {
            'application/json': {
              schema: route.response ? toSchema(route.response, 'output') : { type: 'object' },
            },
          },
        },
        ...(route.body || route.query
          ? { '400': errorResponse('Invalid input (VALIDATION_FAILED)') }
          : {}),
        ...(route.auth === false
          ? {}
          : {
              '401': errorResponse('Missing, unknown, revoked or expired credential'),
              '404': errorResponse('Unknown resource, or another tenant’s'),
              '429': errorResponse('More than the per-key rate limit; see Retry-After'),
            }),
        ...(route.allTenantsOnly
          ? { '403': errorResponse('Needs a key scoped to every tenant') }
          : {}),
      },
    };
    paths[path] = { ...paths[path], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'EnterpriseHub admin API',
      version: options.version,
      description:
        'Tenants, conversations, contact controls, outbox, audit, metrics, alerts and maintenance. Authenticate with `Authorization: Bearer <api key or JWT>`.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An admin API key (`ehk_…`) or a JWT from POST /auth/token.',
        },
      },
      schemas: { Error: toSchema(errorBodySchema, 'output') },
    },
    paths,
  };
}
