/** Admin routes: alerts (list, acknowledge), silences and alert rules (the observability AlertEngine). */
import {
  EnterpriseHubError,
  GLOBAL_TENANT_ID,
  type AlertRecord,
  type SilenceRecord,
} from '@enterprisehub/core';
import { alertRuleSchema, silenceInputSchema, type Silence } from '@enterprisehub/observability';
import { z } from 'zod';
import { notFound, requireAllTenants, type AdminContext } from '../../admin/admin-context';
import { saveAcknowledgement } from '../../admin/admin-state';
import type { Caller } from '../../admin/credentials';
import { defineRoute, type AdminRoute } from '../../admin/route-spec';

const alertItemSchema = z.object({
  id: z.string(),
  rule: z.string(),
  severity: z.string(),
  status: z.enum(['firing', 'acknowledged', 'resolved']),
  message: z.string(),
  firedAt: z.number(),
  acknowledgedAt: z.number().optional(),
  acknowledgedBy: z.string().optional(),
  resolvedAt: z.number().optional(),
  level: z.number(),
  tenantId: z.string().optional(),
  labels: z.record(z.string(), z.string()),
});

const silenceSchema = z.object({
  id: z.string(),
  matchers: z.array(
    z.object({ name: z.string(), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean() }),
  ),
  startsAt: z.number(),
  endsAt: z.number(),
  createdBy: z.string(),
  comment: z.string(),
  createdAt: z.number(),
  status: z.enum(['pending', 'active', 'expired']),
});

/** Body of `POST /alerts/silences` (`createdBy` defaults to the caller's key id). */
export const silenceBodySchema = z.object({
  ...silenceInputSchema.shape,
  createdBy: z.string().min(1).max(200).optional(),
});

/** Body of `PUT /alerts/rules/:name`: any rule fields to change. */
export const rulePatchSchema = z.record(z.string(), z.unknown());

function toItem(
  record: AlertRecord,
  tenantId: string | undefined,
): z.output<typeof alertItemSchema> {
  return {
    id: record.id,
    rule: record.ruleId,
    severity: record.severity,
    status: record.status,
    message: record.message,
    firedAt: record.firedAt,
    ...(record.acknowledgedAt === undefined ? {} : { acknowledgedAt: record.acknowledgedAt }),
    ...(record.acknowledgedBy === undefined ? {} : { acknowledgedBy: record.acknowledgedBy }),
    ...(record.resolvedAt === undefined ? {} : { resolvedAt: record.resolvedAt }),
    level: record.escalationLevel,
    ...(tenantId === undefined || tenantId === GLOBAL_TENANT_ID ? {} : { tenantId }),
    labels: record.labels,
  };
}

/** The silence as stored by the admin store. */
export function toSilenceRecord(silence: Silence): SilenceRecord {
  return {
    id: silence.id,
    matchers: silence.matchers.map((matcher) => ({ ...matcher })),
    startsAt: silence.startsAt,
    endsAt: silence.endsAt,
    createdBy: silence.createdBy,
    comment: silence.comment,
    createdAt: silence.createdAt,
  };
}

/** Alert, silence and rule routes. */
export function alertRoutes(context: AdminContext): AdminRoute[] {
  const { runtime } = context;
  const engine = runtime.observability.alerts;
  const store = runtime.stores.admin;
  const records = async (
    caller: Caller,
    status: AlertRecord['status'] | undefined,
    limit: number,
  ): Promise<{ record: AlertRecord; tenantId: string }[]> => {
    const tenantIds =
      caller.scope === '*'
        ? [GLOBAL_TENANT_ID, ...runtime.tenants.list().map((tenant) => tenant.id)]
        : [caller.scope];
    const lists = await Promise.all(
      tenantIds.map(async (tenantId) =>
        (await engine.history({ tenantId, limit, ...(status ? { status } : {}) })).map(
          (record) => ({ record, tenantId }),
        ),
      ),
    );
    return lists
      .flat()
      .sort((a, b) => b.record.firedAt - a.record.firedAt)
      .slice(0, limit);
  };
  const history = async (
    caller: Caller,
    status: AlertRecord['status'] | undefined,
    limit: number,
  ): Promise<z.output<typeof alertItemSchema>[]> =>
    (await records(caller, status, limit)).map(({ record, tenantId }) => toItem(record, tenantId));
  const silenceView = (silence: Silence): z.output<typeof silenceSchema> => {
    const now = runtime.clock.now();
    return {
      ...toSilenceRecord(silence),
      status: now < silence.startsAt ? 'pending' : now < silence.endsAt ? 'active' : 'expired',
    };
  };
  return [
    defineRoute({
      method: 'get',
      path: '/alerts',
      tag: 'alerts',
      summary:
        'Alerts (one per firing episode), newest first; a tenant key sees its tenant’s alerts.',
      query: z.object({
        status: z.enum(['firing', 'acknowledged', 'resolved']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: z.object({ items: z.array(alertItemSchema) }),
      handle: async ({ caller, query }) => ({
        body: { items: await history(caller, query.status, query.limit) },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/alerts/:id/acknowledge',
      tag: 'alerts',
      summary: 'Acknowledge a firing alert: stops escalation and repeats, acknowledges upstream.',
      response: z.object({
        id: z.string(),
        status: z.literal('acknowledged'),
        acknowledgedAt: z.number(),
      }),
      handle: async ({ caller, params }) => {
        const id = params['id'] ?? '';
        const found = (await records(caller, undefined, 1000)).find(
          (entry) => entry.record.id === id,
        );
        if (!found) throw notFound('alert');
        if (found.record.status === 'resolved') {
          throw new EnterpriseHubError({
            code: 'VALIDATION_FAILED',
            message: 'The alert is resolved; only firing alerts can be acknowledged.',
          });
        }
        const result = await engine.acknowledge({ fingerprint: id, by: caller.keyId });
        if (result.kind !== 'not_found') {
          return {
            body: {
              id,
              status: 'acknowledged',
              acknowledgedAt: result.alert.acknowledgedAt ?? runtime.clock.now(),
            },
          };
        }
        // Tracked by another process (the worker evaluates): recorded for it, history updated now.
        const acknowledged = await saveAcknowledgement(runtime, { ...found, by: caller.keyId });
        return {
          body: {
            id,
            status: 'acknowledged',
            acknowledgedAt: acknowledged.acknowledgedAt ?? runtime.clock.now(),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/alerts/silences',
      tag: 'alerts',
      summary:
        'Silences (active and pending; expired ones with includeExpired=true), newest first.',
      query: z.object({ includeExpired: z.enum(['true', 'false']).optional() }),
      response: z.object({ items: z.array(silenceSchema) }),
      handle: async ({ query }) => {
        await context.syncSilences();
        const silences = engine.listSilences({ includeExpired: query.includeExpired === 'true' });
        return { body: { items: silences.map(silenceView) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/alerts/silences',
      tag: 'alerts',
      summary: 'Create a silence: notifications of matching alerts are muted until endsAt.',
      allTenantsOnly: true,
      body: silenceBodySchema,
      successStatus: 201,
      response: silenceSchema,
      handle: async ({ caller, body }) => {
        requireAllTenants(caller);
        const silence = engine.createSilence({
          ...body,
          createdBy: body.createdBy ?? caller.keyId,
        });
        await store.saveSilence({ silence: toSilenceRecord(silence) });
        return { status: 201, body: silenceView(silence) };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/alerts/silences/:id',
      tag: 'alerts',
      summary: 'End a silence now.',
      allTenantsOnly: true,
      response: silenceSchema,
      handle: async ({ caller, params }) => {
        requireAllTenants(caller);
        await context.syncSilences();
        const expired = engine.expireSilence(params['id'] ?? '');
        if (!expired) throw notFound('silence');
        await store.saveSilence({ silence: toSilenceRecord(expired) });
        return { body: silenceView(expired) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/alerts/rules',
      tag: 'alerts',
      summary: 'Alert rules in evaluation order.',
      response: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
      handle: async () => Promise.resolve({ body: { items: engine.listRules() } }),
    }),
    defineRoute({
      method: 'post',
      path: '/alerts/rules',
      tag: 'alerts',
      summary: 'Add an alert rule (validated; 409 when the id exists).',
      allTenantsOnly: true,
      body: alertRuleSchema,
      successStatus: 201,
      handle: async ({ caller, body }) => {
        requireAllTenants(caller);
        const rule = engine.addRule(body);
        await context.saveRules();
        return { status: 201, body: rule };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/alerts/rules/:name',
      tag: 'alerts',
      summary: 'Change fields of an alert rule (validated as a whole).',
      allTenantsOnly: true,
      body: rulePatchSchema,
      handle: async ({ caller, params, body }) => {
        requireAllTenants(caller);
        const id = params['name'] ?? '';
        if (!engine.getRule(id)) throw notFound('alert rule');
        if (body['id'] !== undefined && body['id'] !== id) {
          throw new EnterpriseHubError({
            code: 'VALIDATION_FAILED',
            message: 'The rule id cannot change.',
          });
        }
        const rule = engine.updateRule(id, body);
        await context.saveRules();
        return { body: rule };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/alerts/rules/:name',
      tag: 'alerts',
      summary: 'Remove an alert rule (its alerts resolve at the next evaluation).',
      allTenantsOnly: true,
      response: z.object({ removed: z.string() }),
      handle: async ({ caller, params }) => {
        requireAllTenants(caller);
        const id = params['name'] ?? '';
        if (!engine.removeRule(id)) throw notFound('alert rule');
        await context.saveRules();
        return { body: { removed: id } };
      },
    }),
  ];
}
