import { GLOBAL_TENANT_ID, systemClock, type Clock, type EventBus } from '@enterprisehub/core';
import { SpendWindow } from './spend-window';

/** What the bots should do about LLM calls right now. */
export type CostGuardMode = 'normal' | 'degrade' | 'stop';

/** Hourly spend limits of one scope, USD. */
export interface CostGuardLimits {
  /** Above this, degrade (cheaper model, then rules engine). */
  softLimitUsdPerHour: number;
  /** Above this, stop LLM calls (rules engine only) and fire a critical alert. */
  hardLimitUsdPerHour: number;
}

/** The guard's verdict for one tenant, with the figures behind it. */
export interface CostGuardState {
  /** `stop` above a hard limit, `degrade` above a soft limit, else `normal` (worst of deployment and tenant). */
  mode: CostGuardMode;
  /** Which limit decided a non-normal mode. */
  limitedBy?: 'deployment' | 'tenant';
  /** Deployment-wide LLM spend over the last hour, USD. */
  spentUsdLastHour: number;
  /** Deployment soft limit, USD per hour. */
  softLimitUsd: number;
  /** Deployment hard limit, USD per hour. */
  hardLimitUsd: number;
  /** This tenant's spend over the last hour, USD. */
  tenantSpentUsdLastHour: number;
  /** Tenant soft limit, when the tenant has limits. */
  tenantSoftLimitUsd?: number;
  /** Tenant hard limit, when the tenant has limits. */
  tenantHardLimitUsd?: number;
  /** Deployment-wide calls in the last hour whose cost was unknown (not counted in spend). */
  unknownCostCallsLastHour: number;
  /** When the mode is not `normal`: earliest time (ms from now) at which the oldest counted spend leaves the window. */
  retryAfterMs: number;
}

/** Options for {@link CostGuard.record}. */
export interface CostGuardRecordOptions {
  /** Tenant billed. */
  tenantId: string;
  /** Cost of the call, USD; `undefined` when the model had no price (counted as unknown). */
  costUsd: number | undefined;
  /** When the call finished, epoch ms; defaults to now. */
  at?: number;
}

/** Hourly LLM spend guard; bots (or `withCostGuard`) ask it before each model call. */
export interface CostGuard {
  /** The current verdict for a tenant. */
  check(options: { tenantId: string }): CostGuardState;
  /** Adds one call's cost; returns the verdict after it (and fires the alert when a hard limit is crossed). */
  record(options: CostGuardRecordOptions): CostGuardState;
}

/** Options for {@link createCostGuard}. */
export interface CostGuardOptions {
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
  /** Bus on which `alert.fired` / `alert.resolved` are emitted when a scope enters / leaves `stop`. */
  events?: EventBus;
  /** Deployment soft limit. @defaultValue 50 */
  softLimitUsdPerHour?: number;
  /** Deployment hard limit (emergency stop). @defaultValue 100 */
  hardLimitUsdPerHour?: number;
  /** Per-tenant limits (e.g. from `tenant.llm.hourlyLimitUsd` / `emergencyStopUsd`); none when it returns `undefined`. */
  tenantLimits?: (tenantId: string) => CostGuardLimits | undefined;
}

/** Rule id of the alert fired when an hourly hard limit is crossed. */
export const COST_GUARD_ALERT_RULE_ID = 'llm_cost_emergency_stop';

const HOUR_MS = 3_600_000;
const modeOf = (spent: number, limits: CostGuardLimits | undefined): CostGuardMode =>
  !limits
    ? 'normal'
    : spent >= limits.hardLimitUsdPerHour
      ? 'stop'
      : spent >= limits.softLimitUsdPerHour
        ? 'degrade'
        : 'normal';
const RANK: Record<CostGuardMode, number> = { normal: 0, degrade: 1, stop: 2 };

/**
 * Creates the hourly LLM spend guard: above the soft limit ($50/h by default) bots degrade to a
 * cheaper model and then the rules engine; above the hard limit ($100/h) model calls stop, the rules
 * engine answers and a critical `alert.fired` event is emitted once per crossing (with
 * `alert.resolved` when spend drops back). Deployment-wide and per-tenant limits both apply.
 *
 * @example
 * ```ts
 * const guard = createCostGuard({ events: bus, tenantLimits: (id) => limitsFromTenant(registry.get(id)) });
 * if (guard.check({ tenantId }).mode === 'stop') return rulesEngine.reply(message);
 * ```
 */
export function createCostGuard(options: CostGuardOptions = {}): CostGuard {
  const clock = options.clock ?? systemClock;
  const deploymentLimits: CostGuardLimits = {
    softLimitUsdPerHour: options.softLimitUsdPerHour ?? 50,
    hardLimitUsdPerHour: options.hardLimitUsdPerHour ?? 100,
  };
  const deployment = new SpendWindow(HOUR_MS, 60);
  const tenants = new Map<string, SpendWindow>();
  const stopped = new Set<string>();

  const windowOf = (tenantId: string): SpendWindow => {
    let window = tenants.get(tenantId);
    if (!window) {
      window = new SpendWindow(HOUR_MS, 60);
      tenants.set(tenantId, window);
    }
    return window;
  };

  const edge = (scopeTenantId: string, isStopped: boolean, at: number): void => {
    const fingerprint = `${COST_GUARD_ALERT_RULE_ID}:${scopeTenantId}`;
    if (isStopped === stopped.has(scopeTenantId)) return;
    if (isStopped) {
      stopped.add(scopeTenantId);
      options.events?.emit('alert.fired', {
        tenantId: scopeTenantId,
        at,
        ruleId: COST_GUARD_ALERT_RULE_ID,
        severity: 'critical',
        fingerprint,
      });
    } else {
      stopped.delete(scopeTenantId);
      options.events?.emit('alert.resolved', {
        tenantId: scopeTenantId,
        at,
        ruleId: COST_GUARD_ALERT_RULE_ID,
        fingerprint,
      });
    }
  };

  const evaluate = (tenantId: string): CostGuardState => {
    const now = clock.now();
    const overall = deployment.read(now);
    const own = tenants.get(tenantId)?.read(now) ?? {
      spentUsd: 0,
      unknownCostCalls: 0,
      oldestSlotEndsInMs: 0,
    };
    const tenantLimits = options.tenantLimits?.(tenantId);
    const deploymentMode = modeOf(overall.spentUsd, deploymentLimits);
    const tenantMode = modeOf(own.spentUsd, tenantLimits);
    edge(GLOBAL_TENANT_ID, deploymentMode === 'stop', now);
    if (tenantLimits) edge(tenantId, tenantMode === 'stop', now);
    const byTenant = RANK[tenantMode] > RANK[deploymentMode];
    const mode = byTenant ? tenantMode : deploymentMode;
    return {
      mode,
      ...(mode === 'normal' ? {} : { limitedBy: byTenant ? 'tenant' : 'deployment' }),
      spentUsdLastHour: overall.spentUsd,
      softLimitUsd: deploymentLimits.softLimitUsdPerHour,
      hardLimitUsd: deploymentLimits.hardLimitUsdPerHour,
      tenantSpentUsdLastHour: own.spentUsd,
      ...(tenantLimits
        ? {
            tenantSoftLimitUsd: tenantLimits.softLimitUsdPerHour,
            tenantHardLimitUsd: tenantLimits.hardLimitUsdPerHour,
          }
        : {}),
      unknownCostCallsLastHour: overall.unknownCostCalls,
      retryAfterMs:
        mode === 'normal'
          ? 0
          : Math.max(0, byTenant ? own.oldestSlotEndsInMs : overall.oldestSlotEndsInMs),
    };
  };

  return {
    check: ({ tenantId }) => evaluate(tenantId),
    record({ tenantId, costUsd, at }) {
      const when = at ?? clock.now();
      const known = costUsd !== undefined && Number.isFinite(costUsd) && costUsd >= 0;
      const amount = known ? costUsd : 0;
      deployment.add(when, amount, !known);
      windowOf(tenantId).add(when, amount, !known);
      return evaluate(tenantId);
    },
  };
}
