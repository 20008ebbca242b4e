import { describe, expect, it } from 'vitest';
import { ManualClock, flushMicrotasks } from '../testing/manual-clock';
import { createMemoryJobQueue } from './memory-job-queue';

describe('MemoryJobQueue', () => {
  it('runs jobs of different keys in parallel up to the concurrency limit', async () => {
    const queue = createMemoryJobQueue({ clock: new ManualClock(), concurrency: 2 });
    let running = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    queue.registerHandler('work', async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running -= 1;
    });
    for (const key of ['a', 'b', 'c'])
      await queue.enqueue({ tenantId: 't', name: 'work', payload: key, orderingKey: key });
    await flushMicrotasks();
    expect(await queue.count({ tenantId: 't', status: 'active' })).toBe(2);
    expect(await queue.count({ tenantId: 't', status: 'waiting' })).toBe(1);
    expect(running).toBe(2);
    while (gates.length > 0 || running > 0) {
      gates.shift()?.();
      await flushMicrotasks();
    }
    await queue.drain();
    expect(peak).toBe(2);
    await queue.close();
  });

  it('keeps jobs waiting until a handler is registered', async () => {
    const queue = createMemoryJobQueue({ clock: new ManualClock() });
    const seen: string[] = [];
    await queue.enqueue({ tenantId: 't', name: 'late', payload: 'x' });
    await queue.drain();
    expect(await queue.count({ tenantId: 't', status: 'waiting' })).toBe(1);
    queue.registerHandler('late', async (job) => {
      seen.push(JSON.stringify(job.payload));
    });
    await queue.drain();
    expect(seen).toEqual(['"x"']);
    await queue.close();
  });

  it('reports jobs that exhaust their attempts through onJobFailed', async () => {
    const failures: string[] = [];
    const queue = createMemoryJobQueue({
      clock: new ManualClock(),
      onJobFailed: (job) => failures.push(job.name),
    });
    queue.registerHandler('broken', async () => {
      throw new Error('always');
    });
    await queue.enqueue({ tenantId: 't', name: 'broken', payload: null, maxAttempts: 1 });
    await queue.drain();
    expect(failures).toEqual(['broken']);
    await queue.close();
  });

  it('close aborts running handlers and drops pending jobs', async () => {
    const clock = new ManualClock();
    const queue = createMemoryJobQueue({ clock });
    let aborted = false;
    queue.registerHandler('long', async (_job, { signal }) => {
      await new Promise<void>((resolve) =>
        signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      aborted = signal.aborted;
    });
    await queue.enqueue({ tenantId: 't', name: 'long', payload: null });
    await queue.enqueue({ tenantId: 't', name: 'long', payload: null, delayMs: 1000 });
    await flushMicrotasks();
    await queue.close();
    expect(aborted).toBe(true);
    expect(await queue.count({ tenantId: 't', status: 'delayed' })).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects payloads that are not JSON', async () => {
    const queue = createMemoryJobQueue({ clock: new ManualClock() });
    const payload = { when: new Date() } as unknown as null;
    await expect(queue.enqueue({ tenantId: 't', name: 'x', payload })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await queue.close();
  });
});
