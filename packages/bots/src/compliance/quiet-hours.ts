/** Local wall-clock parts of an instant in a time zone. */
interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(epochMs: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** Offset of `timeZone` from UTC at `epochMs`, ms (local − UTC). */
function offsetMs(epochMs: number, timeZone: string): number {
  const local = localParts(epochMs, timeZone);
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The epoch ms of a local wall-clock time in `timeZone` (day overflow allowed, e.g. day 32 → next month).
 * Resolves DST by re-checking the offset at the candidate instant.
 */
export function zonedTimeToEpoch(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): number {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = guess - offsetMs(guess, timeZone);
  return guess - offsetMs(first, timeZone);
}

/** Minutes since midnight of an `HH:MM` string. */
function minutesOf(clockTime: string): number {
  const [hours, minutes] = clockTime.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** A quiet-hours window in local time, `HH:MM` (24 h); `start > end` wraps midnight. */
export interface QuietHoursWindow {
  /** Start of the quiet period, e.g. `21:00`. */
  start: string;
  /** End of the quiet period, e.g. `08:00`. */
  end: string;
}

/**
 * When `now` falls inside the quiet-hours window in `timeZone`, the epoch ms at which the window ends (the next
 * local `end`, e.g. 8 am); otherwise `undefined`. Uses `Intl` so DST and every IANA zone are handled.
 *
 * @example
 * ```ts
 * // 23:00 in Austin → the next 08:00 Austin time
 * quietHoursEnd({ now, timeZone: 'America/Chicago', window: { start: '21:00', end: '08:00' } });
 * ```
 */
export function quietHoursEnd(options: {
  now: number;
  timeZone: string;
  window: QuietHoursWindow;
}): number | undefined {
  const { now, timeZone, window } = options;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return undefined;
  const local = localParts(now, timeZone);
  const minute = local.hour * 60 + local.minute;
  const wraps = start > end;
  const inside = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return undefined;
  const nextDay = wraps && minute >= start;
  return zonedTimeToEpoch(
    {
      year: local.year,
      month: local.month,
      day: local.day + (nextDay ? 1 : 0),
      hour: Math.floor(end / 60),
      minute: end % 60,
    },
    timeZone,
  );
}
