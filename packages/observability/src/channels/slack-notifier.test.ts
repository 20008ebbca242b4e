import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startRecordingHttpServer,
  type RecordingHttpServer,
} from '../../test/support/recording-http-server';
import { buildNotification } from '../../test/support/notification-fixture';
import { createSlackNotifier } from './slack-notifier';
import { escapeSlackText } from './slack-message';

let server: RecordingHttpServer;
beforeEach(async () => {
  server = await startRecordingHttpServer();
});
afterEach(() => server.close());

const secretPath = '/services/T000/B000/XXXXSECRETXXXX';
const make = (extra: Partial<Parameters<typeof createSlackNotifier>[0]> = {}) =>
  createSlackNotifier({
    webhookUrl: `${server.url}${secretPath}`,
    channel: '#alerts',
    retry: { maxAttempts: 3, baseDelayMs: 1 },
    ...extra,
  });

describe('createSlackNotifier', () => {
  it('posts a Block Kit message with a text fallback to the incoming webhook', async () => {
    await make().notify({ notification: buildNotification() });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(secretPath);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      text: ':rotating_light: [FIRING:CRITICAL] SLA violation (bot=lead)',
      channel: '#alerts',
      blocks: [
        {
          type: 'header',
          text: {
            type: 'plain_text',
            text: '[FIRING:CRITICAL] SLA violation (bot=lead)',
            emoji: true,
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: ':rotating_light: lead_bot.response_time_p95 = 2600 ms (threshold 2000 ms, 57 samples).',
          },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Severity*\ncritical' },
            { type: 'mrkdwn', text: '*Status*\nfiring' },
            { type: 'mrkdwn', text: '*Escalation*\nlevel 1' },
            {
              type: 'mrkdwn',
              text: '*Metric*\n`lead_bot.response_time_p95` = 2600 (threshold 2000)',
            },
          ],
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: 'fingerprint `3f0c9a1b2c3d4e5f` · alertname=sla_violation, severity=critical, bot=lead',
            },
          ],
        },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '<https://hub.example.com/dashboard|Open dashboard>' },
        },
      ],
    });
  });

  it('escapes &, < and > in user text so it cannot ping channels or forge links', async () => {
    expect(escapeSlackText('<!channel> & <https://evil|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;https://evil|click&gt;',
    );
    await make().notify({
      notification: buildNotification({
        title: 'Alert <!here>',
        message: 'a < b & c > d',
        labels: { team: '<@U123>' },
        url: 'javascript:alert(1)',
      }),
    });
    const body = server.requests[0]?.body ?? '';
    // Every mrkdwn string (and the fallback text) is escaped; plain_text (the header) is never parsed by Slack.
    const mrkdwn: string[] = [];
    JSON.parse(body, (key, value: unknown) => {
      if (key === 'text' && typeof value === 'string') mrkdwn.push(value);
      if (
        typeof value === 'object' &&
        value !== null &&
        (value as { type?: string }).type === 'plain_text'
      )
        mrkdwn.pop();
      return value;
    });
    expect(mrkdwn.join('\n')).not.toMatch(/<!here>|<@U123>/);
    expect(mrkdwn).toContain(':rotating_light: Alert &lt;!here&gt;');
    expect(body).toContain('a &lt; b &amp; c &gt; d');
    expect(body).not.toContain('javascript:');
  });

  it('retries 500 and 429 (honouring Retry-After) and then succeeds', async () => {
    server.answer({ status: 500 }, { status: 429, headers: { 'retry-after': '0' } });
    await make().notify({ notification: buildNotification() });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 400 and keeps the secret URL out of the error', async () => {
    server.answer({ status: 400, body: 'invalid_payload' });
    const error = await make()
      .notify({ notification: buildNotification() })
      .catch((caught: unknown) => caught);
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({
      code: 'ALERT_CHANNEL_REJECTED',
      retryable: false,
      details: { status: 400 },
    });
    expect(JSON.stringify(error)).not.toContain('SECRET');
    expect(String(error)).not.toContain('SECRET');
  });

  it('gives up after maxAttempts on persistent 503 with a retryable error', async () => {
    server.answer({ status: 503 }, { status: 503 }, { status: 503 });
    await expect(make().notify({ notification: buildNotification() })).rejects.toMatchObject({
      code: 'ALERT_CHANNEL_UNAVAILABLE',
      retryable: true,
    });
    expect(server.requests).toHaveLength(3);
  });

  it('times out a hanging webhook and reports ALERT_CHANNEL_TIMEOUT', async () => {
    server.answer({ status: 200, hang: true }, { status: 200, hang: true });
    await expect(
      make({ timeoutMs: 50, retry: { maxAttempts: 2, baseDelayMs: 1 } }).notify({
        notification: buildNotification(),
      }),
    ).rejects.toMatchObject({ code: 'ALERT_CHANNEL_TIMEOUT' });
    expect(server.requests).toHaveLength(2);
  });

  it('retries network errors', async () => {
    const closed = await startRecordingHttpServer();
    const deadUrl = closed.url;
    await closed.close();
    const notifier = createSlackNotifier({
      webhookUrl: deadUrl,
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    await expect(notifier.notify({ notification: buildNotification() })).rejects.toMatchObject({
      code: 'ALERT_CHANNEL_UNAVAILABLE',
      details: { attempts: 2 },
    });
  });
});
