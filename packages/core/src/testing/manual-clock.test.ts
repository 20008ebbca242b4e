import { describe, expect, it } from 'vitest';
import { MANUAL_CLOCK_EPOCH, ManualClock } from './manual-clock';

describe('ManualClock', () => {
  it('starts at the fixed epoch and only moves when advanced', () => {
    const clock = new ManualClock();
    expect(clock.now()).toBe(MANUAL_CLOCK_EPOCH);
    clock.advance(1500);
    expect(clock.now()).toBe(MANUAL_CLOCK_EPOCH + 1500);
    expect(new ManualClock(0).now()).toBe(0);
  });

  it('fires due timers in due order, with now() at each timer due time', () => {
    const clock = new ManualClock(0);
    const fired: [string, number][] = [];
    clock.setTimer(() => fired.push(['b', clock.now()]), 200);
    clock.setTimer(() => fired.push(['a', clock.now()]), 100);
    clock.setTimer(() => fired.push(['late', clock.now()]), 1000);
    clock.advance(500);
    expect(fired).toEqual([
      ['a', 100],
      ['b', 200],
    ]);
    expect(clock.pendingTimers).toBe(1);
    expect(clock.now()).toBe(500);
  });

  it('fires timers scheduled by callbacks when they fall inside the advanced span', () => {
    const clock = new ManualClock(0);
    const fired: number[] = [];
    clock.setTimer(() => {
      fired.push(clock.now());
      clock.setTimer(() => fired.push(clock.now()), 50);
    }, 100);
    clock.advance(200);
    expect(fired).toEqual([100, 150]);
  });

  it('cancelled timers never fire', () => {
    const clock = new ManualClock(0);
    let fired = false;
    clock.setTimer(() => (fired = true), 10).cancel();
    clock.advance(100);
    expect(fired).toBe(false);
  });

  it('sleep resolves on advance and rejects on abort', async () => {
    const clock = new ManualClock(0);
    const slept = clock.sleep(1000);
    clock.advance(1000);
    await expect(slept).resolves.toBeUndefined();
    const controller = new AbortController();
    const aborted = clock.sleep(1000, controller.signal);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.pendingTimers).toBe(0);
    await expect(clock.sleep(1, AbortSignal.abort())).rejects.toBeDefined();
  });

  it('advanceAsync lets awaiting code schedule and hit further sleeps within the span', async () => {
    const clock = new ManualClock(0);
    const stamps: number[] = [];
    const loop = (async () => {
      for (let index = 0; index < 3; index++) {
        await clock.sleep(100);
        stamps.push(clock.now());
      }
    })();
    await clock.advanceAsync(300);
    await loop;
    expect(stamps).toEqual([100, 200, 300]);
  });

  it('set jumps to an absolute time, firing timers on the way forward', () => {
    const clock = new ManualClock(0);
    let fired = false;
    clock.setTimer(() => (fired = true), 100);
    clock.set(1000);
    expect([fired, clock.now()]).toEqual([true, 1000]);
    clock.set(10);
    expect(clock.now()).toBe(10);
  });
});
