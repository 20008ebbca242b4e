import { describe, expect, it } from 'vitest';
import { parseAlertingConfig } from './alerting-config';
import { createChannelsFromConfig } from './create-channels-from-config';

const fullEnv = {
  ALERTING_ENABLED: 'true',
  ALERT_EMAIL_ENABLED: 'true',
  ALERT_EMAIL_SMTP_HOST: 'smtp.example.com',
  ALERT_EMAIL_SMTP_PORT: '2525',
  ALERT_EMAIL_SMTP_USER: 'alerts',
  ALERT_EMAIL_SMTP_PASSWORD: 'smtp-secret',
  ALERT_EMAIL_FROM: 'alerts@agency.example',
  ALERT_EMAIL_TO: 'oncall@agency.example, lead@agency.example',
  ALERT_SLACK_ENABLED: 'true',
  ALERT_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/slack-secret',
  ALERT_SLACK_CHANNEL: '#alerts',
  ALERT_WEBHOOK_ENABLED: 'true',
  ALERT_WEBHOOK_URL: 'https://hooks.example.com/alerts',
  ALERT_WEBHOOK_HEADERS: '{"X-Api-Token":"hook-secret"}',
  ALERT_WEBHOOK_PAGERDUTY_URL: 'https://events.eu.pagerduty.com/v2/enqueue',
  ALERT_WEBHOOK_PAGERDUTY_API_KEY: 'pd-secret',
  ALERT_WEBHOOK_OPSGENIE_URL: 'https://api.eu.opsgenie.com',
  ALERT_WEBHOOK_OPSGENIE_API_KEY: 'og-secret',
};

describe('parseAlertingConfig', () => {
  it('reads every seed variable', () => {
    expect(parseAlertingConfig(fullEnv)).toEqual({
      enabled: true,
      email: {
        from: 'alerts@agency.example',
        to: ['oncall@agency.example', 'lead@agency.example'],
        smtp: { host: 'smtp.example.com', port: 2525, user: 'alerts', password: 'smtp-secret' },
      },
      slack: {
        webhookUrl: 'https://hooks.slack.com/services/T0/B0/slack-secret',
        channel: '#alerts',
      },
      webhook: {
        url: 'https://hooks.example.com/alerts',
        headers: { 'X-Api-Token': 'hook-secret' },
      },
      pagerduty: { url: 'https://events.eu.pagerduty.com/v2/enqueue', routingKey: 'pd-secret' },
      opsgenie: { url: 'https://api.eu.opsgenie.com', apiKey: 'og-secret' },
    });
  });

  it('defaults to alerting on with no channels, port 587 and the public PagerDuty/Opsgenie endpoints', () => {
    expect(parseAlertingConfig({})).toEqual({ enabled: true });
    const config = parseAlertingConfig({
      ALERT_EMAIL_SMTP_HOST: 'smtp.example.com',
      ALERT_EMAIL_FROM: 'a@example.com',
      ALERT_EMAIL_TO: 'b@example.com',
      ALERT_WEBHOOK_PAGERDUTY_API_KEY: 'pd',
      ALERT_WEBHOOK_OPSGENIE_API_KEY: 'og',
    });
    expect(config.email?.smtp.port).toBe(587);
    expect(config.pagerduty?.url).toBe('https://events.pagerduty.com/v2/enqueue');
    expect(config.opsgenie?.url).toBe('https://api.opsgenie.com');
  });

  it('lets an explicit ENABLED=false switch a configured channel off', () => {
    const config = parseAlertingConfig({
      ...fullEnv,
      ALERT_SLACK_ENABLED: 'false',
      ALERT_EMAIL_ENABLED: '0',
    });
    expect(config.slack).toBeUndefined();
    expect(config.email).toBeUndefined();
  });

  it('names missing and invalid variables without echoing secret values', () => {
    const attempt = () =>
      parseAlertingConfig({
        ALERT_SLACK_ENABLED: 'true',
        ALERT_WEBHOOK_URL: 'ftp://hooks.example.com/secret-path',
        ALERT_WEBHOOK_HEADERS: '{not json secret-header',
        ALERT_EMAIL_SMTP_PORT: '99999',
      });
    expect(attempt).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('ALERT_WEBHOOK_URL');
      expect(message).toContain('ALERT_WEBHOOK_HEADERS');
      expect(message).toContain('ALERT_EMAIL_SMTP_PORT');
      expect(message).not.toContain('secret');
    }
    expect(() => parseAlertingConfig({ ALERT_SLACK_ENABLED: 'true' })).toThrow(
      /ALERT_SLACK_WEBHOOK_URL/,
    );
    expect(() =>
      parseAlertingConfig({ ALERT_EMAIL_ENABLED: 'yes', ALERT_EMAIL_SMTP_HOST: 'h' }),
    ).toThrow(/ALERT_EMAIL_FROM.*ALERT_EMAIL_TO/);
    expect(() =>
      parseAlertingConfig({
        ALERT_WEBHOOK_HEADERS: '{"X":1}',
        ALERT_WEBHOOK_URL: 'https://x.example',
      }),
    ).toThrow(/ALERT_WEBHOOK_HEADERS/);
  });
});

describe('createChannelsFromConfig', () => {
  it('creates one channel per configured service, named after its kind', () => {
    const channels = createChannelsFromConfig(parseAlertingConfig(fullEnv));
    expect(channels.map((channel) => [channel.name, channel.kind])).toEqual([
      ['email', 'email'],
      ['slack', 'slack'],
      ['webhook', 'webhook'],
      ['pagerduty', 'pagerduty'],
      ['opsgenie', 'opsgenie'],
    ]);
    expect(JSON.stringify(channels)).not.toMatch(/secret/);
  });

  it('creates nothing when ALERTING_ENABLED is false', () => {
    expect(
      createChannelsFromConfig(parseAlertingConfig({ ...fullEnv, ALERTING_ENABLED: 'false' })),
    ).toEqual([]);
  });
});
