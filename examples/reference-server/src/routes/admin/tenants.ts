/** Admin routes: tenants (list, get, create, update, enable, disable). */
import { EnterpriseHubError, tenantSchema, type Tenant } from '@enterprisehub/core';
import { z } from 'zod';
import {
  canAccess,
  notFound,
  requireAllTenants,
  type AdminContext,
} from '../../admin/admin-context';
import { defineRoute, type AdminRoute } from '../../admin/route-spec';

/** Body of `PUT /tenants/:tenantId`: a whole tenant; `id`, when present, must equal the path. */
export const tenantUpdateSchema = tenantSchema.partial({ id: true });

const tenantResponse = tenantSchema;

/** Turns registry validation errors (duplicate location, …) into a 400 the caller can fix. */
function upsert(context: AdminContext, tenant: Tenant): Tenant {
  try {
    return context.runtime.tenants.upsert(tenant);
  } catch (error) {
    if (EnterpriseHubError.isInstance(error) && error.code === 'TENANT_CONFIG_INVALID') {
      throw new EnterpriseHubError({
        code: 'VALIDATION_FAILED',
        message: error.message.replace(/^upsert: /, ''),
        cause: error,
      });
    }
    throw error;
  }
}

/** Tenant routes. */
export function tenantRoutes(context: AdminContext): AdminRoute[] {
  const { tenants, logger } = context.runtime;
  const visible = (caller: { scope: string }, tenantId: string): Tenant => {
    const tenant = tenants.get(tenantId);
    if (!tenant || !canAccess({ ...caller, keyId: '', via: 'api_key' }, tenantId))
      throw notFound('tenant');
    return tenant;
  };
  const toggle = (enabled: boolean): AdminRoute =>
    defineRoute({
      method: 'post',
      path: `/tenants/:tenantId/${enabled ? 'enable' : 'disable'}`,
      tag: 'tenants',
      summary: enabled
        ? 'Enable a tenant (bot work runs again).'
        : 'Disable a tenant (webhooks answered `ignored`, no bot work).',
      response: tenantResponse,
      handle: async ({ caller, params }) => {
        const tenant = visible(caller, params['tenantId'] ?? '');
        const updated = enabled ? tenants.enable(tenant.id) : tenants.disable(tenant.id);
        await context.saveTenant(updated);
        logger.info({ tenantId: tenant.id, enabled, by: caller.keyId }, 'tenant toggled');
        return { body: updated };
      },
    });
  return [
    defineRoute({
      method: 'get',
      path: '/tenants',
      tag: 'tenants',
      summary: 'List the tenants the key may access.',
      response: z.object({ items: z.array(tenantResponse) }),
      handle: async ({ caller }) =>
        Promise.resolve({
          body: {
            items: tenants
              .list()
              .filter((tenant) => caller.scope === '*' || tenant.id === caller.scope),
          },
        }),
    }),
    defineRoute({
      method: 'get',
      path: '/tenants/:tenantId',
      tag: 'tenants',
      summary: 'One tenant.',
      response: tenantResponse,
      handle: async ({ caller, params }) =>
        Promise.resolve({ body: visible(caller, params['tenantId'] ?? '') }),
    }),
    defineRoute({
      method: 'post',
      path: '/tenants',
      tag: 'tenants',
      summary: 'Create a tenant from validated JSON (the core tenant schema; defaults applied).',
      allTenantsOnly: true,
      body: tenantSchema,
      successStatus: 201,
      response: tenantResponse,
      handle: async ({ caller, body }) => {
        requireAllTenants(caller);
        if (tenants.get(body.id)) {
          throw new EnterpriseHubError({
            code: 'STORE_CONFLICT',
            message: `A tenant with id ${body.id} already exists; use PUT to change it.`,
          });
        }
        const created = upsert(context, body);
        await context.saveTenant(created);
        logger.info({ tenantId: created.id, by: caller.keyId }, 'tenant created');
        return { status: 201, body: created };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/tenants/:tenantId',
      tag: 'tenants',
      summary: 'Replace a tenant’s settings from validated JSON.',
      body: tenantUpdateSchema,
      response: tenantResponse,
      handle: async ({ caller, params, body }) => {
        const current = visible(caller, params['tenantId'] ?? '');
        if (body.id !== undefined && body.id !== current.id) {
          throw new EnterpriseHubError({
            code: 'VALIDATION_FAILED',
            message: 'The body id must match the tenant id in the path.',
            details: { field: 'id' },
          });
        }
        const updated = upsert(context, { ...body, id: current.id });
        await context.saveTenant(updated);
        logger.info({ tenantId: updated.id, by: caller.keyId }, 'tenant updated');
        return { body: updated };
      },
    }),
    toggle(true),
    toggle(false),
  ];
}
