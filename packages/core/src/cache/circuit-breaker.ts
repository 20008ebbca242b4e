import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import type { Clock } from '../ports/clock';
import { systemClock } from '../ports/system-clock';

/** State of a {@link CircuitBreaker}: `closed` lets calls through, `open` rejects them, `half-open` lets one probe through. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Options for {@link CircuitBreaker} and {@link createCircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Name used in error messages and details (e.g. `cache-l2`); never PII. @defaultValue `'circuit'` */
  name?: string;
  /** Consecutive failures (timeouts included) that open the circuit. @defaultValue 5 */
  failureThreshold?: number;
  /** How long the circuit stays open before one probe is let through (half-open). @defaultValue 30_000 */
  resetTimeoutMs?: number;
  /** Per-call timeout; a slower call is abandoned (its signal aborted) and counts as a failure. Unset = no timeout. */
  timeoutMs?: number;
  /** Time source for the reset timeout and call timeouts. @defaultValue {@link systemClock} */
  clock?: Clock;
  /** Decides whether an error counts as a failure; default: every error does. */
  isFailure?: (error: unknown) => boolean;
  /** Called after every state change (must not throw). */
  onStateChange?: (state: CircuitState, previous: CircuitState) => void;
}

/** Counters of a {@link CircuitBreaker} since it was created. */
export interface CircuitBreakerStats {
  /** Current state. */
  state: CircuitState;
  /** Current run of consecutive failures. */
  consecutiveFailures: number;
  /** Calls that succeeded. */
  successes: number;
  /** Calls that failed (including timeouts). */
  failures: number;
  /** Calls abandoned because they exceeded `timeoutMs`. */
  timeouts: number;
  /** Calls rejected without running because the circuit was open (or a half-open probe was in flight). */
  rejections: number;
}

/**
 * A reusable circuit breaker: after `failureThreshold` consecutive failures it opens and rejects calls at once with
 * `CIRCUIT_OPEN`; after `resetTimeoutMs` it lets a single probe through (half-open) and closes again on success.
 * An optional per-call timeout keeps a slow dependency from stalling callers.
 *
 * @example
 * ```ts
 * const breaker = createCircuitBreaker({ name: 'redis', failureThreshold: 3, resetTimeoutMs: 10_000, timeoutMs: 50 });
 * const value = await breaker.execute((signal) => redisCache.get({ tenantId, key, signal }));
 * ```
 */
export class CircuitBreaker {
  private readonly name: string;
  private readonly failureThreshold: number;
  private readonly resetTimeoutMs: number;
  private readonly timeoutMs: number | undefined;
  private readonly clock: Clock;
  private readonly options: CircuitBreakerOptions;
  private current: CircuitState = 'closed';
  private openedAt = 0;
  private probeInFlight = false;
  private readonly counters = { consecutiveFailures: 0, successes: 0, failures: 0, timeouts: 0, rejections: 0 };

  /** Creates a closed breaker. */
  constructor(options: CircuitBreakerOptions = {}) {
    this.options = options;
    this.name = options.name ?? 'circuit';
    this.failureThreshold = Math.max(1, options.failureThreshold ?? 5);
    this.resetTimeoutMs = Math.max(0, options.resetTimeoutMs ?? 30_000);
    this.timeoutMs = options.timeoutMs;
    this.clock = options.clock ?? systemClock;
  }

  /** Current state; an open circuit whose reset timeout has passed reads as `half-open`. */
  get state(): CircuitState {
    if (this.current === 'open' && this.clock.now() - this.openedAt >= this.resetTimeoutMs) {
      this.transition('half-open');
    }
    return this.current;
  }

  /** True when a call made now would run (closed, or half-open with no probe in flight). */
  get isCallPermitted(): boolean {
    const state = this.state;
    return state === 'closed' || (state === 'half-open' && !this.probeInFlight);
  }

  /**
   * Runs `operation` through the breaker.
   *
   * @param operation - receives a signal that aborts when the call times out.
   * @throws {@link EnterpriseHubError} `CIRCUIT_OPEN` without running `operation` when the circuit is open;
   *   `TIMEOUT` when the call exceeds `timeoutMs`; otherwise whatever `operation` throws.
   */
  async execute<T>(operation: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.probeInFlight)) {
      this.counters.rejections += 1;
      throw new EnterpriseHubError({
        code: 'CIRCUIT_OPEN',
        message: `Circuit ${this.name} is open; the call was skipped.`,
        details: { circuit: this.name },
      });
    }
    const isProbe = state === 'half-open';
    if (isProbe) this.probeInFlight = true;
    try {
      const result = await this.runWithTimeout(operation);
      this.recordSuccess();
      return result;
    } catch (error) {
      if (this.options.isFailure?.(error) ?? true) this.recordFailure(isProbe);
      else if (isProbe) this.transition('closed');
      throw error;
    } finally {
      if (isProbe) this.probeInFlight = false;
    }
  }

  /** A snapshot of the breaker's counters. */
  stats(): CircuitBreakerStats {
    return { state: this.state, ...this.counters };
  }

  /** Forces the breaker closed and clears the failure run (e.g. after an operator fixed the dependency). */
  reset(): void {
    this.counters.consecutiveFailures = 0;
    this.transition('closed');
  }

  private runWithTimeout<T>(operation: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    const timeoutMs = this.timeoutMs;
    if (timeoutMs === undefined) return operation(undefined);
    const controller = new AbortController();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const timer = this.clock.setTimer(() => {
        if (settled) return;
        settled = true;
        this.counters.timeouts += 1;
        const error = new EnterpriseHubError({
          code: 'TIMEOUT',
          message: `Circuit ${this.name} call timed out after ${timeoutMs} ms.`,
          details: { circuit: this.name, timeoutMs },
        });
        controller.abort(error);
        reject(error);
      }, timeoutMs);
      operation(controller.signal).then(
        (value) => {
          if (settled) return;
          settled = true;
          timer.cancel();
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          timer.cancel();
          reject(error instanceof Error ? error : new Error('Circuit operation rejected.', { cause: error }));
        },
      );
    });
  }

  private recordSuccess(): void {
    this.counters.successes += 1;
    this.counters.consecutiveFailures = 0;
    if (this.current !== 'closed') this.transition('closed');
  }

  private recordFailure(isProbe: boolean): void {
    this.counters.failures += 1;
    this.counters.consecutiveFailures += 1;
    if (isProbe || this.counters.consecutiveFailures >= this.failureThreshold) {
      this.openedAt = this.clock.now();
      this.transition('open');
    }
  }

  private transition(next: CircuitState): void {
    const previous = this.current;
    if (previous === next) return;
    this.current = next;
    try {
      this.options.onStateChange?.(next, previous);
    } catch {
      // A state listener must not break the breaker.
    }
  }
}

/**
 * Creates a {@link CircuitBreaker}.
 *
 * @example
 * ```ts
 * const breaker = createCircuitBreaker({ failureThreshold: 5, resetTimeoutMs: 30_000, timeoutMs: 100 });
 * ```
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  return new CircuitBreaker(options);
}
