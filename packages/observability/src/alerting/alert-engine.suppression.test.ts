import { createMemoryNotifier, type MemoryNotifier } from '@enterprisehub/core';
import { ManualClock } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import type { AlertChannel } from '../channels/alert-channel';
import { createAlertEngine } from './alert-engine';
import { DEFAULT_ALERT_RULES, LLM_PROVIDER_DOWN_RULE } from './default-alert-rules';
import type { AlertSourceSnapshot } from './alert-source';

const MINUTE = 60_000;

function slaFeed(values: {
  lead?: number;
  buyer?: number;
  llmErrorRate?: number;
}): AlertSourceSnapshot {
  return {
    metrics: {
      'lead_bot.response_time_p95': values.lead ?? 300,
      'buyer_bot.response_time_p95': values.buyer ?? 300,
      'seller_bot.response_time_p95': 300,
    },
    samples: {
      'lead_bot.response_time_p95': 50,
      'buyer_bot.response_time_p95': 50,
      'seller_bot.response_time_p95': 50,
    },
    supplementary: { 'llm.error_rate': values.llmErrorRate ?? 0 },
    supplementarySamples: { 'llm.error_rate': 40 },
  };
}

function setup(channelList: AlertChannel[]) {
  const clock = new ManualClock();
  const feed = { current: slaFeed({}) };
  const sla = DEFAULT_ALERT_RULES.find((rule) => rule.id === 'sla_violation');
  const engine = createAlertEngine({
    clock,
    rules: [
      sla ?? DEFAULT_ALERT_RULES[0],
      { ...LLM_PROVIDER_DOWN_RULE, channels: ['slack'] },
    ].flatMap((rule) => (rule ? [rule] : [])),
    channels: channelList,
    source: () => feed.current,
    escalation: false,
  });
  return { clock, feed, engine };
}

const titles = (notifier: MemoryNotifier): string[] =>
  notifier.sent.map(({ notification }) => notification.title);

describe('createAlertEngine suppression', () => {
  it('fires sla_violation per bot with the seed targets (lead 2000 ms, buyer 2500 ms)', async () => {
    const slack = createMemoryNotifier({ name: 'slack', kind: 'slack' });
    const { feed, engine } = setup([slack]);
    feed.current = slaFeed({ lead: 2100, buyer: 2100 });
    const report = await engine.evaluate();
    expect(report.fired.map((alert) => alert.labels['bot'])).toEqual(['lead']);
    expect(report.fired[0]?.threshold).toBe(2000);
    feed.current = slaFeed({ lead: 2100, buyer: 2600 });
    expect((await engine.evaluate()).fired.map((alert) => alert.labels['bot'])).toEqual(['buyer']);
    expect(titles(slack)).toEqual([
      '[FIRING:CRITICAL] SLA violation (bot=lead)',
      '[FIRING:CRITICAL] SLA violation (bot=buyer)',
    ]);
  });

  it('mutes matching alerts during a silence and announces them once it expires', async () => {
    const slack = createMemoryNotifier({ name: 'slack', kind: 'slack' });
    const { clock, feed, engine } = setup([slack]);
    const silence = engine.createSilence({
      matchers: [
        { name: 'alertname', value: 'sla_violation' },
        { name: 'bot', value: 'lead|seller', isRegex: true },
      ],
      endsAt: clock.now() + 30 * MINUTE,
      createdBy: 'ops-1',
      comment: 'deploy window',
    });
    feed.current = slaFeed({ lead: 2600, buyer: 2600 });
    const report = await engine.evaluate();
    expect(report.fired).toHaveLength(2);
    expect(titles(slack)).toEqual(['[FIRING:CRITICAL] SLA violation (bot=buyer)']);
    const lead = report.alerts.find((alert) => alert.labels['bot'] === 'lead');
    expect(lead?.suppression).toEqual({ silencedBy: [silence.id], inhibitedBy: [] });

    clock.advance(10 * MINUTE);
    expect(engine.expireSilence(silence.id)?.endsAt).toBe(clock.now());
    expect(engine.listSilences()).toHaveLength(0);
    expect(engine.listSilences({ includeExpired: true })).toHaveLength(1);
    await engine.evaluate();
    expect(titles(slack)).toContain('[FIRING:CRITICAL] SLA violation (bot=lead)');
  });

  it('lets a silence start later and rejects one that ends before it starts', async () => {
    const slack = createMemoryNotifier({ name: 'slack', kind: 'slack' });
    const { clock, feed, engine } = setup([slack]);
    engine.createSilence({
      matchers: [{ name: 'alertname', value: 'sla_violation' }],
      startsAt: clock.now() + MINUTE,
      endsAt: clock.now() + 2 * MINUTE,
      createdBy: 'ops-1',
      comment: 'later',
    });
    feed.current = slaFeed({ lead: 2600 });
    await engine.evaluate();
    expect(slack.sent).toHaveLength(1);
    expect(() =>
      engine.createSilence({
        matchers: [{ name: 'bot', value: 'x' }],
        endsAt: clock.now() - 1,
        createdBy: 'a',
        comment: 'b',
      }),
    ).toThrow(expect.objectContaining({ code: 'ALERT_RULE_INVALID' }));
    expect(() =>
      engine.createSilence({ matchers: [], endsAt: clock.now() + 1, createdBy: 'a', comment: 'b' }),
    ).toThrow(expect.objectContaining({ code: 'ALERT_RULE_INVALID' }));
  });

  it('inhibits SLA alerts while the LLM provider is down, and announces them when it recovers', async () => {
    const slack = createMemoryNotifier({ name: 'slack', kind: 'slack' });
    const { feed, engine } = setup([slack]);
    feed.current = slaFeed({ lead: 2600, buyer: 2600, llmErrorRate: 0.9 });
    const report = await engine.evaluate();
    expect(report.fired).toHaveLength(3);
    expect(titles(slack)).toEqual(['[FIRING:CRITICAL] LLM provider down']);
    const llm = report.alerts.find((alert) => alert.ruleId === 'llm_provider_down');
    const sla = report.alerts.filter((alert) => alert.ruleId === 'sla_violation');
    expect(sla.map((alert) => alert.suppression?.inhibitedBy)).toEqual([
      [llm?.fingerprint],
      [llm?.fingerprint],
    ]);

    feed.current = slaFeed({ lead: 2600, buyer: 2600, llmErrorRate: 0 });
    await engine.evaluate();
    expect(titles(slack).slice(1).sort()).toEqual([
      '[FIRING:CRITICAL] SLA violation (bot=buyer)',
      '[FIRING:CRITICAL] SLA violation (bot=lead)',
      '[RESOLVED] LLM provider down',
    ]);
  });

  it('inhibits only the same bot when the source alert carries a bot label', async () => {
    const slack = createMemoryNotifier({ name: 'slack', kind: 'slack' });
    const clock = new ManualClock();
    const engine = createAlertEngine({
      clock,
      channels: [slack],
      rules: [
        DEFAULT_ALERT_RULES[0] ?? LLM_PROVIDER_DOWN_RULE,
        { ...LLM_PROVIDER_DOWN_RULE, metric: '{bot}_bot.llm_error_rate', channels: ['slack'] },
      ],
      source: () => ({
        metrics: {
          'lead_bot.response_time_p95': 2600,
          'buyer_bot.response_time_p95': 2600,
          'lead_bot.llm_error_rate': 1,
        },
        samples: {
          'lead_bot.response_time_p95': 50,
          'buyer_bot.response_time_p95': 50,
          'lead_bot.llm_error_rate': 50,
        },
      }),
    });
    await engine.evaluate();
    expect(titles(slack).sort()).toEqual([
      '[FIRING:CRITICAL] LLM provider down (bot=lead)',
      '[FIRING:CRITICAL] SLA violation (bot=buyer)',
    ]);
  });

  it('sends resolved notices only to notified channels that want them', async () => {
    const email = createMemoryNotifier({ name: 'email', kind: 'email' });
    const quietSlack: AlertChannel = Object.assign(
      createMemoryNotifier({ name: 'slack', kind: 'slack' }),
      {
        sendResolved: false,
      },
    );
    const webhook = createMemoryNotifier({ name: 'webhook', kind: 'webhook' });
    const pagerduty = createMemoryNotifier({ name: 'pagerduty', kind: 'pagerduty' });
    const { feed, engine } = setup([email, quietSlack, webhook, pagerduty]);
    feed.current = slaFeed({ lead: 2600 });
    await engine.evaluate();
    feed.current = slaFeed({});
    const report = await engine.evaluate();
    expect(report.resolved).toHaveLength(1);
    const statuses = (notifier: AlertChannel): string[] =>
      (notifier as MemoryNotifier).sent.map(({ notification }) => notification.status);
    expect(statuses(email)).toEqual(['firing', 'resolved']);
    expect(statuses(webhook)).toEqual(['firing', 'resolved']);
    expect(statuses(quietSlack)).toEqual(['firing']);
    expect(statuses(pagerduty)).toEqual([]); // never notified, so nothing to resolve
    expect(email.sent[1]?.notification.resolvedAt).toBe(report.at);
  });

  it('retries a channel that failed on a later evaluation', async () => {
    let failures = 1;
    const slack = createMemoryNotifier({
      name: 'slack',
      kind: 'slack',
      onNotify: () => {
        if (failures-- > 0) throw new Error('boom');
      },
    });
    const { clock, feed, engine } = setup([slack]);
    feed.current = slaFeed({ lead: 2600 });
    const first = await engine.evaluate();
    expect(first.deliveries).toEqual([
      expect.objectContaining({ channel: 'slack', ok: false, errorCode: 'INTERNAL' }),
    ]);
    clock.advance(MINUTE);
    await engine.evaluate();
    expect(slack.sent).toHaveLength(1);
  });
});
