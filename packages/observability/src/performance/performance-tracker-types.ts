import type { Clock, MetricsRepository } from '@enterprisehub/core';
import type {
  PerformanceRecord,
  PerformanceStats,
  PerformanceStatsQuery,
  TrackerWindow,
} from './performance-types';
import type { SlaComplianceEntry, SlaTargetsOption } from './sla-targets';
import type { WriteBehindOptions, WriteBehindStats } from './write-behind-buffer';

/** Options for `createPerformanceTracker`. */
export interface PerformanceTrackerOptions {
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
  /** Persist every record (write-behind, bounded) so `restore()` can refill the windows after a restart. */
  repository?: MetricsRepository;
  /** SLA targets, one table or one per tenant. @defaultValue `DEFAULT_SLA_TARGETS` */
  slaTargets?: SlaTargetsOption;
  /** Entries the exact 1h window keeps per series. @defaultValue 10000 */
  exactWindowCapacity?: number;
  /** Keep per-tenant series besides the deployment-wide ones. @defaultValue true */
  perTenant?: boolean;
  /** Write-behind tuning (flush interval, batch size, bound, error callback). */
  persistence?: Pick<
    WriteBehindOptions,
    'flushIntervalMs' | 'batchSize' | 'maxPending' | 'onError' | 'pruneOlderThanMs'
  >;
}

/** Options for {@link PerformanceTracker.slaCompliance}. */
export interface SlaComplianceOptions {
  /** Window to check. @defaultValue '1h' */
  window?: TrackerWindow;
  /** Check one tenant against its targets; omitted = the whole deployment. */
  tenantId?: string;
}

/** Options for {@link PerformanceTracker.restore}. */
export interface TrackerRestoreOptions {
  /** Tenants to reload; deployment-wide records (`GLOBAL_TENANT_ID`) are always reloaded. */
  tenantIds: readonly string[];
  /** Most samples reloaded per tenant (newest first). @defaultValue 100000 */
  maxSamplesPerTenant?: number;
  /** Aborts the reload. */
  signal?: AbortSignal;
}

/** What {@link PerformanceTracker.restore} reloaded. */
export interface TrackerRestoreResult {
  /** Samples put back into the windows. */
  restored: number;
  /** Tenants whose history was longer than `maxSamplesPerTenant` (their older windows report `truncated`). */
  cappedTenants: string[];
}

/** Rolling latency statistics per bot and operation, with SLA checks and optional persistence. */
export interface PerformanceTracker {
  /** Records one finished operation; O(1), never throws, never waits for I/O. */
  record(record: PerformanceRecord): void;
  /** Count, errors and latency percentiles of one bot/operation over a window. */
  stats(query: PerformanceStatsQuery): PerformanceStats;
  /** Checks every bot/operation of the SLA table (the tenant's, if given) over a window. */
  slaCompliance(options?: SlaComplianceOptions): SlaComplianceEntry[];
  /** The (bot, operation) pairs recorded so far, for the deployment or one tenant. */
  series(options?: { tenantId?: string }): { bot: string; operation: string }[];
  /** Reloads the last 7 days of persisted records (call once at start-up, before recording). */
  restore(options: TrackerRestoreOptions): Promise<TrackerRestoreResult>;
  /** Writes pending records to the repository now. */
  flush(): Promise<void>;
  /** Flushes and stops the persistence timer. */
  close(): Promise<void>;
  /** Write-behind counters, or `undefined` without a repository. */
  persistenceStats(): WriteBehindStats | undefined;
}
