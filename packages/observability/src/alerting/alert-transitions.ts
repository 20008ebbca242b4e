import type { AlertSeverity } from '@enterprisehub/core';
import type { AlertEntry } from './alert-entry';
import type { AlertRule } from './alert-rule';
import type { AlertSeries } from './alert-series';

const SEVERITY_RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

/**
 * State edges produced by one evaluation.
 *
 * @internal
 */
export interface AlertEdges {
  /** Entries that went pending → firing. */
  fired: AlertEntry[];
  /** Entries that went firing → resolved (already removed from the map). */
  resolved: AlertEntry[];
}

/** Options for {@link applySeries}. */
interface ApplySeriesOptions {
  entries: Map<string, AlertEntry>;
  rule: AlertRule;
  series: AlertSeries;
  now: number;
  edges: AlertEdges;
}

const newEntry = (rule: AlertRule, series: AlertSeries, now: number): AlertEntry => ({
  fingerprint: series.fingerprint,
  id: undefined,
  ruleId: rule.id,
  name: rule.name,
  state: 'pending',
  severity: rule.severity,
  seriesLabels: series.labels,
  tenantId: series.tenantId,
  metric: series.metricName,
  value: series.value,
  threshold: rule.threshold,
  samples: series.samples,
  freshBreach: false,
  activeSince: now,
  firedAt: undefined,
  acknowledgedAt: undefined,
  acknowledgedBy: undefined,
  escalationLevel: 0,
  ladderStartedAt: undefined,
  lastNotifiedAt: undefined,
  upgraded: false,
  notifiedChannels: new Set(),
  failedChannels: new Set(),
  suppression: undefined,
});

/**
 * Moves one series' alert through inactive → pending → firing → resolved. Below `minSamples` (verdict
 * `unknown`) a pending alert drops back to inactive and a firing one keeps firing without fresh evidence.
 *
 * @internal
 */
export function applySeries(options: ApplySeriesOptions): void {
  const { entries, rule, series, now, edges } = options;
  const entry = entries.get(series.fingerprint);
  const { verdict } = series;
  if (verdict.kind !== 'breach') {
    if (!entry) return;
    entry.freshBreach = false;
    if (entry.state === 'pending') entries.delete(entry.fingerprint);
    else if (verdict.kind === 'ok') resolveEntry({ entries, entry, edges });
    return;
  }
  const current = entry ?? newEntry(rule, series, now);
  if (!entry) entries.set(current.fingerprint, current);
  const previousSeverity = current.severity;
  current.name = rule.name;
  current.value = series.value;
  current.samples = series.samples;
  current.threshold = verdict.threshold;
  current.severity = verdict.severity;
  current.freshBreach = true;
  if (current.state === 'pending') {
    if (now - current.activeSince >= rule.forMs) {
      current.state = 'firing';
      current.firedAt = now;
      current.id = `${current.fingerprint}-${now}`;
      edges.fired.push(current);
    }
    return;
  }
  if (SEVERITY_RANK[verdict.severity] > SEVERITY_RANK[previousSeverity]) {
    current.upgraded = true;
    current.acknowledgedAt = undefined;
    current.acknowledgedBy = undefined;
  }
}

/**
 * Resolves a firing entry (or forgets a pending one).
 *
 * @internal
 */
export function resolveEntry(options: {
  entries: Map<string, AlertEntry>;
  entry: AlertEntry;
  edges: AlertEdges;
}): void {
  const { entries, entry, edges } = options;
  entries.delete(entry.fingerprint);
  if (entry.state === 'firing') edges.resolved.push(entry);
}
