import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNotification } from '../../test/support/notification-fixture';
import {
  startRecordingHttpServer,
  type RecordingHttpServer,
} from '../../test/support/recording-http-server';
import { createPagerDutyNotifier, PAGERDUTY_EVENTS_URL } from './pagerduty-notifier';

let server: RecordingHttpServer;
beforeEach(async () => {
  server = await startRecordingHttpServer({
    status: 202,
    headers: { 'content-type': 'application/json' },
    body: '{"status":"success","message":"Event processed","dedup_key":"3f0c9a1b2c3d4e5f"}',
  });
});
afterEach(() => server.close());

const routingKey = 'R0UT1NGKEYSECRET000000000000000';
const make = () =>
  createPagerDutyNotifier({
    routingKey,
    url: `${server.url}/v2/enqueue`,
    retry: { maxAttempts: 3, baseDelayMs: 1 },
  });

describe('createPagerDutyNotifier', () => {
  it('defaults to the Events API v2 endpoint', () => {
    expect(PAGERDUTY_EVENTS_URL).toBe('https://events.pagerduty.com/v2/enqueue');
  });

  it('triggers with dedup_key = fingerprint and a full payload', async () => {
    await make().notify({
      notification: buildNotification({
        escalationLevel: 3,
        labels: { bot: 'lead', tenantId: 't1' },
      }),
    });
    const [request] = server.requests;
    expect(request?.path).toBe('/v2/enqueue');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      routing_key: routingKey,
      event_action: 'trigger',
      dedup_key: '3f0c9a1b2c3d4e5f',
      payload: {
        summary: '[FIRING:CRITICAL] SLA violation (bot=lead)',
        source: 'enterprisehub',
        severity: 'critical',
        timestamp: '2026-01-01T00:00:00.000Z',
        class: 'sla_violation',
        component: 'lead',
        group: 't1',
        custom_details: {
          message: 'lead_bot.response_time_p95 = 2600 ms (threshold 2000 ms, 57 samples).',
          escalation_level: 3,
          labels: { bot: 'lead', tenantId: 't1' },
          metric: { name: 'lead_bot.response_time_p95', value: 2600, threshold: 2000 },
        },
      },
      client: 'EnterpriseHub',
      client_url: 'https://hub.example.com/dashboard',
      links: [{ href: 'https://hub.example.com/dashboard', text: 'Dashboard' }],
    });
  });

  it('acknowledges and resolves by dedup_key', async () => {
    const notifier = make();
    await notifier.notify({
      notification: buildNotification({ status: 'acknowledged', acknowledgedBy: 'oncall-7' }),
    });
    await notifier.notify({ notification: buildNotification({ status: 'resolved' }) });
    expect(server.requests.map((request) => request.json)).toEqual([
      { routing_key: routingKey, event_action: 'acknowledge', dedup_key: '3f0c9a1b2c3d4e5f' },
      { routing_key: routingKey, event_action: 'resolve', dedup_key: '3f0c9a1b2c3d4e5f' },
    ]);
    expect(notifier.supportsAcknowledge).toBe(true);
  });

  it('retries a 429 and a 500, never a 400, and never leaks the routing key', async () => {
    server.answer({ status: 429, headers: { 'retry-after': '0' } }, { status: 500 });
    await make().notify({ notification: buildNotification() });
    expect(server.requests).toHaveLength(3);
    server.answer({ status: 400, body: `{"status":"invalid event","errors":["${routingKey}"]}` });
    const error: unknown = await make()
      .notify({ notification: buildNotification() })
      .catch((caught: unknown) => caught);
    expect(server.requests).toHaveLength(4);
    expect(error).toMatchObject({ code: 'ALERT_CHANNEL_REJECTED', retryable: false });
    expect(JSON.stringify(error)).not.toContain(routingKey);
  });
});
