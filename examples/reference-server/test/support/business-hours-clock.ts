/**
 * A real-time clock shifted so that it is early afternoon in a time zone: the bots respect quiet hours
 * (21:00–08:00 by default), so end-to-end tests that expect an immediate reply must not depend on when they run.
 */
import { systemClock, type Clock } from '@enterprisehub/core';

const HOUR_MS = 3_600_000;

/** Hours to add to now so that it is `targetHour` (±1 h) in `timeZone`. */
export function offsetToHour(timeZone: string, targetHour = 13): number {
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
  return ((targetHour - hour + 24) % 24) * HOUR_MS;
}

/** A clock running at real speed, `offsetToHour(timeZone)` ahead of the system clock. */
export function businessHoursClock(timeZone = 'America/Chicago'): Clock & { offsetMs: number } {
  const offsetMs = offsetToHour(timeZone);
  return {
    offsetMs,
    now: () => systemClock.now() + offsetMs,
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
    setTimer: (callback, delayMs) => systemClock.setTimer(callback, delayMs),
  };
}
