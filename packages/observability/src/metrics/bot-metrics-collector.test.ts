import { createEventBus, type EventBus, type EventMap } from '@enterprisehub/core';
import { ManualClock } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createPerformanceTracker } from '../performance/performance-tracker';
import { ALERT_FEED_METRICS } from './alert-feed';
import { createBotMetricsCollector } from './bot-metrics-collector';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function setup() {
  const clock = new ManualClock();
  const events = createEventBus();
  const tracker = createPerformanceTracker({ clock });
  const collector = createBotMetricsCollector({ events, tracker, clock });
  return { clock, events, tracker, collector };
}

function turn(
  events: EventBus,
  clock: ManualClock,
  fields: Partial<EventMap['bot.turn.completed']>,
): void {
  events.emit('bot.turn.completed', {
    tenantId: 't1',
    at: clock.now(),
    contactId: 'c1',
    bot: 'lead',
    operation: 'process',
    durationMs: 100,
    success: true,
    ...fields,
  });
}

describe('createBotMetricsCollector — feedToAlerting', () => {
  it('returns exactly the seven metrics with zero samples when nothing happened', () => {
    const { collector, clock } = setup();
    const feed = collector.feedToAlerting();
    expect(Object.keys(feed.metrics)).toEqual([...ALERT_FEED_METRICS]);
    expect(Object.keys(feed.samples)).toEqual([...ALERT_FEED_METRICS]);
    expect(Object.values(feed.metrics).every((value) => value === 0)).toBe(true);
    expect(Object.values(feed.samples).every((value) => value === 0)).toBe(true);
    expect(feed).toMatchObject({ at: clock.now(), windowMs: 5 * MINUTE });
    expect(feed).not.toHaveProperty('tenantId');
  });

  it('computes error rate, per-bot p95 and handoff figures from bus events', () => {
    const { collector, events, clock } = setup();
    for (let index = 0; index < 20; index += 1) {
      turn(events, clock, { bot: 'lead', durationMs: (index + 1) * 100, success: index !== 0 });
      turn(events, clock, { bot: 'buyer', durationMs: 1000 });
    }
    turn(events, clock, { bot: 'seller', operation: 'handoff', success: false });
    for (let index = 0; index < 9; index += 1) {
      events.emit('handoff.completed', {
        tenantId: 't1',
        at: clock.now(),
        contactId: 'c1',
        from: 'lead',
        to: 'buyer',
        confidence: 0.9,
        durationMs: 50 + index * 10,
      });
    }
    const feed = collector.feedToAlerting();
    expect(feed.metrics.error_rate).toBeCloseTo(2 / 41, 10);
    expect(feed.samples.error_rate).toBe(41);
    expect(Math.abs(feed.metrics['lead_bot.response_time_p95'] - 1900) / 1900).toBeLessThanOrEqual(
      0.01,
    );
    expect(feed.samples['lead_bot.response_time_p95']).toBe(20);
    expect(feed.metrics['buyer_bot.response_time_p95']).toBeCloseTo(1000, -1);
    expect(feed.samples['seller_bot.response_time_p95']).toBe(0);
    expect(feed.metrics['handoff.failure_rate']).toBeCloseTo(0.1, 10);
    expect(feed.samples['handoff.failure_rate']).toBe(10);
    expect(feed.samples['handoff.response_time_p95']).toBe(9);
  });

  it('computes the overall cache hit rate counting an L1 miss served by L2 as a hit', () => {
    const { collector, events, clock } = setup();
    const access = (tier: 'l1' | 'l2', hit: boolean): void =>
      events.emit('cache.accessed', { tenantId: 't1', at: clock.now(), tier, hit });
    for (let index = 0; index < 6; index += 1) access('l1', true);
    for (let index = 0; index < 4; index += 1) access('l1', false);
    access('l2', true);
    access('l2', false);
    access('l2', false);
    access('l2', false);
    const feed = collector.feedToAlerting();
    expect(feed.metrics.cache_hit_rate).toBeCloseTo(0.7, 10);
    expect(feed.samples.cache_hit_rate).toBe(10);
    expect(collector.snapshot().cache).toMatchObject({
      l1: { hits: 6, misses: 4, hitRate: 0.6 },
      l2: { hits: 1, misses: 3, hitRate: 0.25 },
    });
  });

  it('forgets rates after the window but keeps 1h latency and blocked counts', () => {
    const { collector, events, clock } = setup();
    turn(events, clock, { success: false });
    events.emit('handoff.blocked', {
      tenantId: 't1',
      at: clock.now(),
      contactId: 'c1',
      from: 'buyer',
      to: 'lead',
      reason: 'circular',
    });
    clock.advance(10 * MINUTE);
    const feed = collector.feedToAlerting();
    expect(feed.samples.error_rate).toBe(0);
    expect(feed.samples['lead_bot.response_time_p95']).toBe(1);
    expect(feed.supplementary['handoff.circular_blocked_count']).toBe(1);
    clock.advance(HOUR);
    expect(collector.feedToAlerting().supplementary['handoff.circular_blocked_count']).toBe(0);
  });

  it('reports how long a message has waited since the last bot activity, 0 when none waits', () => {
    const { collector, events, clock } = setup();
    const message = (): void =>
      events.emit('message.received', {
        tenantId: 't1',
        at: clock.now(),
        contactId: 'c1',
        messageId: `m${clock.now()}`,
        channel: 'SMS',
      });
    expect(collector.feedToAlerting().supplementary['bot.last_response_age_ms']).toBe(0);
    message();
    clock.advance(2 * MINUTE);
    message();
    clock.advance(4 * MINUTE);
    let feed = collector.feedToAlerting();
    expect(feed.supplementary['bot.last_response_age_ms']).toBe(6 * MINUTE);
    expect(feed.supplementarySamples['bot.last_response_age_ms']).toBe(2);
    events.emit('bot.replied', {
      tenantId: 't1',
      at: clock.now(),
      contactId: 'c1',
      bot: 'lead',
      durationMs: 300,
    });
    feed = collector.feedToAlerting();
    expect(feed.supplementary['bot.last_response_age_ms']).toBe(0);
    expect(feed.supplementarySamples['bot.last_response_age_ms']).toBe(1); // the reply is fresh evidence
    message();
    events.emit('compliance.deferred', {
      tenantId: 't1',
      at: clock.now(),
      contactId: 'c1',
      rules: ['quiet_hours'],
    });
    clock.advance(30 * MINUTE);
    expect(collector.feedToAlerting().supplementary['bot.last_response_age_ms']).toBe(0);
    expect(collector.feedToAlerting().supplementarySamples['bot.last_response_age_ms']).toBe(0);
  });

  it('computes rate-limit and LLM error rates', () => {
    const { collector, events, clock } = setup();
    const usage = {
      inputTokens: 10,
      outputTokens: 5,
      cacheReadTokens: 0,
      cacheWrite5mTokens: 0,
      cacheWrite1hTokens: 0,
    };
    for (let index = 0; index < 8; index += 1) {
      events.emit('llm.called', {
        tenantId: 't1',
        at: clock.now(),
        model: 'claude-haiku-4-5',
        usage,
        latencyMs: 300,
        costUsd: 0.001,
        outcome: index < 2 ? 'error' : 'ok',
      });
    }
    events.emit('crm.action.delivered', {
      tenantId: 't1',
      at: clock.now(),
      actionType: 'sendMessage',
    });
    events.emit('rate_limit.hit', { tenantId: 't1', at: clock.now(), source: 'ghl', waitMs: 100 });
    const feed = collector.feedToAlerting();
    expect(feed.supplementary['llm.error_rate']).toBe(0.25);
    expect(feed.supplementary['rate_limit.error_rate']).toBeCloseTo(0.1, 10);
    expect(feed.supplementarySamples['rate_limit.error_rate']).toBe(10);
    expect(collector.snapshot().llm).toMatchObject({
      calls: 8,
      errors: 2,
      costUsd: expect.closeTo(0.008, 10) as number,
      inputTokens: 80,
    });
  });
});

describe('createBotMetricsCollector — tenants, snapshot and tracker', () => {
  it('scopes figures per tenant and offers one feed per tenant', () => {
    const { collector, events, clock } = setup();
    turn(events, clock, { tenantId: 'a', success: false });
    turn(events, clock, { tenantId: 'b' });
    expect(collector.feedToAlerting({ tenantId: 'a' })).toMatchObject({
      tenantId: 'a',
      metrics: { error_rate: 1 },
      samples: { error_rate: 1 },
    });
    expect(collector.feedToAlerting({ tenantId: 'b' }).metrics.error_rate).toBe(0);
    expect(collector.feedToAlerting().samples.error_rate).toBe(2);
    expect(collector.feedToAlerting({ tenantId: 'unknown' }).samples.error_rate).toBe(0);
    expect(collector.tenantFeeds().map((feed) => feed.tenantId)).toEqual(['a', 'b']);
  });

  it('builds a dashboard snapshot with per-bot, handoff, error and rate-limit figures', () => {
    const { collector, events, clock } = setup();
    turn(events, clock, { bot: 'buyer', durationMs: 400 });
    turn(events, clock, { bot: 'buyer', durationMs: 600, success: false });
    events.emit('handoff.blocked', {
      tenantId: 't1',
      at: clock.now(),
      contactId: 'c1',
      from: 'lead',
      to: 'buyer',
      reason: 'low_confidence',
    });
    events.emit('error.raised', { tenantId: 't1', at: clock.now(), code: 'GHL_UNAVAILABLE' });
    events.emit('rate_limit.hit', { tenantId: 't1', at: clock.now(), source: 'llm' });
    const snapshot = collector.snapshot({ tenantId: 't1' });
    expect(snapshot.tenantId).toBe('t1');
    expect(snapshot.bots.buyer).toMatchObject({
      interactions: 2,
      errors: 1,
      errorRate: 0.5,
      meanDurationMs: 500,
    });
    expect(snapshot.handoffs).toMatchObject({
      blocked: 1,
      blockedByReason: { low_confidence: 1 },
      attempts: 0,
      successRate: 1,
    });
    expect(snapshot.errorsByCode).toEqual({ GHL_UNAVAILABLE: 1 });
    expect(snapshot.rateLimitHits).toEqual({ llm: 1 });
  });

  it('feeds the performance tracker per operation and the handoff service', () => {
    const { events, clock, tracker } = setup();
    turn(events, clock, { bot: 'seller', operation: 'full_qualification', durationMs: 900 });
    events.emit('handoff.completed', {
      tenantId: 't1',
      at: clock.now(),
      contactId: 'c1',
      from: 'lead',
      to: 'seller',
      confidence: 0.8,
      durationMs: 70,
    });
    expect(
      tracker.stats({
        tenantId: 't1',
        bot: 'seller',
        operation: 'full_qualification',
        window: '1h',
      }),
    ).toMatchObject({ count: 1, p50: 900 });
    expect(tracker.stats({ bot: 'handoff', operation: 'execute', window: '1h' })).toMatchObject({
      count: 1,
      p50: 70,
    });
  });

  it('stops counting after close()', () => {
    const { collector, events, clock } = setup();
    collector.close();
    turn(events, clock, {});
    expect(collector.feedToAlerting().samples.error_rate).toBe(0);
  });
});
