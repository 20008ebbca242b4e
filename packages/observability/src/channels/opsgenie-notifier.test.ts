import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNotification } from '../../test/support/notification-fixture';
import {
  startRecordingHttpServer,
  type RecordingHttpServer,
} from '../../test/support/recording-http-server';
import { createOpsgenieNotifier, opsgenieAlertsUrl } from './opsgenie-notifier';

let server: RecordingHttpServer;
beforeEach(async () => {
  server = await startRecordingHttpServer({
    status: 202,
    headers: { 'content-type': 'application/json' },
    body: '{"result":"Request will be processed","took":0.1,"requestId":"43a29c5c"}',
  });
});
afterEach(() => server.close());

const apiKey = 'eb243592-faa2-4ba2-a551q-1afdf565c889';
const make = () =>
  createOpsgenieNotifier({
    apiKey,
    url: `${server.url}/`,
    retry: { maxAttempts: 3, baseDelayMs: 1 },
  });

describe('createOpsgenieNotifier', () => {
  it('normalises the base URL to the alerts endpoint', () => {
    expect(opsgenieAlertsUrl(undefined)).toBe('https://api.opsgenie.com/v2/alerts');
    expect(opsgenieAlertsUrl('https://api.eu.opsgenie.com/')).toBe(
      'https://api.eu.opsgenie.com/v2/alerts',
    );
    expect(opsgenieAlertsUrl('https://api.opsgenie.com/v2/alerts')).toBe(
      'https://api.opsgenie.com/v2/alerts',
    );
  });

  it('creates an alert with alias = fingerprint and GenieKey authorisation', async () => {
    await make().notify({ notification: buildNotification() });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v2/alerts');
    expect(request?.headers['authorization']).toBe(`GenieKey ${apiKey}`);
    expect(request?.json).toEqual({
      message: '[FIRING:CRITICAL] SLA violation (bot=lead)',
      alias: '3f0c9a1b2c3d4e5f',
      description: 'lead_bot.response_time_p95 = 2600 ms (threshold 2000 ms, 57 samples).',
      tags: ['critical', 'sla_violation'],
      details: {
        alertname: 'sla_violation',
        severity: 'critical',
        bot: 'lead',
        escalation_level: '1',
        metric: 'lead_bot.response_time_p95',
        value: '2600',
        threshold: '2000',
        dashboard: 'https://hub.example.com/dashboard',
      },
      entity: 'sla_violation',
      source: 'EnterpriseHub',
      priority: 'P1',
    });
  });

  it('acknowledges and closes by alias', async () => {
    const notifier = make();
    await notifier.notify({
      notification: buildNotification({
        status: 'acknowledged',
        acknowledgedBy: 'oncall-7',
        annotations: { acknowledge_comment: 'on it' },
      }),
    });
    await notifier.notify({
      notification: buildNotification({ status: 'resolved', title: '[RESOLVED] SLA violation' }),
    });
    expect(server.requests.map((request) => [request.path, request.json])).toEqual([
      [
        '/v2/alerts/3f0c9a1b2c3d4e5f/acknowledge?identifierType=alias',
        { user: 'oncall-7', source: 'EnterpriseHub', note: 'on it' },
      ],
      [
        '/v2/alerts/3f0c9a1b2c3d4e5f/close?identifierType=alias',
        { source: 'EnterpriseHub', note: '[RESOLVED] SLA violation' },
      ],
    ]);
  });

  it('maps warning to P3, retries a 503, does not retry a 422', async () => {
    server.answer({ status: 503 });
    await make().notify({ notification: buildNotification({ severity: 'warning' }) });
    expect(
      server.requests.map((request) => (request.json as { priority: string }).priority),
    ).toEqual(['P3', 'P3']);
    server.answer({ status: 422 });
    await expect(make().notify({ notification: buildNotification() })).rejects.toMatchObject({
      code: 'ALERT_CHANNEL_REJECTED',
    });
    expect(server.requests).toHaveLength(3);
  });
});
