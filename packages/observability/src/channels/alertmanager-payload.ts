import type { AlertNotification } from '@enterprisehub/core';

/** Alertmanager's "zero time" used as `endsAt` of firing alerts. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** One alert of an Alertmanager v4 webhook body. */
export interface AlertmanagerAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** The Alertmanager webhook body, version 4 (what Prometheus receivers such as PagerTree or Karma accept). */
export interface AlertmanagerPayload {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: AlertmanagerAlert[];
}

const quote = (value: string): string => JSON.stringify(value);

/**
 * Converts a `firing` or `resolved` notification into an Alertmanager v4 webhook body. Each alert is its own
 * group: `groupLabels` are the alert's labels without `severity`, and `groupKey` renders them like Alertmanager
 * (`{}:{alertname="sla_violation", bot="lead"}`).
 */
export function toAlertmanagerPayload(
  notification: AlertNotification & { status: 'firing' | 'resolved' },
  receiver: string,
): AlertmanagerPayload {
  const labels: Record<string, string> = {
    ...notification.labels,
    alertname: notification.ruleId,
    severity: notification.severity,
  };
  const groupLabels = Object.fromEntries(
    Object.entries(labels)
      .filter(([name]) => name !== 'severity')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const annotations: Record<string, string> = {
    ...notification.annotations,
    summary: notification.title,
    description: notification.message,
    escalation_level: String(notification.escalationLevel),
  };
  if (notification.metric) {
    annotations['metric'] = notification.metric.name;
    annotations['value'] = String(notification.metric.value);
    if (notification.metric.threshold !== undefined)
      annotations['threshold'] = String(notification.metric.threshold);
  }
  const endsAt =
    notification.status === 'resolved'
      ? new Date(notification.resolvedAt ?? Date.now()).toISOString()
      : ZERO_TIME;
  return {
    version: '4',
    groupKey: `{}:{${Object.entries(groupLabels)
      .map(([name, value]) => `${name}=${quote(value)}`)
      .join(', ')}}`,
    truncatedAlerts: 0,
    status: notification.status,
    receiver,
    groupLabels,
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: notification.url ?? '',
    alerts: [
      {
        status: notification.status,
        labels,
        annotations,
        startsAt: new Date(notification.firedAt).toISOString(),
        endsAt,
        generatorURL: notification.url ?? '',
        fingerprint: notification.fingerprint,
      },
    ],
  };
}
