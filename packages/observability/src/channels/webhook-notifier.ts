import { systemClock } from '@enterprisehub/core';
import type { AlertChannel } from './alert-channel';
import { toAlertmanagerPayload } from './alertmanager-payload';
import type { HttpChannelOptions } from './channel-options';
import { createChannelRateLimiter } from './channel-rate-limiter';
import { postJson } from './http-delivery';

/** Options for {@link createWebhookNotifier}. */
export interface WebhookNotifierOptions extends HttpChannelOptions {
  /** Endpoint receiving the Alertmanager v4 body. */
  url: string;
  /** Extra headers (e.g. from `ALERT_WEBHOOK_HEADERS`); values are never logged. */
  headers?: Readonly<Record<string, string>>;
  /** `receiver` field of the body. @defaultValue 'enterprisehub' */
  receiver?: string;
}

/**
 * Creates a generic webhook channel posting the Alertmanager v4 webhook body, with custom headers, retries on
 * 429/5xx and a default rate limit of 60 per minute. `acknowledged` notices are not sent (Alertmanager has no
 * such status).
 *
 * @example
 * ```ts
 * const webhook = createWebhookNotifier({ url: 'https://hooks.example.com/alerts', headers: { 'X-Token': token } });
 * ```
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): AlertChannel {
  const clock = options.clock ?? systemClock;
  const name = options.name ?? 'webhook';
  const limiter = createChannelRateLimiter({
    clock,
    channel: name,
    limit:
      options.rateLimit === false
        ? undefined
        : (options.rateLimit ?? { limit: 60, windowMs: 60_000 }),
  });
  return {
    name,
    kind: 'webhook',
    sendResolved: options.sendResolved ?? true,
    supportsAcknowledge: false,
    notify: async ({ notification, signal }) => {
      if (notification.status === 'acknowledged') return;
      await limiter.acquire(signal);
      await postJson({
        channel: name,
        url: options.url,
        body: toAlertmanagerPayload(
          { ...notification, status: notification.status },
          options.receiver ?? 'enterprisehub',
        ),
        headers: options.headers,
        clock,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        retry: options.retry,
        signal,
      });
    },
  };
}
