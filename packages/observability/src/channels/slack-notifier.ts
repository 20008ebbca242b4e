import { systemClock } from '@enterprisehub/core';
import type { AlertChannel } from './alert-channel';
import type { HttpChannelOptions } from './channel-options';
import { createChannelRateLimiter } from './channel-rate-limiter';
import { postJson } from './http-delivery';
import { buildSlackMessage } from './slack-message';

/** Options for {@link createSlackNotifier}. */
export interface SlackNotifierOptions extends HttpChannelOptions {
  /** Incoming webhook URL (a secret: never logged or put into errors). */
  webhookUrl: string;
  /** Channel override, e.g. `#alerts` (legacy webhooks only). */
  channel?: string;
}

/**
 * Creates a Slack incoming-webhook channel: Block Kit message with a text fallback, user text escaped for mrkdwn,
 * retries on 429/5xx, a default rate limit of 20 messages per minute.
 *
 * @example
 * ```ts
 * const slack = createSlackNotifier({ webhookUrl: process.env.ALERT_SLACK_WEBHOOK_URL ?? '', channel: '#alerts' });
 * ```
 */
export function createSlackNotifier(options: SlackNotifierOptions): AlertChannel {
  const clock = options.clock ?? systemClock;
  const name = options.name ?? 'slack';
  const limiter = createChannelRateLimiter({
    clock,
    channel: name,
    limit:
      options.rateLimit === false
        ? undefined
        : (options.rateLimit ?? { limit: 20, windowMs: 60_000 }),
  });
  return {
    name,
    kind: 'slack',
    sendResolved: options.sendResolved ?? true,
    notify: async ({ notification, signal }) => {
      await limiter.acquire(signal);
      await postJson({
        channel: name,
        url: options.webhookUrl,
        body: buildSlackMessage(notification, options.channel),
        clock,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        retry: options.retry,
        signal,
      });
    },
  };
}
