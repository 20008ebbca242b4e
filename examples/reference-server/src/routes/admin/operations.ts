/** Admin routes: outbox, audit log, handoff analytics, metrics snapshot and maintenance mode. */
import { AUDIT_EVENT_TYPES, GLOBAL_TENANT_ID, outboxStatusSchema } from '@enterprisehub/core';
import { z } from 'zod';
import {
  auditAccess,
  notFound,
  requireAllTenants,
  tenantsInScope,
  type AdminContext,
} from '../../admin/admin-context';
import {
  handoffAnalytics,
  handoffAnalyticsSchema,
  metricsSchema,
  queueCounts,
} from '../../admin/metrics-snapshot';
import { MAINTENANCE_SETTING } from '../../admin/admin-state';
import { defineRoute, type AdminRoute } from '../../admin/route-spec';

/** Outbox, audit, analytics, metrics and maintenance routes. */
export function operationRoutes(context: AdminContext): AdminRoute[] {
  const { runtime } = context;
  const { stores } = runtime;
  return [
    defineRoute({
      method: 'get',
      path: '/outbox',
      tag: 'outbox',
      summary:
        'CRM actions awaiting or past delivery (dead letters with `status=dead`), oldest first.',
      query: z.object({
        tenantId: z.string().min(1).optional(),
        contactId: z.string().min(1).optional(),
        status: outboxStatusSchema.optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
      handle: async ({ caller, query, requestId }) => {
        const tenantIds = tenantsInScope(context, caller, query.tenantId);
        const lists = await Promise.all(
          tenantIds.map((tenantId) =>
            stores.outbox.list({
              tenantId,
              limit: query.limit,
              ...(query.contactId === undefined ? {} : { contactId: query.contactId }),
              ...(query.status === undefined ? {} : { status: query.status }),
            }),
          ),
        );
        const items = lists
          .flat()
          .sort((a, b) => a.createdAt - b.createdAt)
          .slice(0, query.limit)
          .map(({ leaseToken: _lease, ...entry }) => entry);
        for (const tenantId of tenantIds) {
          const contactIds = [
            ...new Set(
              items.filter((item) => item.tenantId === tenantId).map((item) => item.contactId),
            ),
          ];
          if (contactIds.length === 0) continue;
          await auditAccess(context, {
            caller,
            tenantId,
            ...(query.contactId === undefined ? {} : { contactId: query.contactId }),
            action: 'outbox.list',
            requestId,
            data: { contactIds },
          });
        }
        return { body: { items } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/outbox/:id/retry',
      tag: 'outbox',
      summary: 'Move a dead-lettered outbox entry back to pending with zero attempts.',
      query: z.object({ tenantId: z.string().min(1).optional() }),
      response: z.object({ id: z.string(), tenantId: z.string(), status: z.literal('pending') }),
      handle: async ({ caller, query, params }) => {
        const id = params['id'] ?? '';
        for (const tenantId of tenantsInScope(context, caller, query.tenantId)) {
          if (await stores.outbox.retryDeadLetter({ tenantId, id })) {
            runtime.logger.info(
              { tenantId, entryId: id, by: caller.keyId },
              'outbox dead letter retried',
            );
            return { body: { id, tenantId, status: 'pending' } };
          }
        }
        throw notFound('dead-lettered outbox entry');
      },
    }),
    defineRoute({
      method: 'get',
      path: '/audit',
      tag: 'audit',
      summary: 'Audit log query, newest first (ids, codes and reasons; no raw PII).',
      query: z.object({
        tenantId: z.string().min(1).optional(),
        contactId: z.string().min(1).optional(),
        type: z
          .string()
          .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/)
          .optional()
          .meta({ description: `Event type, e.g. ${AUDIT_EVENT_TYPES.slice(0, 4).join(', ')}` }),
        since: z.coerce.number().int().nonnegative().optional().meta({ description: 'Epoch ms.' }),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
      handle: async ({ caller, query }) => {
        const tenantIds = tenantsInScope(context, caller, query.tenantId);
        const lists = await Promise.all(
          tenantIds.map((tenantId) =>
            stores.audit.query({
              tenantId,
              order: 'desc',
              limit: query.limit,
              ...(query.contactId === undefined ? {} : { contactId: query.contactId }),
              ...(query.type === undefined ? {} : { type: query.type }),
              ...(query.since === undefined ? {} : { from: query.since }),
            }),
          ),
        );
        const items = lists
          .flat()
          .sort((a, b) => b.at - a.at)
          .slice(0, query.limit);
        return { body: { items } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/handoffs/analytics',
      tag: 'metrics',
      summary:
        'Handoff totals, successes, refusals by reason, success rate and flows between bots.',
      query: z.object({ tenantId: z.string().min(1).optional() }),
      response: handoffAnalyticsSchema,
      handle: async ({ caller, query }) =>
        Promise.resolve({
          body: handoffAnalytics(context, tenantsInScope(context, caller, query.tenantId)),
        }),
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      tag: 'metrics',
      summary:
        'Snapshot: SLA P50/P95/P99 per bot vs targets, cache hit rate, LLM cost, handoffs, queue.',
      response: metricsSchema,
      handle: async ({ caller }) => {
        const { tracker, costGuard } = runtime.observability;
        const scoped = caller.scope !== '*';
        const tenantIds = tenantsInScope(context, caller, undefined);
        const sla = tracker
          .slaCompliance(scoped ? { tenantId: caller.scope } : {})
          .map((entry) => ({
            bot: entry.bot,
            operation: entry.operation,
            count: entry.actual.count,
            p50: entry.actual.p50Ms,
            p95: entry.actual.p95Ms,
            p99: entry.actual.p99Ms,
            target: { p50: entry.target.p50Ms, p95: entry.target.p95Ms, p99: entry.target.p99Ms },
            compliant: entry.compliant,
            status: entry.status,
          }));
        const stats = runtime.cache.stats();
        const reads = stats.l1.hits + stats.l1.misses;
        const hits = stats.l1.hits + stats.l2.hits;
        const deployment = costGuard.check({ tenantId: scoped ? caller.scope : GLOBAL_TENANT_ID });
        return {
          body: {
            sla,
            cache: { hits, misses: reads - hits, hitRate: reads > 0 ? hits / reads : 0 },
            cost: {
              lastHourUsd: scoped ? deployment.tenantSpentUsdLastHour : deployment.spentUsdLastHour,
              perHour: scoped ? [] : context.costHistory.perHour(),
              perTenant: tenantIds.map((tenantId) => ({
                tenantId,
                usd: costGuard.check({ tenantId }).tenantSpentUsdLastHour,
              })),
              limits: {
                degradeUsdPerHour: deployment.softLimitUsd,
                stopUsdPerHour: deployment.hardLimitUsd,
              },
              state: deployment.mode,
            },
            handoffs: handoffAnalytics(context, tenantIds),
            queue: await queueCounts(context, caller),
            maintenance: runtime.maintenance.enabled,
            at: runtime.clock.now(),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maintenance',
      tag: 'maintenance',
      summary: 'Whether deployment-wide maintenance mode is on (webhooks accepted, bots silent).',
      response: z.object({ enabled: z.boolean() }),
      handle: async () => {
        // The stored switch is the truth shared by instances; this process follows it.
        const stored = await stores.admin.getSetting({ name: MAINTENANCE_SETTING });
        const enabled =
          typeof stored === 'object' && stored !== null && !Array.isArray(stored)
            ? stored['enabled'] === true
            : runtime.maintenance.enabled;
        runtime.maintenance.enabled = enabled;
        return { body: { enabled } };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/maintenance',
      tag: 'maintenance',
      summary: 'Turn deployment-wide maintenance mode on or off.',
      allTenantsOnly: true,
      body: z.object({ enabled: z.boolean() }),
      response: z.object({ enabled: z.boolean() }),
      handle: async ({ caller, body }) => {
        requireAllTenants(caller);
        runtime.maintenance.enabled = body.enabled;
        await stores.admin.putSetting({
          name: MAINTENANCE_SETTING,
          value: { enabled: body.enabled },
        });
        runtime.logger.warn(
          { enabled: body.enabled, by: caller.keyId },
          'maintenance mode changed',
        );
        return { body: { enabled: body.enabled } };
      },
    }),
  ];
}
