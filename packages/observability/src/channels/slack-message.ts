import type { AlertNotification } from '@enterprisehub/core';

/** Escapes text for Slack mrkdwn: `&`, `<` and `>` become entities, so user text never forms links or mentions. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const STATUS_ICON: Record<AlertNotification['status'], string> = {
  firing: ':rotating_light:',
  resolved: ':white_check_mark:',
  acknowledged: ':eyes:',
};

const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** A Slack incoming-webhook message: Block Kit blocks plus the `text` fallback for notifications. */
export interface SlackMessage {
  /** Fallback text (mrkdwn, escaped) shown in notifications and by clients without blocks. */
  text: string;
  /** Channel override (honoured by legacy webhooks only). */
  channel?: string;
  /** Block Kit blocks. */
  blocks: Record<string, unknown>[];
}

/**
 * Builds the Slack message for a notification: header, escaped summary, fields (severity, status, metric,
 * escalation), labels and fingerprint in a context block, and a dashboard link when the notification has one.
 */
export function buildSlackMessage(notification: AlertNotification, channel?: string): SlackMessage {
  const escaped = escapeSlackText;
  const metric = notification.metric;
  const fields = [
    { type: 'mrkdwn', text: `*Severity*\n${escaped(notification.severity)}` },
    { type: 'mrkdwn', text: `*Status*\n${escaped(notification.status)}` },
    { type: 'mrkdwn', text: `*Escalation*\nlevel ${notification.escalationLevel}` },
  ];
  if (metric) {
    const threshold = metric.threshold === undefined ? '' : ` (threshold ${metric.threshold})`;
    fields.push({
      type: 'mrkdwn',
      text: `*Metric*\n\`${escaped(metric.name)}\` = ${metric.value}${threshold}`,
    });
  }
  const labels = Object.entries(notification.labels)
    .map(([name, value]) => `${escaped(name)}=${escaped(value)}`)
    .join(', ');
  const blocks: Record<string, unknown>[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(notification.title, 150), emoji: true },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `${STATUS_ICON[notification.status]} ${escaped(notification.message)}`,
          3000,
        ),
      },
    },
    { type: 'section', fields },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(
            `fingerprint \`${escaped(notification.fingerprint)}\`${labels ? ` · ${labels}` : ''}`,
            3000,
          ),
        },
      ],
    },
  ];
  if (notification.url !== undefined && /^https?:\/\/[^\s|<>]+$/.test(notification.url)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `<${notification.url}|Open dashboard>` },
    });
  }
  return {
    text: truncate(`${STATUS_ICON[notification.status]} ${escaped(notification.title)}`, 3000),
    ...(channel === undefined ? {} : { channel }),
    blocks,
  };
}
