import type { Clock } from '../ports/clock';
import { systemClock } from '../ports/system-clock';

/**
 * Reads `clock.now()` for TTL checks. With the system clock, a reading is reused until the next event-loop turn
 * (at most ~1 ms later, like lru-cache's `ttlResolution`), which takes the clock call off the L1 hit path; any
 * other clock (a test's `ManualClock`) is read every time, so tests see every `advance` at once. Under fake timers
 * (vitest / sinon mark their `Date` with `isFake`) the system clock is read every time too, so `setSystemTime` is
 * seen at once.
 *
 * @internal
 */
export class CoarseClock {
  private cached: number | undefined;
  private readonly isSystem: boolean;
  private readonly forget = (): void => {
    this.cached = undefined;
  };

  constructor(private readonly clock: Clock) {
    this.isSystem = clock === systemClock;
  }

  /** Current time, epoch ms (system clock: to within about a millisecond). */
  now(): number {
    if (this.cached !== undefined) return this.cached; // only ever set for the real system clock
    if (!this.isSystem || (Date as { isFake?: unknown }).isFake === true) return this.clock.now();
    const now = this.clock.now();
    this.cached = now;
    setTimeout(this.forget, 1).unref();
    return now;
  }
}
