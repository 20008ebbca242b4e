import {
  createEventBus,
  createMemoryMetricsRepository,
  createMemoryNotifier,
  type AlertNotification,
  type EventMap,
  type MemoryNotifier,
} from '@enterprisehub/core';
import { ManualClock } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createAlertEngine } from './alert-engine';
import type { AlertRuleInput } from './alert-rule';
import type { AlertSourceSnapshot } from './alert-source';

const MINUTE = 60_000;

const errorRateRule: AlertRuleInput = {
  id: 'high_error_rate',
  name: 'High error rate',
  severity: 'critical',
  metric: 'error_rate',
  operator: 'gt',
  threshold: 0.05,
  forMs: MINUTE,
  minSamples: 20,
  cooldownMs: 5 * MINUTE,
  channels: ['email', 'slack', 'webhook'],
};

function setup(rules: AlertRuleInput[] = [errorRateRule]) {
  const clock = new ManualClock();
  const kinds = ['email', 'slack', 'webhook', 'pagerduty', 'opsgenie'] as const;
  const channels = Object.fromEntries(
    kinds.map((kind) => [kind, createMemoryNotifier({ name: kind, kind })]),
  ) as Record<(typeof kinds)[number], MemoryNotifier>;
  const feed: { current: AlertSourceSnapshot } = { current: { metrics: {}, samples: {} } };
  const setMetric = (name: string, value: number, samples: number): void => {
    feed.current = { metrics: { [name]: value }, samples: { [name]: samples } };
  };
  const events = createEventBus();
  const fired: EventMap['alert.fired'][] = [];
  const resolved: EventMap['alert.resolved'][] = [];
  events.on('alert.fired', (payload) => void fired.push(payload));
  events.on('alert.resolved', (payload) => void resolved.push(payload));
  const repository = createMemoryMetricsRepository();
  const engine = createAlertEngine({
    clock,
    rules,
    channels: Object.values(channels),
    source: () => feed.current,
    events,
    repository,
  });
  const statuses = (notifier: MemoryNotifier): string[] =>
    notifier.sent.map(
      ({ notification }) => `${notification.status}:L${notification.escalationLevel}`,
    );
  return { clock, channels, setMetric, engine, fired, resolved, repository, statuses };
}

describe('createAlertEngine lifecycle', () => {
  it('walks pending → firing → L2 → L3 → acknowledge → resolved with notifications only on edges', async () => {
    const { clock, channels, setMetric, engine, fired, resolved, statuses } = setup();
    setMetric('error_rate', 0.2, 100);

    const first = await engine.evaluate();
    expect(first.alerts.map((alert) => alert.state)).toEqual(['pending']);
    expect(channels.email.sent).toHaveLength(0);

    clock.advance(MINUTE);
    const second = await engine.evaluate();
    expect(second.fired).toHaveLength(1);
    expect(fired).toEqual([
      expect.objectContaining({
        ruleId: 'high_error_rate',
        severity: 'critical',
        tenantId: '_global',
      }),
    ]);
    for (const kind of ['email', 'slack', 'webhook'] as const)
      expect(statuses(channels[kind])).toEqual(['firing:L1']);
    expect(channels.pagerduty.sent).toHaveLength(0);
    const notification = channels.slack.sent[0]?.notification as AlertNotification;
    expect(notification).toMatchObject({
      ruleId: 'high_error_rate',
      fingerprint: second.fired[0]?.fingerprint,
      metric: { name: 'error_rate', value: 0.2, threshold: 0.05 },
      labels: { alertname: 'high_error_rate', severity: 'critical' },
    });
    expect(notification.title).toContain('[FIRING:CRITICAL]');
    expect(notification.message).toContain('20.0%');

    clock.advance(2 * MINUTE);
    await engine.evaluate();
    expect(channels.email.sent).toHaveLength(1);

    clock.advance(3 * MINUTE); // 5 minutes after firing: level 2 (email + slack + webhook)
    await engine.evaluate();
    for (const kind of ['email', 'slack', 'webhook'] as const) {
      expect(statuses(channels[kind])).toEqual(['firing:L1', 'firing:L2']);
    }
    expect(channels.pagerduty.sent).toHaveLength(0);

    clock.advance(10 * MINUTE); // 15 minutes after firing: level 3 (PagerDuty + Opsgenie)
    await engine.evaluate();
    expect(statuses(channels.pagerduty)).toEqual(['firing:L3']);
    expect(statuses(channels.opsgenie)).toEqual(['firing:L3']);
    const fingerprint = second.fired[0]?.fingerprint ?? '';
    expect(engine.getAlert(fingerprint)?.escalationLevel).toBe(3);

    const ack = await engine.acknowledge({ fingerprint, by: 'oncall-7', comment: 'looking' });
    expect(ack.kind).toBe('acknowledged');
    expect(statuses(channels.pagerduty)).toEqual(['firing:L3', 'acknowledged:L3']);
    expect(statuses(channels.opsgenie)).toEqual(['firing:L3', 'acknowledged:L3']);
    expect(channels.slack.sent).toHaveLength(3); // firing L1, L2 and the repeat folded into L3's evaluation
    expect((await engine.acknowledge({ fingerprint, by: 'oncall-7' })).kind).toBe(
      'already_acknowledged',
    );

    const before = channels.slack.sent.length;
    clock.advance(30 * MINUTE); // acknowledged: no more escalation or repeats
    await engine.evaluate();
    expect(channels.slack.sent).toHaveLength(before);
    expect(channels.pagerduty.sent).toHaveLength(2);

    setMetric('error_rate', 0.01, 100);
    const last = await engine.evaluate();
    expect(last.resolved).toHaveLength(1);
    expect(last.alerts).toHaveLength(0);
    expect(resolved).toEqual([expect.objectContaining({ ruleId: 'high_error_rate', fingerprint })]);
    for (const kind of ['email', 'slack', 'webhook', 'pagerduty', 'opsgenie'] as const) {
      expect(channels[kind].sent.at(-1)?.notification.status).toBe('resolved');
    }
    const history = await engine.history();
    expect(history).toEqual([
      expect.objectContaining({
        fingerprint,
        status: 'resolved',
        escalationLevel: 3,
        acknowledgedBy: 'oncall-7',
      }),
    ]);
  });

  it('never notifies while the value rests on fewer samples than minSamples', async () => {
    const { clock, channels, setMetric, engine } = setup([{ ...errorRateRule, forMs: 0 }]);
    setMetric('error_rate', 1, 19); // one failure out of one would be 100%; 19 samples is still too few
    for (let step = 0; step < 20; step += 1) {
      const report = await engine.evaluate();
      expect(report.alerts).toHaveLength(0);
      clock.advance(MINUTE);
    }
    expect(channels.email.sent).toHaveLength(0);
    setMetric('error_rate', 1, 20);
    expect((await engine.evaluate()).fired).toHaveLength(1);
    expect(channels.email.sent).toHaveLength(1);
  });

  it('drops a pending alert back to inactive when samples fall below minSamples', async () => {
    const { clock, setMetric, engine } = setup();
    setMetric('error_rate', 0.5, 100);
    await engine.evaluate();
    setMetric('error_rate', 0.5, 3);
    clock.advance(MINUTE);
    expect((await engine.evaluate()).alerts).toHaveLength(0);
  });

  it('sends one notification per fingerprint within the cooldown, then repeats', async () => {
    const rule: AlertRuleInput = {
      ...errorRateRule,
      severity: 'warning',
      forMs: 0,
      channels: ['slack'],
    };
    const { clock, channels, setMetric, engine } = setup([rule]);
    setMetric('error_rate', 0.3, 100);
    for (let second = 0; second < 5 * 60; second += 30) {
      await engine.evaluate();
      clock.advance(30_000);
    }
    expect(channels.slack.sent).toHaveLength(1);
    await engine.evaluate(); // t = 5 min: repeat interval reached
    expect(channels.slack.sent).toHaveLength(2);
    expect(channels.slack.sent[1]?.notification.escalationLevel).toBe(1);
  });

  it('does not re-announce a flapping alert within the cooldown but does once it ends if still firing', async () => {
    const rule: AlertRuleInput = {
      ...errorRateRule,
      severity: 'warning',
      forMs: 0,
      channels: ['slack'],
    };
    const { clock, channels, setMetric, engine, statuses } = setup([rule]);
    setMetric('error_rate', 0.3, 100);
    await engine.evaluate();
    clock.advance(MINUTE);
    setMetric('error_rate', 0.01, 100);
    await engine.evaluate();
    clock.advance(MINUTE);
    setMetric('error_rate', 0.3, 100);
    const refire = await engine.evaluate();
    expect(refire.fired).toHaveLength(1);
    expect(statuses(channels.slack)).toEqual(['firing:L1', 'resolved:L1']);
    clock.advance(3 * MINUTE); // 5 minutes after the first notice
    await engine.evaluate();
    expect(statuses(channels.slack)).toEqual(['firing:L1', 'resolved:L1', 'firing:L1']);
  });

  it('evaluates on the injected clock after start() until stop()', async () => {
    const { clock, channels, setMetric, engine } = setup([{ ...errorRateRule, forMs: 0 }]);
    setMetric('error_rate', 0.3, 100);
    engine.start();
    expect(engine.running).toBe(true);
    await clock.advanceAsync(30_000);
    await engine.idle();
    expect(channels.email.sent).toHaveLength(1);
    engine.stop();
    setMetric('error_rate', 0, 100);
    await clock.advanceAsync(10 * MINUTE);
    await engine.idle();
    expect(engine.alerts({ state: 'firing' })).toHaveLength(1);
    expect(engine.running).toBe(false);
  });

  it('keeps a firing alert without fresh data, but repeats only when data confirms it again', async () => {
    const rule: AlertRuleInput = {
      ...errorRateRule,
      severity: 'warning',
      forMs: 0,
      channels: ['slack'],
    };
    const { clock, channels, setMetric, engine } = setup([rule]);
    setMetric('error_rate', 0.3, 100);
    await engine.evaluate();
    setMetric('error_rate', 0.3, 2); // night: too few samples to judge
    clock.advance(10 * MINUTE);
    const quiet = await engine.evaluate();
    expect(quiet.alerts.map((alert) => alert.state)).toEqual(['firing']);
    expect(quiet.resolved).toHaveLength(0);
    expect(channels.slack.sent).toHaveLength(1);
    setMetric('error_rate', 0.3, 100);
    await engine.evaluate();
    expect(channels.slack.sent).toHaveLength(2);
  });

  it('tracks per-tenant snapshots as separate alerts and passes the tenant and windows along', async () => {
    const clock = new ManualClock();
    const slack = createMemoryNotifier({ name: 'slack', kind: 'slack' });
    const requests: { at: number; windows: readonly string[] }[] = [];
    const engine = createAlertEngine({
      clock,
      channels: [slack],
      rules: [{ ...errorRateRule, forMs: 0, window: '15m', channels: ['slack'] }],
      source: (request) => {
        requests.push(request);
        return [
          { tenantId: 'agency-a', metrics: { error_rate: 0.3 }, samples: { error_rate: 50 } },
          { tenantId: 'agency-b', metrics: { error_rate: 0.01 }, samples: { error_rate: 50 } },
        ];
      },
    });
    const report = await engine.evaluate();
    expect(requests).toEqual([{ at: clock.now(), windows: ['15m'] }]);
    expect(report.fired.map((alert) => [alert.tenantId, alert.labels['tenantId']])).toEqual([
      ['agency-a', 'agency-a'],
    ]);
    expect(slack.sent.map((entry) => entry.tenantId)).toEqual(['agency-a']);
  });

  it('acknowledges by episode id or with the positional shorthand, upstream only to pager channels', async () => {
    const clock = new ManualClock();
    const pager = createMemoryNotifier({ name: 'pagerduty' }); // kind 'log', recognised by its name
    const slack = createMemoryNotifier({ name: 'slack', kind: 'slack' });
    const feed = { value: 0.5 };
    const engine = createAlertEngine({
      clock,
      channels: [pager, slack],
      rules: [
        { ...errorRateRule, forMs: 0, channels: ['slack', 'pagerduty'] },
        { ...errorRateRule, id: 'second', forMs: 0, channels: ['slack', 'pagerduty'] },
      ],
      source: () => ({ metrics: { error_rate: feed.value }, samples: { error_rate: 100 } }),
    });
    const [first, second] = (await engine.evaluate()).fired;
    expect((await engine.acknowledge({ fingerprint: first?.id ?? '', by: 'ops-1' })).kind).toBe(
      'acknowledged',
    );
    expect((await engine.acknowledge(second?.fingerprint ?? '', 'ops-2')).kind).toBe(
      'acknowledged',
    );
    expect(
      pager.sent.map(
        ({ notification }) => `${notification.status}:${notification.acknowledgedBy ?? ''}`,
      ),
    ).toEqual(['firing:', 'firing:', 'acknowledged:ops-1', 'acknowledged:ops-2']);
    expect(slack.sent.map(({ notification }) => notification.status)).toEqual(['firing', 'firing']);
  });

  it('keeps states unchanged and reports the failure when the source throws', async () => {
    const clock = new ManualClock();
    const errors: string[] = [];
    const engine = createAlertEngine({
      clock,
      channels: [],
      source: () => {
        throw new Error('collector down');
      },
      onError: (error, context) => void errors.push(`${context.operation}:${error.code}`),
    });
    const report = await engine.evaluate();
    expect(report.sourceOk).toBe(false);
    expect(errors).toEqual(['source:INTERNAL']);
  });
});
