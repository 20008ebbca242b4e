import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNotification, FIRED_AT } from '../../test/support/notification-fixture';
import {
  startRecordingHttpServer,
  type RecordingHttpServer,
} from '../../test/support/recording-http-server';
import { createWebhookNotifier } from './webhook-notifier';

let server: RecordingHttpServer;
beforeEach(async () => {
  server = await startRecordingHttpServer();
});
afterEach(() => server.close());

const make = () =>
  createWebhookNotifier({
    url: `${server.url}/hooks/alerts`,
    headers: { 'X-Api-Token': 'token-123', 'X-Team': 'ops' },
    retry: { maxAttempts: 3, baseDelayMs: 1 },
  });

const labels = { alertname: 'sla_violation', severity: 'critical', bot: 'lead' };
const annotations = {
  summary: '[FIRING:CRITICAL] SLA violation (bot=lead)',
  description: 'lead_bot.response_time_p95 = 2600 ms (threshold 2000 ms, 57 samples).',
  escalation_level: '1',
  metric: 'lead_bot.response_time_p95',
  value: '2600',
  threshold: '2000',
};

describe('createWebhookNotifier', () => {
  it('posts the Alertmanager v4 body with the custom headers', async () => {
    await make().notify({ notification: buildNotification() });
    const [request] = server.requests;
    expect(request?.path).toBe('/hooks/alerts');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-api-token': 'token-123',
      'x-team': 'ops',
    });
    expect(request?.json).toEqual({
      version: '4',
      groupKey: '{}:{alertname="sla_violation", bot="lead"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'enterprisehub',
      groupLabels: { alertname: 'sla_violation', bot: 'lead' },
      commonLabels: labels,
      commonAnnotations: annotations,
      externalURL: 'https://hub.example.com/dashboard',
      alerts: [
        {
          status: 'firing',
          labels,
          annotations,
          startsAt: '2026-01-01T00:00:00.000Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'https://hub.example.com/dashboard',
          fingerprint: '3f0c9a1b2c3d4e5f',
        },
      ],
    });
  });

  it('marks resolved alerts with status and endsAt', async () => {
    await make().notify({
      notification: buildNotification({
        status: 'resolved',
        title: '[RESOLVED] SLA violation',
        resolvedAt: FIRED_AT + 60_000,
      }),
    });
    expect(server.requests[0]?.json).toMatchObject({
      status: 'resolved',
      alerts: [{ status: 'resolved', endsAt: '2026-01-01T00:01:00.000Z' }],
    });
  });

  it('ignores acknowledgements (Alertmanager has no such status)', async () => {
    await make().notify({ notification: buildNotification({ status: 'acknowledged' }) });
    expect(server.requests).toHaveLength(0);
  });

  it('retries a 502 but not a 404', async () => {
    server.answer({ status: 502 });
    await make().notify({ notification: buildNotification() });
    expect(server.requests).toHaveLength(2);
    server.answer({ status: 404 });
    await expect(make().notify({ notification: buildNotification() })).rejects.toMatchObject({
      code: 'ALERT_CHANNEL_REJECTED',
    });
    expect(server.requests).toHaveLength(3);
  });
});
