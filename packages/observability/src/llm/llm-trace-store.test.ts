import { ManualClock } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import type { LlmTrace } from './llm-trace';
import { createLlmTraceStore } from './llm-trace-store';

const HOUR = 3_600_000;

function trace(clock: ManualClock, overrides: Partial<LlmTrace>): LlmTrace {
  return {
    traceId: Math.random().toString(36),
    tenantId: 't1',
    bot: 'lead',
    contactId: 'c1',
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    startedAt: clock.now(),
    latencyMs: 400,
    usage: {
      inputTokens: 100,
      outputTokens: 50,
      cacheReadTokens: 300,
      cacheWrite5mTokens: 100,
      cacheWrite1hTokens: 0,
    },
    outcome: 'ok',
    costUsd: 0.01,
    costKnown: true,
    ...overrides,
  };
}

describe('createLlmTraceStore', () => {
  it('totals spend per tenant, bot, contact and model over a window', () => {
    const clock = new ManualClock();
    const store = createLlmTraceStore({ clock });
    store.add(trace(clock, { tenantId: 't1', bot: 'lead', costUsd: 0.01 }));
    store.add(
      trace(clock, { tenantId: 't1', bot: 'buyer', costUsd: 0.05, model: 'claude-sonnet-4-5' }),
    );
    store.add(
      trace(clock, {
        tenantId: 't2',
        bot: 'buyer',
        contactId: 'c9',
        costUsd: 0.02,
        outcome: 'error',
      }),
    );
    store.add(
      trace(clock, {
        tenantId: 't2',
        bot: 'seller',
        model: 'mystery',
        costKnown: false,
        costUsd: undefined,
      }),
    );
    expect(
      store.totals({ window: '1h', by: 'tenant' }).map((row) => [row.key, row.calls, row.costUsd]),
    ).toEqual([
      ['t1', 2, expect.closeTo(0.06, 10)],
      ['t2', 2, 0.02],
    ]);
    const bots = store.totals({ window: '1h', by: 'bot' });
    expect(bots.map((row) => row.key)).toEqual(['buyer', 'lead', 'seller']);
    expect(bots.find((row) => row.key === 'buyer')).toMatchObject({ calls: 2, errors: 1 });
    expect(bots.find((row) => row.key === 'seller')).toMatchObject({
      calls: 1,
      costUsd: 0,
      unknownCostCalls: 1,
    });
    expect(
      store.totals({ window: '1h', by: 'contact', tenantId: 't2' }).map((row) => row.key),
    ).toEqual(['c9', 'c1']);
    expect(store.totals({ window: '1h', by: 'model', tenantId: 't1' })[0]).toMatchObject({
      key: 'claude-sonnet-4-5',
      costUsd: 0.05,
    });
  });

  it('summarises a window with cache hit rate, average cost and call rate', () => {
    const clock = new ManualClock();
    const store = createLlmTraceStore({ clock });
    for (let index = 0; index < 6; index += 1) store.add(trace(clock, {}));
    const summary = store.summary({ window: '1h' });
    // input: 100 uncached + 300 read + 100 written per call → cache hit rate 300 / 500 = 0.6
    expect(summary).toMatchObject({
      calls: 6,
      cacheHitRate: 0.6,
      averageCostUsd: expect.closeTo(0.01, 10) as number,
      callsPerMinute: 0.1,
    });
  });

  it('drops calls that left the window and keeps seven days of totals', () => {
    const clock = new ManualClock();
    const store = createLlmTraceStore({ clock });
    store.add(trace(clock, { costUsd: 1 }));
    clock.advance(3 * HOUR);
    store.add(trace(clock, { costUsd: 2 }));
    expect(store.summary({ window: '1h' }).costUsd).toBe(2);
    expect(store.summary({ window: '24h' }).costUsd).toBe(3);
    clock.advance(8 * 24 * HOUR);
    store.add(trace(clock, { costUsd: 4 }));
    expect(store.summary({ window: '7d' }).costUsd).toBe(4);
  });

  it('lists recent traces newest first, bounded', () => {
    const clock = new ManualClock();
    const store = createLlmTraceStore({ clock, maxRecent: 3 });
    for (let index = 0; index < 5; index += 1)
      store.add(trace(clock, { traceId: `t${index}`, tenantId: index % 2 ? 'a' : 'b' }));
    expect(store.recent().map((item) => item.traceId)).toEqual(['t4', 't3', 't2']);
    expect(store.recent({ tenantId: 'a' }).map((item) => item.traceId)).toEqual(['t3']);
  });
});
