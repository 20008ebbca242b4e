import type { AlertRecord } from '@enterprisehub/core';
import { entryLabels, type AlertEntry } from './alert-entry';
import { formatMetricValue } from './build-alert-notification';

/**
 * History record of an entry's current episode.
 *
 * @internal
 */
export function toAlertRecord(
  entry: AlertEntry,
  status: AlertRecord['status'],
  resolvedAt?: number,
): AlertRecord {
  const firedAt = entry.firedAt ?? entry.activeSince;
  return {
    id: entry.id ?? `${entry.fingerprint}-${firedAt}`,
    ruleId: entry.ruleId,
    fingerprint: entry.fingerprint,
    severity: entry.severity,
    status,
    message: `${entry.name}: ${entry.metric} = ${formatMetricValue(entry.metric, entry.value)} (threshold ${formatMetricValue(
      entry.metric,
      entry.threshold,
    )}).`,
    value: entry.value,
    escalationLevel: Math.max(1, entry.escalationLevel),
    firedAt,
    ...(entry.acknowledgedAt === undefined ? {} : { acknowledgedAt: entry.acknowledgedAt }),
    ...(entry.acknowledgedBy === undefined ? {} : { acknowledgedBy: entry.acknowledgedBy }),
    ...(resolvedAt === undefined ? {} : { resolvedAt }),
    labels: entryLabels(entry),
  };
}
