export { nearestRankPercentile } from './nearest-rank';
export { createPerformanceTracker } from './performance-tracker';
export type {
  PerformanceTracker,
  PerformanceTrackerOptions,
  SlaComplianceOptions,
  TrackerRestoreOptions,
  TrackerRestoreResult,
} from './performance-tracker-types';
export {
  EMPTY_STATS,
  isTrackedComponent,
  TRACKED_COMPONENTS,
  TRACKER_WINDOW_MS,
} from './performance-types';
export type {
  PerformanceRecord,
  PerformanceStats,
  PerformanceStatsQuery,
  TrackedComponent,
  TrackedOperation,
  TrackerWindow,
} from './performance-types';
export { SKETCH_RELATIVE_ACCURACY } from './sketch-window';
export { checkSla, DEFAULT_SLA_TARGETS } from './sla-targets';
export type { SlaComplianceEntry, SlaTarget, SlaTargetsOption } from './sla-targets';
export { PERFORMANCE_SAMPLE_NAME } from './tracker-restore';
export type { WriteBehindOptions, WriteBehindStats } from './write-behind-buffer';
