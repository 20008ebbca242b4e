/** Figures behind `GET /metrics` and `GET /handoffs/analytics`. */
import { z } from 'zod';
import type { AdminContext } from './admin-context';
import type { Caller } from './credentials';

/** Handoff analytics summed over tenants. */
export const handoffAnalyticsSchema = z.object({
  total: z.number(),
  successful: z.number(),
  blocked: z.number(),
  blockedByReason: z.record(z.string(), z.number()),
  successRate: z.number(),
  flows: z.array(z.object({ from: z.string(), to: z.string(), count: z.number() })),
});

type HandoffAnalyticsBody = z.output<typeof handoffAnalyticsSchema>;

export function handoffAnalytics(context: AdminContext, tenantIds: string[]): HandoffAnalyticsBody {
  const total = { total: 0, successful: 0, blocked: 0 };
  const blockedByReason: Record<string, number> = {};
  const routes: Record<string, number> = {};
  for (const tenantId of tenantIds) {
    const analytics = context.runtime.bots.handoffAnalytics({ tenantId });
    total.total += analytics.total;
    total.successful += analytics.successful;
    total.blocked += analytics.blocked;
    for (const [reason, count] of Object.entries(analytics.blockedByReason))
      blockedByReason[reason] = (blockedByReason[reason] ?? 0) + count;
    for (const [route, count] of Object.entries(analytics.byRoute))
      routes[route] = (routes[route] ?? 0) + count;
  }
  const flows = Object.entries(routes).map(([route, count]) => {
    const [from = '', to = ''] = route.split('->');
    return { from, to, count };
  });
  return {
    ...total,
    blockedByReason,
    successRate: total.total > 0 ? total.successful / total.total : 1,
    flows,
  };
}

export const metricsSchema = z.object({
  sla: z.array(
    z.object({
      bot: z.string(),
      operation: z.string(),
      count: z.number(),
      p50: z.number(),
      p95: z.number(),
      p99: z.number(),
      target: z.object({ p50: z.number(), p95: z.number(), p99: z.number() }),
      compliant: z.boolean(),
      status: z.string(),
    }),
  ),
  cache: z.object({ hits: z.number(), misses: z.number(), hitRate: z.number() }),
  cost: z.object({
    lastHourUsd: z.number(),
    perHour: z.array(z.object({ hour: z.number(), usd: z.number() })),
    perTenant: z.array(z.object({ tenantId: z.string(), usd: z.number() })),
    limits: z.object({ degradeUsdPerHour: z.number(), stopUsdPerHour: z.number() }),
    state: z.enum(['normal', 'degrade', 'stop']),
  }),
  handoffs: handoffAnalyticsSchema,
  queue: z.object({
    waiting: z.number(),
    delayed: z.number(),
    active: z.number(),
    failed: z.number(),
  }),
  maintenance: z.boolean(),
  at: z.number(),
});

export async function queueCounts(
  context: AdminContext,
  caller: Caller,
): Promise<z.output<typeof metricsSchema>['queue']> {
  const tenantId = caller.scope === '*' ? '*' : caller.scope;
  const count = (status: 'waiting' | 'delayed' | 'active' | 'failed'): Promise<number> =>
    context.runtime.queue.count({ tenantId, status }).catch(() => -1);
  const [waiting, delayed, active, failed] = await Promise.all([
    count('waiting'),
    count('delayed'),
    count('active'),
    count('failed'),
  ]);
  return { waiting, delayed, active, failed };
}
