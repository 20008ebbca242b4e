import type { AlertNotification } from '@enterprisehub/core';
import type { Alert } from './alert';

/**
 * Formats a metric value for humans: rates as percentages, `_ms`/latency values in ms, other numbers with up
 * to four significant digits.
 */
export function formatMetricValue(metric: string, value: number): string {
  if (/rate$/.test(metric) && value >= 0 && value <= 1) return `${(value * 100).toFixed(1)}%`;
  if (/(_ms|_p\d+|latency)$/.test(metric)) return `${Math.round(value)} ms`;
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

const describeLabels = (alert: Alert): string => {
  const shown = Object.entries(alert.labels).filter(
    ([name]) => name !== 'alertname' && name !== 'severity',
  );
  return shown.length === 0
    ? ''
    : ` (${shown.map(([name, value]) => `${name}=${value}`).join(', ')})`;
};

/** Options for {@link buildAlertNotification}. */
export interface BuildAlertNotificationOptions {
  /** The alert. */
  alert: Alert;
  /** What happened. */
  status: AlertNotification['status'];
  /** Escalation level of this notification (1–3). */
  escalationLevel: number;
  /** Rule description, if any. */
  description?: string;
  /** Rule annotations. */
  annotations?: Readonly<Record<string, string>>;
  /** Dashboard link. */
  externalUrl?: string;
  /** Resolution time, epoch ms. */
  resolvedAt?: number;
}

/** Builds the channel-neutral notification for an alert edge (PII-free: ids, labels and numbers only). */
export function buildAlertNotification(options: BuildAlertNotificationOptions): AlertNotification {
  const { alert, status, escalationLevel } = options;
  const level = Math.max(1, escalationLevel);
  const head =
    status === 'firing'
      ? `[FIRING:${alert.severity.toUpperCase()}${level > 1 ? ` L${level}` : ''}]`
      : `[${status.toUpperCase()}]`;
  const reading = `${alert.metric} = ${formatMetricValue(alert.metric, alert.value)} (threshold ${formatMetricValue(
    alert.metric,
    alert.threshold,
  )}, ${alert.samples} samples)`;
  const annotations: Record<string, string> = {
    ...options.annotations,
    summary: `${alert.name}${describeLabels(alert)}`,
  };
  if (options.description !== undefined) annotations['description'] = options.description;
  return {
    ruleId: alert.ruleId,
    severity: alert.severity,
    status,
    fingerprint: alert.fingerprint,
    title: `${head} ${alert.name}${describeLabels(alert)}`,
    message:
      options.description === undefined ? `${reading}.` : `${reading}. ${options.description}`,
    firedAt: alert.firedAt ?? alert.activeSince,
    ...(options.resolvedAt === undefined ? {} : { resolvedAt: options.resolvedAt }),
    escalationLevel: level,
    metric: { name: alert.metric, value: alert.value, threshold: alert.threshold },
    labels: { ...alert.labels },
    ...(options.externalUrl === undefined ? {} : { url: options.externalUrl }),
    ...(alert.acknowledgedAt === undefined ? {} : { acknowledgedAt: alert.acknowledgedAt }),
    ...(alert.acknowledgedBy === undefined ? {} : { acknowledgedBy: alert.acknowledgedBy }),
    annotations,
  };
}
