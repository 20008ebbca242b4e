export { wantsAcknowledge, wantsResolved, type AlertChannel } from './alert-channel';
export type {
  ChannelCommonOptions,
  ChannelRateLimitOptions,
  ChannelRetryOptions,
  HttpChannelOptions,
} from './channel-options';
export {
  createEmailNotifier,
  type EmailNotifierOptions,
  type EmailTransport,
  type SmtpSettings,
} from './email-notifier';
export { buildEmailMessage, type EmailMessage } from './email-message';
export { createSlackNotifier, type SlackNotifierOptions } from './slack-notifier';
export { buildSlackMessage, escapeSlackText, type SlackMessage } from './slack-message';
export { createWebhookNotifier, type WebhookNotifierOptions } from './webhook-notifier';
export {
  toAlertmanagerPayload,
  type AlertmanagerAlert,
  type AlertmanagerPayload,
} from './alertmanager-payload';
export {
  createPagerDutyNotifier,
  PAGERDUTY_EVENTS_URL,
  toPagerDutyEvent,
  type PagerDutyNotifierOptions,
} from './pagerduty-notifier';
export {
  createOpsgenieNotifier,
  OPSGENIE_API_URL,
  opsgenieAlertsUrl,
  toOpsgenieRequest,
  type OpsgenieNotifierOptions,
} from './opsgenie-notifier';
export { alertingEnvSchema, parseAlertingConfig, type AlertingConfig } from './alerting-config';
export {
  createChannelsFromConfig,
  type ChannelsFromConfigOptions,
} from './create-channels-from-config';
