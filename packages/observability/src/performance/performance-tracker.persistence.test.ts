import { GLOBAL_TENANT_ID } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@enterprisehub/core/testing';
import { FakeMetricsRepository } from '../../test/support/fake-metrics-repository';
import { createPerformanceTracker } from './performance-tracker';
import { PERFORMANCE_SAMPLE_NAME } from './tracker-restore';

const HOUR = 3_600_000;

describe('createPerformanceTracker — write-behind persistence', () => {
  it('writes records in batches after the flush interval, not inline', async () => {
    const clock = new ManualClock();
    const repository = new FakeMetricsRepository();
    const tracker = createPerformanceTracker({
      clock,
      repository,
      persistence: { flushIntervalMs: 5000, batchSize: 2 },
    });
    tracker.record({
      tenantId: 't1',
      bot: 'lead',
      operation: 'process',
      durationMs: 120,
      success: true,
    });
    tracker.record({
      tenantId: 't1',
      bot: 'lead',
      operation: 'process',
      durationMs: 130,
      success: false,
    });
    tracker.record({ bot: 'handoff', operation: 'execute', durationMs: 40, success: true });
    expect(repository.appendCalls).toBe(0);
    await clock.advanceAsync(5000);
    expect(await repository.all('t1', PERFORMANCE_SAMPLE_NAME)).toEqual([
      {
        name: PERFORMANCE_SAMPLE_NAME,
        value: 120,
        at: clock.now() - 5000,
        labels: { bot: 'lead', operation: 'process', success: 'true' },
      },
      {
        name: PERFORMANCE_SAMPLE_NAME,
        value: 130,
        at: clock.now() - 5000,
        labels: { bot: 'lead', operation: 'process', success: 'false' },
      },
    ]);
    expect(await repository.all(GLOBAL_TENANT_ID, PERFORMANCE_SAMPLE_NAME)).toHaveLength(1);
    expect(tracker.persistenceStats()).toEqual({ pending: 0, written: 3, dropped: 0, failures: 0 });
  });

  it('drops and counts records beyond the pending bound instead of growing', async () => {
    const clock = new ManualClock();
    const repository = new FakeMetricsRepository();
    const tracker = createPerformanceTracker({ clock, repository, persistence: { maxPending: 3 } });
    for (let index = 0; index < 5; index += 1) {
      tracker.record({
        tenantId: 't1',
        bot: 'lead',
        operation: 'process',
        durationMs: index,
        success: true,
      });
    }
    expect(tracker.persistenceStats()).toMatchObject({ pending: 3, dropped: 2 });
    // The in-memory windows still saw every record.
    expect(tracker.stats({ bot: 'lead', operation: 'process', window: '1h' }).count).toBe(5);
    await tracker.close();
    expect(await repository.all('t1', PERFORMANCE_SAMPLE_NAME)).toHaveLength(3);
  });

  it('keeps records pending when the repository fails and retries on the next flush', async () => {
    const clock = new ManualClock();
    const repository = new FakeMetricsRepository();
    repository.failNext = 1;
    const errors: unknown[] = [];
    const tracker = createPerformanceTracker({
      clock,
      repository,
      persistence: { flushIntervalMs: 1000, onError: (error) => errors.push(error) },
    });
    tracker.record({
      tenantId: 't1',
      bot: 'lead',
      operation: 'process',
      durationMs: 10,
      success: true,
    });
    await clock.advanceAsync(1000);
    expect(errors).toHaveLength(1);
    expect(tracker.persistenceStats()).toMatchObject({ pending: 1, failures: 1, written: 0 });
    await clock.advanceAsync(1000);
    expect(tracker.persistenceStats()).toMatchObject({ pending: 0, written: 1 });
    expect(await repository.all('t1', PERFORMANCE_SAMPLE_NAME)).toHaveLength(1);
  });

  it('prunes samples older than the retention at most once an hour per tenant', async () => {
    const clock = new ManualClock();
    const repository = new FakeMetricsRepository();
    const old = {
      name: PERFORMANCE_SAMPLE_NAME,
      value: 1,
      at: clock.now() - 9 * 24 * HOUR,
      labels: { bot: 'lead', operation: 'process', success: 'true' },
    };
    await repository.appendSamples({ tenantId: 't1', samples: [old] });
    const tracker = createPerformanceTracker({ clock, repository });
    tracker.record({
      tenantId: 't1',
      bot: 'lead',
      operation: 'process',
      durationMs: 10,
      success: true,
    });
    await tracker.flush();
    const kept = await repository.all('t1', PERFORMANCE_SAMPLE_NAME);
    expect(kept.map((sample) => sample.value)).toEqual([10]);
    const unpruned = createPerformanceTracker({
      clock,
      repository,
      persistence: { pruneOlderThanMs: false },
    });
    await repository.appendSamples({ tenantId: 't1', samples: [old] });
    unpruned.record({
      tenantId: 't1',
      bot: 'lead',
      operation: 'process',
      durationMs: 20,
      success: true,
    });
    await unpruned.flush();
    expect(await repository.all('t1', PERFORMANCE_SAMPLE_NAME)).toHaveLength(3);
  });

  it('restores the windows after a restart from persisted records', async () => {
    const clock = new ManualClock();
    const repository = new FakeMetricsRepository();
    const before = createPerformanceTracker({ clock, repository });
    before.record({
      tenantId: 't1',
      bot: 'buyer',
      operation: 'process',
      durationMs: 300,
      success: true,
      at: clock.now() - 3 * HOUR,
    });
    before.record({
      tenantId: 't1',
      bot: 'buyer',
      operation: 'process',
      durationMs: 500,
      success: false,
    });
    before.record({ bot: 'handoff', operation: 'execute', durationMs: 90, success: true });
    await before.close();

    const after = createPerformanceTracker({ clock, repository });
    const result = await after.restore({ tenantIds: ['t1'] });
    expect(result).toEqual({ restored: 3, cappedTenants: [] });
    expect(
      after.stats({ tenantId: 't1', bot: 'buyer', operation: 'process', window: '1h' }),
    ).toMatchObject({ count: 1, errorCount: 1, p50: 500 });
    expect(
      after.stats({ tenantId: 't1', bot: 'buyer', operation: 'process', window: '24h' }),
    ).toMatchObject({ count: 2, min: 300 });
    expect(after.stats({ bot: 'handoff', operation: 'execute', window: '1h' }).count).toBe(1);
    expect(after.persistenceStats()?.pending).toBe(0); // restored records are not written again
  });

  it('pages through long histories without losing records on page boundaries', async () => {
    const clock = new ManualClock();
    const repository = new FakeMetricsRepository();
    const samples = Array.from({ length: 25_003 }, (_, index) => ({
      name: PERFORMANCE_SAMPLE_NAME,
      value: 100,
      at: clock.now() - 20 * HOUR + Math.floor(index / 3) * 1000, // three records per millisecond stamp
      labels: { bot: 'lead', operation: 'process', success: 'true' },
    }));
    await repository.appendSamples({ tenantId: 't1', samples });
    const tracker = createPerformanceTracker({ clock, repository });
    const result = await tracker.restore({ tenantIds: ['t1'] });
    expect(result.restored).toBe(25_003);
    expect(
      tracker.stats({ tenantId: 't1', bot: 'lead', operation: 'process', window: '24h' }).count,
    ).toBe(25_003);
  });

  it('marks windows reaching past a capped restore as truncated', async () => {
    const clock = new ManualClock();
    const repository = new FakeMetricsRepository();
    const samples = Array.from({ length: 100 }, (_, index) => ({
      name: PERFORMANCE_SAMPLE_NAME,
      value: 100,
      at: clock.now() - 10 * HOUR + index * 360_000,
      labels: { bot: 'lead', operation: 'process', success: 'true' },
    }));
    await repository.appendSamples({ tenantId: 't1', samples });
    const tracker = createPerformanceTracker({ clock, repository });
    const result = await tracker.restore({ tenantIds: ['t1'], maxSamplesPerTenant: 50 });
    expect(result).toEqual({ restored: 50, cappedTenants: ['t1'] });
    const query = { tenantId: 't1', bot: 'lead', operation: 'process' } as const;
    expect(tracker.stats({ ...query, window: '24h' })).toMatchObject({
      count: 50,
      truncated: true,
    });
    expect(tracker.stats({ ...query, window: '1h' }).truncated).toBe(false);
  });
});
