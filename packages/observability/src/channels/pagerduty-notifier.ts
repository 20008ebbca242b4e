import { systemClock, type AlertNotification } from '@enterprisehub/core';
import type { AlertChannel } from './alert-channel';
import type { HttpChannelOptions } from './channel-options';
import { createChannelRateLimiter } from './channel-rate-limiter';
import { postJson } from './http-delivery';

/** The PagerDuty Events API v2 endpoint. */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** Options for {@link createPagerDutyNotifier}. */
export interface PagerDutyNotifierOptions extends HttpChannelOptions {
  /** Integration (routing) key of the Events API v2 integration; a secret. */
  routingKey: string;
  /** Events endpoint. @defaultValue PAGERDUTY_EVENTS_URL */
  url?: string;
  /** `payload.source` of triggers. @defaultValue 'enterprisehub' */
  source?: string;
}

const EVENT_ACTION: Record<AlertNotification['status'], 'trigger' | 'resolve' | 'acknowledge'> = {
  firing: 'trigger',
  resolved: 'resolve',
  acknowledged: 'acknowledge',
};

/** The PagerDuty Events API v2 body for a notification (`dedup_key` = alert fingerprint). */
export function toPagerDutyEvent(
  notification: AlertNotification,
  options: { routingKey: string; source?: string },
): Record<string, unknown> {
  const eventAction = EVENT_ACTION[notification.status];
  const event: Record<string, unknown> = {
    routing_key: options.routingKey,
    event_action: eventAction,
    dedup_key: notification.fingerprint,
  };
  if (eventAction !== 'trigger') return event;
  const customDetails: Record<string, unknown> = {
    message: notification.message,
    escalation_level: notification.escalationLevel,
    labels: notification.labels,
  };
  if (notification.metric) customDetails['metric'] = notification.metric;
  const payload: Record<string, unknown> = {
    summary: notification.title.slice(0, 1024),
    source: options.source ?? 'enterprisehub',
    severity: notification.severity,
    timestamp: new Date(notification.firedAt).toISOString(),
    class: notification.ruleId,
    custom_details: customDetails,
  };
  const component = notification.labels['bot'];
  if (component !== undefined) payload['component'] = component;
  const group = notification.labels['tenantId'];
  if (group !== undefined) payload['group'] = group;
  return {
    ...event,
    payload,
    client: 'EnterpriseHub',
    ...(notification.url === undefined
      ? {}
      : { client_url: notification.url, links: [{ href: notification.url, text: 'Dashboard' }] }),
  };
}

/**
 * Creates a PagerDuty Events API v2 channel: `trigger` on firing, `acknowledge` when acknowledged, `resolve` when
 * resolved, all with `dedup_key` = fingerprint; retries on 429/5xx; default rate limit 100 events per minute.
 *
 * @example
 * ```ts
 * const pagerduty = createPagerDutyNotifier({ routingKey: process.env.ALERT_WEBHOOK_PAGERDUTY_API_KEY ?? '' });
 * ```
 */
export function createPagerDutyNotifier(options: PagerDutyNotifierOptions): AlertChannel {
  const clock = options.clock ?? systemClock;
  const name = options.name ?? 'pagerduty';
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
    kind: 'pagerduty',
    sendResolved: options.sendResolved ?? true,
    supportsAcknowledge: true,
    notify: async ({ notification, signal }) => {
      await limiter.acquire(signal);
      await postJson({
        channel: name,
        url: options.url ?? PAGERDUTY_EVENTS_URL,
        body: toPagerDutyEvent(notification, {
          routingKey: options.routingKey,
          source: options.source,
        }),
        clock,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        retry: options.retry,
        signal,
      });
    },
  };
}
