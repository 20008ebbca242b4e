import { GLOBAL_TENANT_ID, systemClock } from '@enterprisehub/core';
import {
  EMPTY_STATS,
  isTrackedComponent,
  TRACKER_WINDOW_MS,
  type PerformanceRecord,
  type PerformanceStats,
  type PerformanceStatsQuery,
} from './performance-types';
import type {
  PerformanceTracker,
  PerformanceTrackerOptions,
  TrackerRestoreResult,
} from './performance-tracker-types';
import { checkSla, DEFAULT_SLA_TARGETS } from './sla-targets';
import { loadRecentSamples, PERFORMANCE_SAMPLE_NAME } from './tracker-restore';
import { SeriesScope } from './tracker-series';
import { WriteBehindBuffer } from './write-behind-buffer';

const isTenant = (tenantId: string | undefined): tenantId is string =>
  tenantId !== undefined && tenantId !== GLOBAL_TENANT_ID;

/**
 * Creates a performance tracker: the 1h window is exact (nearest-rank percentiles over a
 * typed-array ring buffer of at most 10,000 entries per series); 24h and 7d merge time-bucketed
 * DDSketches (±1% relative error) so they cover the real elapsed time however busy it was.
 *
 * @example
 * ```ts
 * const tracker = createPerformanceTracker({ clock });
 * tracker.record({ tenantId: 't1', bot: 'lead', operation: 'process', durationMs: 120, success: true });
 * tracker.stats({ bot: 'lead', operation: 'process', window: '1h' }); // { count: 1, p95: 120, … }
 * ```
 */
export function createPerformanceTracker(
  options: PerformanceTrackerOptions = {},
): PerformanceTracker {
  const clock = options.clock ?? systemClock;
  const capacity = options.exactWindowCapacity ?? 10_000;
  const perTenant = options.perTenant ?? true;
  const targets = options.slaTargets ?? DEFAULT_SLA_TARGETS;
  const global = new SeriesScope(capacity);
  const tenants = new Map<string, SeriesScope>();
  const incompleteBefore = new Map<string, number>();
  const buffer = options.repository
    ? new WriteBehindBuffer({ repository: options.repository, clock, ...options.persistence })
    : undefined;

  const scopeOf = (tenantId: string): SeriesScope => {
    let scope = tenants.get(tenantId);
    if (scope === undefined) {
      scope = new SeriesScope(capacity);
      tenants.set(tenantId, scope);
    }
    return scope;
  };

  /** Adds a validated record (with its time resolved) to the deployment and tenant series. */
  const apply = (record: PerformanceRecord, at: number): void => {
    const { tenantId, bot, operation, durationMs, success } = record;
    global.obtain(bot, operation).record(at, durationMs, success);
    if (perTenant && isTenant(tenantId)) {
      scopeOf(tenantId).obtain(bot, operation).record(at, durationMs, success);
    }
  };

  const stats = (query: PerformanceStatsQuery): PerformanceStats => {
    const now = clock.now();
    const scope = isTenant(query.tenantId) ? tenants.get(query.tenantId) : global;
    const result = scope?.stats(query, now) ?? {
      ...EMPTY_STATS,
    };
    const gapEnd = incompleteBefore.get(
      isTenant(query.tenantId) ? query.tenantId : GLOBAL_TENANT_ID,
    );
    if (gapEnd !== undefined && now - TRACKER_WINDOW_MS[query.window] < gapEnd)
      result.truncated = true;
    return result;
  };

  return {
    record(record) {
      const { durationMs } = record;
      if (!Number.isFinite(durationMs) || durationMs < 0) return;
      const at = record.at ?? clock.now();
      apply(record, at);
      buffer?.push(isTenant(record.tenantId) ? record.tenantId : GLOBAL_TENANT_ID, {
        name: PERFORMANCE_SAMPLE_NAME,
        value: durationMs,
        at: Math.max(0, Math.round(at)),
        labels: {
          bot: record.bot,
          operation: record.operation,
          success: record.success ? 'true' : 'false',
        },
      });
    },
    stats,
    slaCompliance(complianceOptions = {}) {
      const window = complianceOptions.window ?? '1h';
      const { tenantId } = complianceOptions;
      const table = typeof targets === 'function' ? targets(tenantId) : targets;
      return table.map((target) =>
        checkSla(
          target,
          stats({
            bot: target.bot,
            operation: target.operation,
            window,
            ...(tenantId === undefined ? {} : { tenantId }),
          }),
        ),
      );
    },
    series(seriesOptions = {}) {
      const scope = isTenant(seriesOptions.tenantId) ? tenants.get(seriesOptions.tenantId) : global;
      return scope?.keys() ?? [];
    },
    async restore(restoreOptions) {
      const repository = options.repository;
      if (!repository) return { restored: 0, cappedTenants: [] };
      const now = clock.now();
      const from = now - TRACKER_WINDOW_MS['7d'];
      const ids = [GLOBAL_TENANT_ID, ...restoreOptions.tenantIds.filter(isTenant)];
      const result: TrackerRestoreResult = { restored: 0, cappedTenants: [] };
      for (const tenantId of new Set(ids)) {
        const loaded = await loadRecentSamples({
          repository,
          tenantId,
          from,
          pageSize: 10_000,
          maxSamples: restoreOptions.maxSamplesPerTenant ?? 100_000,
          ...(restoreOptions.signal ? { signal: restoreOptions.signal } : {}),
        });
        for (const sample of loaded.samples) {
          const { bot, operation, success } = sample.labels;
          if (!isTrackedComponent(bot) || operation === undefined) continue;
          apply(
            { tenantId, bot, operation, durationMs: sample.value, success: success !== 'false' },
            sample.at,
          );
          result.restored += 1;
        }
        const oldest = loaded.samples[0]?.at;
        if (loaded.capped && oldest !== undefined) {
          result.cappedTenants.push(tenantId);
          incompleteBefore.set(tenantId, oldest);
          incompleteBefore.set(
            GLOBAL_TENANT_ID,
            Math.max(oldest, incompleteBefore.get(GLOBAL_TENANT_ID) ?? oldest),
          );
        }
      }
      return result;
    },
    flush: async () => buffer?.flush(),
    close: async () => buffer?.close(),
    persistenceStats: () => buffer?.stats(),
  };
}
