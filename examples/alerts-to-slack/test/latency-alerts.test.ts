import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@enterprisehub/core/testing';
import { createLatencyAlerting } from '../src/latency-alerts.js';

const SLACK_URL = 'https://hooks.slack.com/services/T0000/B0000/secret-token';
const received: Record<string, unknown>[] = [];
const server = setupServer(
  http.post(SLACK_URL, async ({ request }) => {
    received.push((await request.json()) as Record<string, unknown>);
    return new HttpResponse('ok');
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  received.length = 0;
});
afterAll(() => server.close());

const text = (message: Record<string, unknown> | undefined): string =>
  JSON.stringify(message ?? {});

describe('tracker → alert engine → Slack', () => {
  it('fires after the for-duration, notifies Slack with the bot label, and resolves when latency recovers', async () => {
    const clock = new ManualClock();
    const { tracker, engine } = createLatencyAlerting({
      slackWebhookUrl: SLACK_URL,
      clock,
      externalUrl: 'https://hub.example.com',
    });
    for (let turn = 0; turn < 10; turn += 1)
      tracker.record({ bot: 'lead', operation: 'process', durationMs: 2_500, success: true });
    for (let turn = 0; turn < 10; turn += 1)
      tracker.record({ bot: 'buyer', operation: 'process', durationMs: 300, success: true });

    await engine.evaluate(); // condition holds, but forMs (1 min) has not passed: pending, no message
    await engine.idle();
    expect(received).toHaveLength(0);
    expect(engine.alerts({ state: 'pending' }).map((alert) => alert.labels['bot'])).toEqual([
      'lead',
    ]);

    clock.advance(61_000);
    await engine.evaluate();
    await engine.idle();

    expect(engine.alerts({ state: 'firing' })).toHaveLength(1);
    expect(received).toHaveLength(1);
    expect(text(received[0])).toContain('Bot turn latency p95');
    expect(text(received[0])).toContain('lead');
    expect(text(received[0])).toContain('https://hub.example.com');

    clock.advance(61 * 60_000); // the slow turns leave the 1h window
    for (let turn = 0; turn < 10; turn += 1)
      tracker.record({ bot: 'lead', operation: 'process', durationMs: 200, success: true });
    await engine.evaluate();
    await engine.idle();

    expect(engine.alerts({ state: 'firing' })).toHaveLength(0);
    expect(received).toHaveLength(2);
    expect(text(received[1]).toLowerCase()).toContain('resolved');
  });

  it('stays quiet below minSamples (a slow first turn at night pages nobody)', async () => {
    const clock = new ManualClock();
    const { tracker, engine } = createLatencyAlerting({ slackWebhookUrl: SLACK_URL, clock });
    for (let turn = 0; turn < 4; turn += 1)
      tracker.record({ bot: 'seller', operation: 'process', durationMs: 9_000, success: false });

    await engine.evaluate();
    clock.advance(120_000);
    await engine.evaluate();
    await engine.idle();

    expect(engine.alerts({ state: 'firing' })).toHaveLength(0);
    expect(received).toHaveLength(0);
  });
});
