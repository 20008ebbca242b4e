import type { AlertSeverity } from '@enterprisehub/core';
import type { Alert, AlertState, AlertSuppression } from './alert';

/**
 * Mutable engine-side state of one tracked alert.
 *
 * @internal
 */
export interface AlertEntry {
  fingerprint: string;
  id: string | undefined;
  ruleId: string;
  name: string;
  state: 'pending' | 'firing';
  severity: AlertSeverity;
  seriesLabels: Record<string, string>;
  tenantId: string | undefined;
  metric: string;
  value: number;
  threshold: number;
  samples: number;
  /** Whether the latest evaluation confirmed the breach (repeats need fresh evidence). */
  freshBreach: boolean;
  activeSince: number;
  firedAt: number | undefined;
  acknowledgedAt: number | undefined;
  acknowledgedBy: string | undefined;
  escalationLevel: number;
  ladderStartedAt: number | undefined;
  lastNotifiedAt: number | undefined;
  /** Set when the severity rose while firing: notify again and restart the ladder. */
  upgraded: boolean;
  notifiedChannels: Set<string>;
  failedChannels: Set<string>;
  suppression: AlertSuppression | undefined;
}

/**
 * Full label set of an entry: series labels plus `alertname` and `severity`.
 *
 * @internal
 */
export function entryLabels(entry: AlertEntry): Record<string, string> {
  return { ...entry.seriesLabels, alertname: entry.ruleId, severity: entry.severity };
}

/**
 * Read-only snapshot of an entry.
 *
 * @internal
 */
export function toAlertView(
  entry: AlertEntry,
  state: AlertState = entry.state,
  resolvedAt?: number,
): Alert {
  return Object.freeze({
    fingerprint: entry.fingerprint,
    id: entry.id,
    ruleId: entry.ruleId,
    name: entry.name,
    state,
    severity: entry.severity,
    labels: Object.freeze(entryLabels(entry)),
    tenantId: entry.tenantId,
    metric: entry.metric,
    value: entry.value,
    threshold: entry.threshold,
    samples: entry.samples,
    activeSince: entry.activeSince,
    firedAt: entry.firedAt,
    resolvedAt,
    acknowledgedAt: entry.acknowledgedAt,
    acknowledgedBy: entry.acknowledgedBy,
    escalationLevel: entry.escalationLevel,
    notifiedChannels: Object.freeze([...entry.notifiedChannels]),
    lastNotifiedAt: entry.lastNotifiedAt,
    suppression: entry.suppression,
  });
}
