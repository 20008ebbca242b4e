import { EnterpriseHubError, createMemoryNotifier } from '@enterprisehub/core';
import { ManualClock } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createAlertEngine } from './alert-engine';
import { alertFingerprint } from './alert-fingerprint';
import { alertRuleSchema, type AlertRuleInput } from './alert-rule';
import { expandSeries } from './alert-series';
import { DEFAULT_ALERT_RULES } from './default-alert-rules';
import { parseDurationMs } from './parse-duration';

const base: AlertRuleInput = {
  id: 'latency',
  name: 'Latency',
  severity: 'critical',
  metric: 'error_rate',
  operator: '>',
  threshold: 0.05,
};

describe('DEFAULT_ALERT_RULES', () => {
  it('holds the seven seed rules with their severities, cooldowns and channels', () => {
    expect(
      DEFAULT_ALERT_RULES.map((rule) => [
        rule.id,
        rule.severity,
        rule.cooldownMs / 60_000,
        rule.channels.join('+'),
      ]),
    ).toEqual([
      ['sla_violation', 'critical', 5, 'email+slack+webhook'],
      ['high_error_rate', 'critical', 5, 'email+slack+webhook'],
      ['low_cache_hit_rate', 'warning', 10, 'slack'],
      ['handoff_failure', 'critical', 5, 'email+slack'],
      ['bot_unresponsive', 'critical', 10, 'email+slack+webhook'],
      ['circular_handoff_spike', 'warning', 10, 'slack'],
      ['rate_limit_breach', 'warning', 5, 'slack'],
    ]);
    expect(Object.isFrozen(DEFAULT_ALERT_RULES)).toBe(true);
  });
});

describe('DEFAULT_ALERT_RULES on a collector feed', () => {
  const healthy = {
    metrics: {
      error_rate: 0.001,
      cache_hit_rate: 0.9,
      'lead_bot.response_time_p95': 800,
      'buyer_bot.response_time_p95': 900,
      'seller_bot.response_time_p95': 900,
      'handoff.response_time_p95': 100,
      'handoff.failure_rate': 0,
    },
    supplementary: {
      'bot.last_response_age_ms': 0,
      'handoff.blocked_count': 0,
      'handoff.circular_blocked_count': 0,
      'rate_limit.error_rate': 0,
      'llm.error_rate': 0,
    },
  };
  const firedFor = async (change: Record<string, number>, samples = 100) => {
    const clock = new ManualClock();
    const metrics = { ...healthy.metrics, ...change };
    const supplementary = { ...healthy.supplementary, ...change };
    const count = (values: Record<string, number>) =>
      Object.fromEntries(Object.keys(values).map((name) => [name, samples]));
    const engine = createAlertEngine({
      clock,
      channels: [],
      source: () => ({
        metrics: Object.fromEntries(
          Object.entries(metrics).filter(([name]) => name in healthy.metrics),
        ),
        samples: count(healthy.metrics),
        supplementary: Object.fromEntries(
          Object.entries(supplementary).filter(([name]) => name in healthy.supplementary),
        ),
        supplementarySamples: count(healthy.supplementary),
      }),
    });
    return (await engine.evaluate()).fired.map((alert) => `${alert.ruleId}:${alert.severity}`);
  };

  it.each([
    [{}, []],
    [{ 'lead_bot.response_time_p95': 2001 }, ['sla_violation:critical']],
    [{ 'seller_bot.response_time_p95': 2400 }, []],
    [{ error_rate: 0.06 }, ['high_error_rate:critical']],
    [{ error_rate: 0.02 }, ['high_error_rate:warning']],
    [{ cache_hit_rate: 0.4 }, ['low_cache_hit_rate:warning']],
    [{ 'handoff.failure_rate': 0.06 }, ['handoff_failure:critical']],
    [{ 'bot.last_response_age_ms': 300_000 }, ['bot_unresponsive:critical']],
    [{ 'handoff.circular_blocked_count': 11 }, ['circular_handoff_spike:warning']],
    [{ 'rate_limit.error_rate': 0.11 }, ['rate_limit_breach:warning']],
  ])('fires exactly the seed rule for %o', async (change, expected) => {
    expect(await firedFor(change)).toEqual(expected);
  });

  it('stays quiet at night: no waiting message, or too few samples for rates', async () => {
    expect(await firedFor({ 'bot.last_response_age_ms': 0 }, 0)).toEqual([]);
    expect(await firedFor({ error_rate: 1, 'handoff.failure_rate': 1 }, 1)).toEqual([]);
  });
});

describe('alertRuleSchema', () => {
  it('normalises symbolic operators and fills defaults', () => {
    const rule = alertRuleSchema.parse(base);
    expect(rule).toMatchObject({
      operator: 'gt',
      window: '5m',
      forMs: 0,
      minSamples: 1,
      enabled: true,
      labels: {},
    });
  });

  it.each([
    [{ operator: 'between' }, 'operator'],
    [{ id: 'Bad Id' }, 'id'],
    [{ window: 'soon' }, 'window'],
    [{ minSamples: -1 }, 'minSamples'],
    [{ warningThreshold: 0.1 }, 'warningThreshold'],
    [{ severity: 'warning', warningThreshold: 0.01 }, 'warningThreshold'],
    [{ labels: { alertname: 'x' } }, 'labels'],
  ])('rejects %o', (patch, field) => {
    const result = alertRuleSchema.safeParse({ ...base, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
});

describe('expandSeries', () => {
  it('captures {label} placeholders, applies overrides and adds the tenant label', () => {
    const rule = alertRuleSchema.parse({
      ...base,
      metric: '{bot}_bot.response_time_p95',
      threshold: 2500,
      overrides: [{ match: { bot: 'lead' }, threshold: 2000 }],
      minSamples: 10,
    });
    const series = expandSeries({
      rule,
      snapshots: [
        {
          tenantId: 't1',
          metrics: {
            'lead_bot.response_time_p95': 2100,
            'buyer_bot.response_time_p95': 2100,
            error_rate: 1,
          },
          samples: { 'lead_bot.response_time_p95': 10, 'buyer_bot.response_time_p95': 9 },
        },
      ],
    });
    expect(series.map((entry) => [entry.labels, entry.verdict])).toEqual([
      [
        { bot: 'lead', tenantId: 't1' },
        { kind: 'breach', severity: 'critical', threshold: 2000 },
      ],
      [{ bot: 'buyer', tenantId: 't1' }, { kind: 'unknown' }],
    ]);
    expect(series[0]?.fingerprint).toBe(
      alertFingerprint({ ruleId: 'latency', labels: { tenantId: 't1', bot: 'lead' } }),
    );
  });

  it('yields a warning between warningThreshold and threshold', () => {
    const rule = alertRuleSchema.parse({ ...base, warningThreshold: 0.01 });
    const verdict = (value: number) =>
      expandSeries({
        rule,
        snapshots: [{ metrics: { error_rate: value }, samples: { error_rate: 5 } }],
      })[0]?.verdict;
    expect(verdict(0.005)).toEqual({ kind: 'ok' });
    expect(verdict(0.02)).toEqual({ kind: 'breach', severity: 'warning', threshold: 0.01 });
    expect(verdict(0.06)).toEqual({ kind: 'breach', severity: 'critical', threshold: 0.05 });
  });
});

describe('alert engine rule CRUD', () => {
  const make = () => {
    const clock = new ManualClock();
    const slack = createMemoryNotifier({ name: 'slack', kind: 'slack' });
    const feed = { value: 0.5 };
    const engine = createAlertEngine({
      clock,
      rules: [],
      channels: [slack],
      source: () => ({ metrics: { error_rate: feed.value }, samples: { error_rate: 100 } }),
    });
    return { clock, slack, feed, engine };
  };

  it('adds, updates, disables and removes rules with validation', async () => {
    const { engine, slack } = make();
    expect(engine.listRules()).toEqual([]);
    engine.addRule({ ...base, channels: ['slack'] });
    expect(() => engine.addRule(base)).toThrow(
      expect.objectContaining({ code: 'ALERT_RULE_CONFLICT' }),
    );
    expect(() => engine.addRule({ ...base, id: 'other', threshold: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'ALERT_RULE_INVALID' }),
    );
    expect(() => engine.updateRule('missing', { threshold: 1 })).toThrow(
      expect.objectContaining({ code: 'ALERT_RULE_NOT_FOUND' }),
    );
    expect(engine.updateRule('latency', { threshold: 0.4, operator: '>=' }).operator).toBe('gte');
    expect((await engine.evaluate()).fired).toHaveLength(1);
    engine.disableRule('latency');
    expect((await engine.evaluate()).resolved).toHaveLength(1);
    expect(slack.sent.map(({ notification }) => notification.status)).toEqual([
      'firing',
      'resolved',
    ]);
    expect(engine.enableRule('latency').enabled).toBe(true);
    expect(engine.removeRule('latency')).toBe(true);
    expect(engine.removeRule('latency')).toBe(false);
  });

  it('names invalid fields without echoing their values', () => {
    const { engine } = make();
    try {
      engine.addRule({
        ...base,
        id: 'x',
        name: '',
        metric: 'secret-token-123',
        operator: 'nope' as unknown as 'gt',
      });
      expect.unreachable();
    } catch (error) {
      expect(EnterpriseHubError.isInstance(error)).toBe(true);
      const message = (error as Error).message;
      expect(message).toContain('operator');
      expect(message).not.toContain('nope');
    }
  });

  it('re-notifies and re-arms escalation when a warning turns critical', async () => {
    const { engine, slack, feed, clock } = make();
    engine.addRule({ ...base, warningThreshold: 0.01, channels: ['slack'] });
    feed.value = 0.02;
    const first = await engine.evaluate();
    expect(first.fired[0]?.severity).toBe('warning');
    const fingerprint = first.fired[0]?.fingerprint ?? '';
    await engine.acknowledge({ fingerprint, by: 'ops' });
    clock.advance(60_000);
    feed.value = 0.2;
    await engine.evaluate();
    expect(
      slack.sent.map(({ notification }) => `${notification.status}:${notification.severity}`),
    ).toEqual(['firing:warning', 'firing:critical']);
    expect(engine.getAlert(fingerprint)?.acknowledgedAt).toBeUndefined();
    expect((await engine.acknowledge({ fingerprint: 'nope', by: 'ops' })).kind).toBe('not_found');
  });
});

describe('parseDurationMs', () => {
  it('converts units and rejects garbage', () => {
    expect([
      parseDurationMs('250ms'),
      parseDurationMs('30s'),
      parseDurationMs('5m'),
      parseDurationMs('1h'),
    ]).toEqual([250, 30_000, 300_000, 3_600_000]);
    expect(parseDurationMs('7d')).toBe(604_800_000);
    expect(parseDurationMs('5 minutes')).toBeUndefined();
  });
});
