import { EnterpriseHubError } from '@enterprisehub/core';
import { z } from 'zod';
import { PAGERDUTY_EVENTS_URL } from './pagerduty-notifier';
import { OPSGENIE_API_URL } from './opsgenie-notifier';

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;
const text = z.preprocess(blankToUndefined, z.string().optional());
const flag = z.preprocess(
  blankToUndefined,
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 'TRUE', 'FALSE', 'True', 'False'])
    .transform((value) => ['true', '1', 'yes', 'on'].includes(value.toLowerCase()))
    .optional(),
);
const url = z.preprocess(
  blankToUndefined,
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
);
const headers = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(
      z.record(z.string().min(1), z.string(), { error: 'must be a JSON object of string values' }),
    )
    .optional(),
);

/** Zod schema of the alerting environment variables (names from the seed runbook, all optional strings). */
export const alertingEnvSchema = z.object({
  ALERTING_ENABLED: flag,
  ALERT_EMAIL_ENABLED: flag,
  ALERT_EMAIL_SMTP_HOST: text,
  ALERT_EMAIL_SMTP_PORT: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1).max(65_535).default(587),
  ),
  ALERT_EMAIL_SMTP_USER: text,
  ALERT_EMAIL_SMTP_PASSWORD: text,
  ALERT_EMAIL_FROM: z.preprocess(
    blankToUndefined,
    z.email({ error: 'must be an email address' }).optional(),
  ),
  ALERT_EMAIL_TO: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((address) => address.trim())
          .filter((address) => address !== ''),
      )
      .pipe(z.array(z.email({ error: 'must be comma-separated email addresses' })))
      .optional(),
  ),
  ALERT_SLACK_ENABLED: flag,
  ALERT_SLACK_WEBHOOK_URL: url,
  ALERT_SLACK_CHANNEL: text,
  ALERT_WEBHOOK_ENABLED: flag,
  ALERT_WEBHOOK_URL: url,
  ALERT_WEBHOOK_HEADERS: headers,
  ALERT_WEBHOOK_PAGERDUTY_URL: url,
  ALERT_WEBHOOK_PAGERDUTY_API_KEY: text,
  ALERT_WEBHOOK_OPSGENIE_URL: url,
  ALERT_WEBHOOK_OPSGENIE_API_KEY: text,
});

/** Alerting configuration: the master switch and each configured channel (absent = not configured). */
export interface AlertingConfig {
  /** Master switch (`ALERTING_ENABLED`, default true); when false no channel is created. */
  enabled: boolean;
  /** SMTP email (`ALERT_EMAIL_*`). */
  email?: {
    from: string;
    to: string[];
    smtp: { host: string; port: number; user?: string; password?: string };
  };
  /** Slack incoming webhook (`ALERT_SLACK_*`). */
  slack?: { webhookUrl: string; channel?: string };
  /** Generic Alertmanager-format webhook (`ALERT_WEBHOOK_URL`, `ALERT_WEBHOOK_HEADERS`). */
  webhook?: { url: string; headers: Record<string, string> };
  /** PagerDuty Events v2 (`ALERT_WEBHOOK_PAGERDUTY_*`); enabled by its API key. */
  pagerduty?: { url: string; routingKey: string };
  /** Opsgenie (`ALERT_WEBHOOK_OPSGENIE_*`); enabled by its API key. */
  opsgenie?: { url: string; apiKey: string };
}

type Env = z.output<typeof alertingEnvSchema>;

/** A channel is on when its flag says so, or (flag unset) when its key variable is present. */
const isOn = (flagValue: boolean | undefined, keyValue: unknown): boolean =>
  flagValue ?? keyValue !== undefined;

function assemble(env: Env, missing: string[]): AlertingConfig {
  const config: AlertingConfig = { enabled: env.ALERTING_ENABLED ?? true };
  const need = <T>(name: keyof Env, value: T | undefined): T | undefined => {
    if (value === undefined) missing.push(name);
    return value;
  };
  if (isOn(env.ALERT_EMAIL_ENABLED, env.ALERT_EMAIL_SMTP_HOST)) {
    const host = need('ALERT_EMAIL_SMTP_HOST', env.ALERT_EMAIL_SMTP_HOST);
    const from = need('ALERT_EMAIL_FROM', env.ALERT_EMAIL_FROM);
    const to = need(
      'ALERT_EMAIL_TO',
      env.ALERT_EMAIL_TO?.length === 0 ? undefined : env.ALERT_EMAIL_TO,
    );
    if (host !== undefined && from !== undefined && to !== undefined) {
      const smtp = {
        host,
        port: env.ALERT_EMAIL_SMTP_PORT,
        user: env.ALERT_EMAIL_SMTP_USER,
        password: env.ALERT_EMAIL_SMTP_PASSWORD,
      };
      config.email = { from, to, smtp };
    }
  }
  if (isOn(env.ALERT_SLACK_ENABLED, env.ALERT_SLACK_WEBHOOK_URL)) {
    const webhookUrl = need('ALERT_SLACK_WEBHOOK_URL', env.ALERT_SLACK_WEBHOOK_URL);
    if (webhookUrl !== undefined) config.slack = { webhookUrl, channel: env.ALERT_SLACK_CHANNEL };
  }
  if (isOn(env.ALERT_WEBHOOK_ENABLED, env.ALERT_WEBHOOK_URL)) {
    const webhookUrl = need('ALERT_WEBHOOK_URL', env.ALERT_WEBHOOK_URL);
    if (webhookUrl !== undefined)
      config.webhook = { url: webhookUrl, headers: env.ALERT_WEBHOOK_HEADERS ?? {} };
  }
  if (env.ALERT_WEBHOOK_PAGERDUTY_API_KEY !== undefined) {
    config.pagerduty = {
      url: env.ALERT_WEBHOOK_PAGERDUTY_URL ?? PAGERDUTY_EVENTS_URL,
      routingKey: env.ALERT_WEBHOOK_PAGERDUTY_API_KEY,
    };
  }
  if (env.ALERT_WEBHOOK_OPSGENIE_API_KEY !== undefined) {
    config.opsgenie = {
      url: env.ALERT_WEBHOOK_OPSGENIE_URL ?? OPSGENIE_API_URL,
      apiKey: env.ALERT_WEBHOOK_OPSGENIE_API_KEY,
    };
  }
  return config;
}

/**
 * Parses the alerting environment variables with zod. Errors name the variables and never echo their values.
 *
 * @throws EnterpriseHubError `CONFIG_INVALID`
 * @example
 * ```ts
 * const channels = createChannelsFromConfig(parseAlertingConfig(process.env));
 * ```
 */
export function parseAlertingConfig(
  env: Readonly<Record<string, string | undefined>>,
): AlertingConfig {
  const result = alertingEnvSchema.safeParse(env);
  const problems: string[] = [];
  if (result.success) {
    const missing: string[] = [];
    const config = assemble(result.data, missing);
    if (missing.length === 0) return config;
    problems.push(...missing.map((name) => `${name} (required when its channel is enabled)`));
  } else {
    problems.push(
      ...result.error.issues.map(
        (issue) => `${issue.path.map(String).join('.')} (${issue.message})`,
      ),
    );
  }
  const variables = [...new Set(problems.map((problem) => problem.split(' ')[0] ?? ''))];
  throw new EnterpriseHubError({
    code: 'CONFIG_INVALID',
    message: `Invalid alerting configuration: ${problems.join('; ')}.`,
    details: { variables: variables.join(',') },
  });
}
