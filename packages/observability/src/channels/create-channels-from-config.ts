import type { Clock } from '@enterprisehub/core';
import type { AlertChannel } from './alert-channel';
import type { AlertingConfig } from './alerting-config';
import type { ChannelRetryOptions } from './channel-options';
import { createEmailNotifier } from './email-notifier';
import { createOpsgenieNotifier } from './opsgenie-notifier';
import { createPagerDutyNotifier } from './pagerduty-notifier';
import { createSlackNotifier } from './slack-notifier';
import { createWebhookNotifier } from './webhook-notifier';

/** Options for {@link createChannelsFromConfig} shared by every created channel. */
export interface ChannelsFromConfigOptions {
  /** Clock for retries, timeouts and rate limits. */
  clock?: Clock;
  /** `fetch` for the HTTP channels. */
  fetch?: typeof fetch;
  /** Retry policy for every channel. */
  retry?: ChannelRetryOptions;
  /** Timeout of one attempt, ms. */
  timeoutMs?: number;
}

/**
 * Creates the channels a parsed configuration describes, named after their kinds (`email`, `slack`, `webhook`,
 * `pagerduty`, `opsgenie`) so the default rules and escalation ladder find them. Empty when alerting is off.
 *
 * @example
 * ```ts
 * const engine = createAlertEngine({ clock, source, channels: createChannelsFromConfig(parseAlertingConfig(process.env)) });
 * ```
 */
export function createChannelsFromConfig(
  config: AlertingConfig,
  options: ChannelsFromConfigOptions = {},
): AlertChannel[] {
  if (!config.enabled) return [];
  const common = { clock: options.clock, retry: options.retry, timeoutMs: options.timeoutMs };
  const http = { ...common, fetch: options.fetch };
  const channels: AlertChannel[] = [];
  if (config.email) {
    const { smtp } = config.email;
    channels.push(
      createEmailNotifier({
        ...common,
        from: config.email.from,
        to: config.email.to,
        smtp: { host: smtp.host, port: smtp.port, user: smtp.user, password: smtp.password },
      }),
    );
  }
  if (config.slack)
    channels.push(
      createSlackNotifier({
        ...http,
        webhookUrl: config.slack.webhookUrl,
        channel: config.slack.channel,
      }),
    );
  if (config.webhook)
    channels.push(
      createWebhookNotifier({ ...http, url: config.webhook.url, headers: config.webhook.headers }),
    );
  if (config.pagerduty) {
    channels.push(
      createPagerDutyNotifier({
        ...http,
        url: config.pagerduty.url,
        routingKey: config.pagerduty.routingKey,
      }),
    );
  }
  if (config.opsgenie)
    channels.push(
      createOpsgenieNotifier({ ...http, url: config.opsgenie.url, apiKey: config.opsgenie.apiKey }),
    );
  return channels;
}
