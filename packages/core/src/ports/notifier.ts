import type { AlertNotification } from '../domain/alert-notification';

/** Port: one alert channel (email, Slack, webhook, PagerDuty, Opsgenie, log). */
export interface Notifier {
  /** Channel instance name, e.g. `slack-oncall`. */
  readonly name: string;
  /** Channel kind, e.g. `email`, `slack`, `webhook`, `pagerduty`, `opsgenie`, `log`. */
  readonly kind: string;
  /**
   * Delivers one notification; throws `EnterpriseHubError` (retryable for transient failures) when the channel
   * refuses it. `tenantId` is absent for deployment-wide alerts.
   */
  notify(options: {
    tenantId?: string;
    notification: AlertNotification;
    signal?: AbortSignal;
  }): Promise<void>;
}
