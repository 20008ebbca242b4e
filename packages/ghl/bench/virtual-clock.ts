import type { Clock, TimerHandle } from '@enterprisehub/core';

interface Timer {
  id: number;
  dueAt: number;
  callback: () => void;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A Clock whose time jumps to the next timer whenever the program is idle: rate-limit waits of minutes
 * take microseconds, so pacing can be measured exactly against GHL's real 10 s windows.
 */
export class VirtualClock implements Clock {
  private current = Date.UTC(2026, 0, 1);
  private timers: Timer[] = [];
  private nextId = 1;

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.nextId++, dueAt: this.current + Math.max(0, delayMs), callback };
    this.timers.push(timer);
    return { cancel: () => void (this.timers = this.timers.filter((candidate) => candidate !== timer)) };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const handle = this.setTimer(resolve, ms);
      signal?.addEventListener('abort', () => {
        handle.cancel();
        reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      }, { once: true });
    });
  }

  /** Runs `work` to completion, advancing time to the next due timer whenever nothing else can run. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const result = work.finally(() => (settled = true));
    while (!settled) {
      for (let index = 0; index < 4 && !settled; index += 1) await turn();
      if (settled || this.timers.length === 0) continue;
      const dueAt = Math.min(...this.timers.map((timer) => timer.dueAt));
      this.current = Math.max(this.current, dueAt);
      const due = this.timers.filter((timer) => timer.dueAt <= this.current).sort((left, right) => left.dueAt - right.dueAt || left.id - right.id);
      this.timers = this.timers.filter((timer) => timer.dueAt > this.current);
      for (const timer of due) timer.callback();
    }
    return result;
  }
}
