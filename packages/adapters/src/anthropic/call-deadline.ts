import type { Clock, TimerHandle } from '@enterprisehub/core';

/**
 * One call's abort signal: fires when the caller's signal aborts or the deadline passes, and
 * remembers which of the two it was.
 *
 * @internal
 */
export class CallDeadline {
  /** Signal handed to the SDK. */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: TimerHandle;
  private readonly onAbort: () => void;
  private expired = false;

  constructor(
    private readonly options: { clock: Clock; timeoutMs: number; signal: AbortSignal | undefined },
  ) {
    this.signal = this.controller.signal;
    this.onAbort = () => this.controller.abort(options.signal?.reason);
    if (options.signal?.aborted === true) this.onAbort();
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    this.timer = options.clock.setTimer(() => {
      this.expired = true;
      this.controller.abort(new DOMException('The model call timed out.', 'TimeoutError'));
    }, options.timeoutMs);
  }

  /** Whether the deadline passed (as opposed to the caller aborting). */
  get timedOut(): boolean {
    return this.expired;
  }

  /** Whether the caller's own signal aborted. */
  get callerAborted(): boolean {
    return this.options.signal?.aborted === true;
  }

  /** Cancels the timer and detaches from the caller's signal. */
  dispose(): void {
    this.timer.cancel();
    this.options.signal?.removeEventListener('abort', this.onAbort);
  }
}
