import type { AlertNotification } from '@enterprisehub/core';

/** An email as handed to the SMTP transport. */
export interface EmailMessage {
  /** Sender address. */
  from: string;
  /** Recipients, comma-separated. */
  to: string;
  /** Subject line (the notification title, single line). */
  subject: string;
  /** Plain-text body. */
  text: string;
  /** HTML body (all values escaped). */
  html: string;
  /** Extra headers: `X-Alert-Fingerprint`, `X-Alert-Status`. */
  headers: Record<string, string>;
  /** Threads every email of one firing episode together. */
  references: string;
}

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Builds the email for a notification. */
export function buildEmailMessage(
  notification: AlertNotification,
  envelope: { from: string; to: readonly string[] },
): EmailMessage {
  const rows: [string, string][] = [
    ['Status', notification.status],
    ['Severity', notification.severity],
    ['Rule', notification.ruleId],
    ['Escalation level', String(notification.escalationLevel)],
    ['Fired at', new Date(notification.firedAt).toISOString()],
  ];
  if (notification.resolvedAt !== undefined)
    rows.push(['Resolved at', new Date(notification.resolvedAt).toISOString()]);
  if (notification.acknowledgedBy !== undefined)
    rows.push(['Acknowledged by', notification.acknowledgedBy]);
  if (notification.metric) {
    const threshold =
      notification.metric.threshold === undefined
        ? ''
        : ` (threshold ${notification.metric.threshold})`;
    rows.push(['Metric', `${notification.metric.name} = ${notification.metric.value}${threshold}`]);
  }
  const labels = Object.entries(notification.labels)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  if (labels) rows.push(['Labels', labels]);
  rows.push(['Fingerprint', notification.fingerprint]);
  if (notification.url !== undefined) rows.push(['Dashboard', notification.url]);
  const text = [
    notification.title,
    '',
    notification.message,
    '',
    ...rows.map(([key, value]) => `${key}: ${value}`),
  ].join('\n');
  const html = [
    `<h2>${escapeHtml(notification.title)}</h2>`,
    `<p>${escapeHtml(notification.message)}</p>`,
    '<table>',
    ...rows.map(
      ([key, value]) =>
        `<tr><th align="left">${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`,
    ),
    '</table>',
  ].join('\n');
  return {
    from: envelope.from,
    to: envelope.to.join(', '),
    subject: notification.title.replace(/[\r\n]+/g, ' ').slice(0, 250),
    text,
    html,
    headers: {
      'X-Alert-Fingerprint': notification.fingerprint,
      'X-Alert-Status': notification.status,
    },
    references: `<${notification.fingerprint}.${notification.firedAt}@alerts.enterprisehub>`,
  };
}
