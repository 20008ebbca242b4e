/** A cancellable timer handle returned by {@link Clock.setTimer}. */
export interface TimerHandle {
  /** Cancels the timer; a no-op if it already fired. */
  cancel(): void;
}

/** Time source and timers, injected everywhere so tests control time with a `ManualClock`. */
export interface Clock {
  /** Current time, epoch ms. */
  now(): number;
  /** Resolves after `ms`; rejects with an `AbortError` when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` once after `delayMs`; returns a handle to cancel it. Timers never keep the process alive. */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
}
