import { systemClock, type AlertNotification, type AlertSeverity } from '@enterprisehub/core';
import type { AlertChannel } from './alert-channel';
import type { HttpChannelOptions } from './channel-options';
import { createChannelRateLimiter } from './channel-rate-limiter';
import { postJson } from './http-delivery';

/** The Opsgenie API base URL (EU accounts use `https://api.eu.opsgenie.com`). */
export const OPSGENIE_API_URL = 'https://api.opsgenie.com';

/** Options for {@link createOpsgenieNotifier}. */
export interface OpsgenieNotifierOptions extends HttpChannelOptions {
  /** API key of an Opsgenie API integration; sent as `Authorization: GenieKey <key>`, never logged. */
  apiKey: string;
  /** API base URL, with or without `/v2/alerts` (configurable because the service is being retired). */
  url?: string;
  /** `source` field of requests. @defaultValue 'EnterpriseHub' */
  source?: string;
}

const PRIORITY: Record<AlertSeverity, 'P1' | 'P3' | 'P5'> = {
  critical: 'P1',
  warning: 'P3',
  info: 'P5',
};

/** Alerts endpoint (`…/v2/alerts`) of a configured base URL. */
export function opsgenieAlertsUrl(url: string | undefined): string {
  const base = (url ?? OPSGENIE_API_URL).replace(/\/+$/, '');
  return base.endsWith('/v2/alerts') ? base : `${base}/v2/alerts`;
}

/** Path (relative to the alerts endpoint) and body of the Opsgenie request for a notification. */
export function toOpsgenieRequest(
  notification: AlertNotification,
  source = 'EnterpriseHub',
): { path: string; body: Record<string, unknown> } {
  const alias = encodeURIComponent(notification.fingerprint);
  if (notification.status === 'resolved') {
    return {
      path: `/${alias}/close?identifierType=alias`,
      body: { source, note: notification.title },
    };
  }
  if (notification.status === 'acknowledged') {
    const user = notification.acknowledgedBy;
    const note = notification.annotations?.['acknowledge_comment'] ?? notification.title;
    return {
      path: `/${alias}/acknowledge?identifierType=alias`,
      body: { ...(user === undefined ? {} : { user }), source, note },
    };
  }
  const details: Record<string, string> = {
    ...notification.labels,
    escalation_level: String(notification.escalationLevel),
  };
  if (notification.metric) {
    details['metric'] = notification.metric.name;
    details['value'] = String(notification.metric.value);
    if (notification.metric.threshold !== undefined)
      details['threshold'] = String(notification.metric.threshold);
  }
  if (notification.url !== undefined) details['dashboard'] = notification.url;
  return {
    path: '',
    body: {
      message: notification.title.slice(0, 130),
      alias: notification.fingerprint,
      description: notification.message.slice(0, 15_000),
      tags: [notification.severity, notification.ruleId],
      details,
      entity: notification.ruleId,
      source,
      priority: PRIORITY[notification.severity],
    },
  };
}

/**
 * Creates an Opsgenie channel: create on firing, acknowledge and close by alias (= fingerprint), `GenieKey`
 * authorisation, configurable base URL, retries on 429/5xx, default rate limit 100 requests per minute.
 *
 * @example
 * ```ts
 * const opsgenie = createOpsgenieNotifier({ apiKey: process.env.ALERT_WEBHOOK_OPSGENIE_API_KEY ?? '' });
 * ```
 */
export function createOpsgenieNotifier(options: OpsgenieNotifierOptions): AlertChannel {
  const clock = options.clock ?? systemClock;
  const name = options.name ?? 'opsgenie';
  const alertsUrl = opsgenieAlertsUrl(options.url);
  const limiter = createChannelRateLimiter({
    clock,
    channel: name,
    limit:
      options.rateLimit === false
        ? undefined
        : (options.rateLimit ?? { limit: 100, windowMs: 60_000 }),
  });
  return {
    name,
    kind: 'opsgenie',
    sendResolved: options.sendResolved ?? true,
    supportsAcknowledge: true,
    notify: async ({ notification, signal }) => {
      const request = toOpsgenieRequest(notification, options.source);
      await limiter.acquire(signal);
      await postJson({
        channel: name,
        url: `${alertsUrl}${request.path}`,
        body: request.body,
        headers: { authorization: `GenieKey ${options.apiKey}` },
        clock,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        retry: options.retry,
        signal,
      });
    },
  };
}
