import type { Clock, TimerHandle } from '../ports/clock';

interface PendingTimer {
  id: number;
  dueAt: number;
  callback: () => void;
}

/** 2026-01-01T00:00:00.000Z: the default start time of a {@link ManualClock}. */
export const MANUAL_CLOCK_EPOCH = Date.UTC(2026, 0, 1);

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * A {@link Clock} whose time only moves when a test says so; timers and sleeps fire on `advance`.
 *
 * @example
 * ```ts
 * const clock = new ManualClock();
 * const slept = clock.sleep(1000);
 * clock.advance(1000); // fires due timers in time order
 * await slept;
 * ```
 */
export class ManualClock implements Clock {
  private current: number;
  private timers: PendingTimer[] = [];
  private nextId = 1;

  /** Starts at `startMs` (default {@link MANUAL_CLOCK_EPOCH}). */
  constructor(startMs: number = MANUAL_CLOCK_EPOCH) {
    this.current = startMs;
  }

  /** Current manual time, epoch ms. */
  now(): number {
    return this.current;
  }

  /** Number of timers (and sleeps) not yet fired. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Resolves when the clock is advanced by `ms`; rejects with an `AbortError` when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = (): void => {
        handle.cancel();
        if (signal) reject(abortError(signal));
      };
      const handle = this.setTimer(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Schedules `callback` at `now() + delayMs`. */
  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const timer: PendingTimer = {
      id: this.nextId++,
      dueAt: this.current + Math.max(0, delayMs),
      callback,
    };
    this.timers.push(timer);
    return {
      cancel: () => {
        this.timers = this.timers.filter((candidate) => candidate !== timer);
      },
    };
  }

  /**
   * Moves time forward by `ms`, firing every timer due on the way in due order (timers created by callbacks fire
   * too if due). Promise continuations run only after this returns; use {@link ManualClock.advanceAsync} when
   * awaiting code schedules further timers.
   */
  advance(ms: number): void {
    const target = this.current + Math.max(0, ms);
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.current = Math.max(this.current, timer.dueAt);
      timer.callback();
    }
    this.current = target;
  }

  /** Like {@link ManualClock.advance}, but lets pending promise callbacks run after each fired timer. */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    await flushMicrotasks();
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.current = Math.max(this.current, timer.dueAt);
      timer.callback();
      await flushMicrotasks();
    }
    this.current = target;
    await flushMicrotasks();
  }

  /** Jumps to an absolute time; fires timers due up to it when moving forward. */
  set(ms: number): void {
    if (ms >= this.current) this.advance(ms - this.current);
    else this.current = ms;
  }

  private nextDue(target: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.timers) {
      if (timer.dueAt > target) continue;
      if (!best || timer.dueAt < best.dueAt || (timer.dueAt === best.dueAt && timer.id < best.id))
        best = timer;
    }
    if (best) {
      const chosen = best;
      this.timers = this.timers.filter((candidate) => candidate !== chosen);
    }
    return best;
  }
}

/** Lets queued promise callbacks (and one macrotask turn) run. */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
