import type { BotName } from '@enterprisehub/core';

/** What a tracked operation belongs to: one of the three bots, or the handoff service. */
export type TrackedComponent = BotName | 'handoff';

/** Every {@link TrackedComponent}. */
export const TRACKED_COMPONENTS: readonly TrackedComponent[] = [
  'lead',
  'buyer',
  'seller',
  'handoff',
];

/** Narrows a string (e.g. a stored label) to a {@link TrackedComponent}. */
export const isTrackedComponent = (value: string | undefined): value is TrackedComponent =>
  (TRACKED_COMPONENTS as readonly (string | undefined)[]).includes(value);

/**
 * Operation names from the SLA table (`full_qualification`, `process`, `handoff`, and `execute`
 * for the handoff service); any other name is accepted and tracked too.
 */
export type TrackedOperation =
  'full_qualification' | 'process' | 'handoff' | 'execute' | (string & {});

/** Rolling windows the tracker answers for: 1h is exact, 24h and 7d are sketched (±1%). */
export type TrackerWindow = '1h' | '24h' | '7d';

/** Length of each {@link TrackerWindow} in milliseconds. */
export const TRACKER_WINDOW_MS: Readonly<Record<TrackerWindow, number>> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 604_800_000,
};

/** One timed operation, as passed to `tracker.record()`. */
export interface PerformanceRecord {
  /** Tenant the operation ran for; omitted for deployment-wide work. */
  tenantId?: string;
  /** Bot (or `handoff` service) that ran the operation. */
  bot: TrackedComponent;
  /** Operation name, e.g. `process`. */
  operation: TrackedOperation;
  /** Wall-clock duration in milliseconds (negative or non-finite values are ignored). */
  durationMs: number;
  /** Whether the operation succeeded. */
  success: boolean;
  /** When the operation finished, epoch ms; defaults to the tracker clock's `now()`. */
  at?: number;
}

/** Query for `tracker.stats()`. */
export interface PerformanceStatsQuery {
  /** Bot (or `handoff` service). */
  bot: TrackedComponent;
  /** Operation name. */
  operation: TrackedOperation;
  /**
   * Rolling window: `1h` is exact; `24h`/`7d` are exact while the last 10,000 records cover them,
   * else sketched with ±1% relative error on percentiles.
   */
  window: TrackerWindow;
  /** Restrict to one tenant; omitted = all tenants together. */
  tenantId?: string;
}

/** Latency statistics for one bot/operation over a window; all durations in milliseconds. */
export interface PerformanceStats {
  /** Operations recorded in the window. */
  count: number;
  /** Operations that failed in the window. */
  errorCount: number;
  /** Median duration (0 when `count` is 0). */
  p50: number;
  /** 95th-percentile duration. */
  p95: number;
  /** 99th-percentile duration. */
  p99: number;
  /** Mean duration. */
  mean: number;
  /** Shortest duration. */
  min: number;
  /** Longest duration. */
  max: number;
  /**
   * True when the exact 1h window overflowed its capacity (default 10,000 entries) so older
   * entries of the hour were evicted and the figures describe only the most recent ones.
   */
  truncated: boolean;
}

/** Stats with nothing recorded. */
export const EMPTY_STATS: Readonly<PerformanceStats> = Object.freeze({
  count: 0,
  errorCount: 0,
  p50: 0,
  p95: 0,
  p99: 0,
  mean: 0,
  min: 0,
  max: 0,
  truncated: false,
});
