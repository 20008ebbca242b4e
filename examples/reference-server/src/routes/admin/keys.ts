/** Admin routes: token exchange and API key management. */
import { EnterpriseHubError, type ApiKeyRecord } from '@enterprisehub/core';
import { z } from 'zod';
import { notFound, requireAllTenants, type AdminContext } from '../../admin/admin-context';
import { BOOTSTRAP_KEY_ID, generateApiKey } from '../../admin/credentials';
import { defineRoute, type AdminRoute } from '../../admin/route-spec';

const keySchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.string().meta({ description: '`*` for every tenant, else one tenant id.' }),
  prefix: z.string(),
  createdAt: z.number(),
  createdBy: z.string().optional(),
  revokedAt: z.number().optional(),
});

/** Body of `POST /keys`. */
export const createKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  scope: z
    .string()
    .min(1)
    .default('*')
    .meta({ description: '`*` (every tenant, the default) or one tenant id.' }),
});

const publicKey = (key: ApiKeyRecord): z.output<typeof keySchema> => ({
  id: key.id,
  name: key.name,
  scope: key.scope,
  prefix: key.prefix,
  createdAt: key.createdAt,
  ...(key.createdBy === undefined ? {} : { createdBy: key.createdBy }),
  ...(key.revokedAt === undefined ? {} : { revokedAt: key.revokedAt }),
});

/** Token exchange and key routes. */
export function keyRoutes(context: AdminContext): AdminRoute[] {
  const { runtime } = context;
  const store = runtime.stores.admin;
  return [
    defineRoute({
      method: 'post',
      path: '/auth/token',
      tag: 'auth',
      summary:
        'Exchange the bearer API key for a 1-hour JWT (HS256) carrying its key id and scope.',
      response: z.object({ token: z.string(), expiresAt: z.number() }),
      handle: async ({ caller }) => ({ body: await context.verifier.issueToken(caller) }),
    }),
    defineRoute({
      method: 'get',
      path: '/keys',
      tag: 'auth',
      summary:
        'List API keys (a tenant-scoped key sees its tenant’s keys). Secrets are never returned.',
      query: z.object({ includeRevoked: z.enum(['true', 'false']).optional() }),
      response: z.object({ items: z.array(keySchema) }),
      handle: async ({ caller, query }) => {
        const keys = await store.listApiKeys({
          ...(caller.scope === '*' ? {} : { scope: caller.scope }),
          includeRevoked: query.includeRevoked === 'true',
        });
        return { body: { items: keys.map(publicKey) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/keys',
      tag: 'auth',
      summary: 'Create an API key; the secret is in this response only (it is stored hashed).',
      allTenantsOnly: true,
      body: createKeySchema,
      successStatus: 201,
      response: keySchema.extend({ secret: z.string() }),
      handle: async ({ caller, body }) => {
        requireAllTenants(caller);
        if (body.scope !== '*' && !runtime.tenants.get(body.scope)) {
          throw new EnterpriseHubError({
            code: 'VALIDATION_FAILED',
            message: 'scope must be "*" or the id of an existing tenant.',
            details: { field: 'scope' },
          });
        }
        const { secret, record } = generateApiKey({
          name: body.name,
          scope: body.scope,
          createdBy: caller.keyId,
          now: runtime.clock.now(),
        });
        const stored = await store.createApiKey({ key: record });
        runtime.logger.info(
          { keyId: stored.id, scope: stored.scope, by: caller.keyId },
          'admin API key created',
        );
        return { status: 201, body: { ...publicKey(stored), secret } };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/keys/:id',
      tag: 'auth',
      summary: 'Revoke an API key; it and its JWTs stop working at once.',
      allTenantsOnly: true,
      response: keySchema,
      handle: async ({ caller, params }) => {
        requireAllTenants(caller);
        const id = params['id'] ?? '';
        if (id === BOOTSTRAP_KEY_ID) {
          throw new EnterpriseHubError({
            code: 'VALIDATION_FAILED',
            message: 'The bootstrap key is configured (ADMIN_API_KEY / DATA_DIR); rotate it there.',
          });
        }
        const revoked = await store.revokeApiKey({ id, at: runtime.clock.now() });
        if (!revoked) throw notFound('API key');
        runtime.logger.info({ keyId: id, by: caller.keyId }, 'admin API key revoked');
        return { body: publicKey(revoked) };
      },
    }),
  ];
}
