import { createEventBus, systemClock } from '@enterprisehub/core';
import { ManualClock } from '@enterprisehub/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlertEngine } from '../src/alerting/alert-engine';
import type { AlertSource } from '../src/alerting/alert-source';
import { DEFAULT_ALERT_RULES } from '../src/alerting/default-alert-rules';
import { parseAlertingConfig } from '../src/channels/alerting-config';
import { createChannelsFromConfig } from '../src/channels/create-channels-from-config';
import {
  ALERT_FEED_METRICS,
  ALERT_FEED_SUPPLEMENTARY_METRICS,
  type AlertFeed,
  type AlertFeedSource,
} from '../src/metrics/alert-feed';
import {
  startRecordingHttpServer,
  type RecordingHttpServer,
} from './support/recording-http-server';

const MINUTE = 60_000;

/** A healthy collector feed (the shape `feedToAlerting()` returns), with overrides. */
function feed(at: number, overrides: Partial<AlertFeed['metrics']> = {}): AlertFeed {
  const metrics = Object.fromEntries(
    ALERT_FEED_METRICS.map((name) => [name, 0]),
  ) as AlertFeed['metrics'];
  metrics.cache_hit_rate = 0.9;
  Object.assign(metrics, overrides);
  const samples = Object.fromEntries(
    ALERT_FEED_METRICS.map((name) => [name, 200]),
  ) as AlertFeed['samples'];
  const supplementary = Object.fromEntries(
    ALERT_FEED_SUPPLEMENTARY_METRICS.map((name) => [name, 0]),
  ) as AlertFeed['supplementary'];
  const supplementarySamples = Object.fromEntries(
    ALERT_FEED_SUPPLEMENTARY_METRICS.map((name) => [name, 200]),
  ) as AlertFeed['supplementarySamples'];
  return { at, windowMs: 5 * MINUTE, metrics, samples, supplementary, supplementarySamples };
}

let server: RecordingHttpServer;
beforeEach(async () => {
  server = await startRecordingHttpServer({ status: 202, body: '{}' });
});
afterEach(() => server.close());

describe('alerting end to end (engine + channels from env)', () => {
  it('pages through Slack, webhook, PagerDuty and Opsgenie and acknowledges and resolves upstream', async () => {
    const clock = new ManualClock();
    const config = parseAlertingConfig({
      ALERT_SLACK_WEBHOOK_URL: `${server.url}/slack`,
      ALERT_WEBHOOK_URL: `${server.url}/webhook`,
      ALERT_WEBHOOK_HEADERS: '{"X-Api-Token":"hook-token"}',
      ALERT_WEBHOOK_PAGERDUTY_URL: `${server.url}/pagerduty/v2/enqueue`,
      ALERT_WEBHOOK_PAGERDUTY_API_KEY: 'pd-routing-key',
      ALERT_WEBHOOK_OPSGENIE_URL: `${server.url}/opsgenie`,
      ALERT_WEBHOOK_OPSGENIE_API_KEY: 'og-key',
    });
    const channels = createChannelsFromConfig(config, {
      clock: systemClock,
      retry: { baseDelayMs: 1 },
    });
    const state = { current: feed(clock.now()) };
    const collectorSource: AlertFeedSource = () => state.current;
    const source: AlertSource = collectorSource; // the collector's feed plugs in as is
    const events = createEventBus();
    const firedRules: string[] = [];
    events.on('alert.fired', ({ ruleId }) => void firedRules.push(ruleId));
    const engine = createAlertEngine({
      clock,
      source,
      channels,
      events,
      rules: DEFAULT_ALERT_RULES,
    });

    await engine.evaluate();
    expect(server.requests).toHaveLength(0);

    state.current = feed(clock.now(), { error_rate: 0.12 });
    const fired = await engine.evaluate();
    expect(firedRules).toEqual(['high_error_rate']);
    expect(server.requests.map((request) => request.path).sort()).toEqual(['/slack', '/webhook']);
    expect(
      server.requests.find((request) => request.path === '/webhook')?.headers['x-api-token'],
    ).toBe('hook-token');

    clock.advance(15 * MINUTE);
    await engine.evaluate();
    const pagerduty = server.requests.filter((request) => request.path === '/pagerduty/v2/enqueue');
    expect(
      pagerduty.map((request) => (request.json as { event_action: string }).event_action),
    ).toEqual(['trigger']);
    expect(server.requests.some((request) => request.path === '/opsgenie/v2/alerts')).toBe(true);

    const fingerprint = fired.fired[0]?.fingerprint ?? '';
    await engine.acknowledge({ fingerprint, by: 'oncall-7' });
    expect(server.requests.at(-1)?.path ?? '').toMatch(/acknowledge/);
    expect(
      server.requests
        .filter((request) => request.path.includes('/acknowledge'))
        .map((request) => request.path),
    ).toEqual([`/opsgenie/v2/alerts/${fingerprint}/acknowledge?identifierType=alias`]);
    expect(
      server.requests.filter(
        (request) => (request.json as { event_action?: string }).event_action === 'acknowledge',
      ),
    ).toHaveLength(1);

    state.current = feed(clock.now());
    await engine.evaluate();
    const resolveCalls = server.requests.filter(
      (request) =>
        (request.json as { event_action?: string; status?: string }).event_action === 'resolve' ||
        (request.json as { status?: string }).status === 'resolved' ||
        request.path.includes('/close') ||
        (request.path === '/slack' && request.body.includes('RESOLVED')),
    );
    expect(resolveCalls.map((request) => request.path.split('?')[0]).sort()).toEqual([
      `/opsgenie/v2/alerts/${fingerprint}/close`,
      '/pagerduty/v2/enqueue',
      '/slack',
      '/webhook',
    ]);
    expect(await engine.history()).toEqual([
      expect.objectContaining({ status: 'resolved', acknowledgedBy: 'oncall-7' }),
    ]);
  });
});
