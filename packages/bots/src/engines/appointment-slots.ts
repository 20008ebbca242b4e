import type { CrmGateway, FreeSlot } from '@enterprisehub/core';
import { z } from 'zod';
import { formatList, formatLocalTime } from './format';

const HOUR_MS = 3_600_000;

/** Zod schema for slots kept in a conversation attribute (JSON text). */
export const storedSlotsSchema = z.array(z.object({ startTime: z.string(), endTime: z.string() }));

/**
 * Up to `count` free slots from the calendar, starting at least 2 hours from now within the next `days` days,
 * spread across days (the first free slot of each day first).
 */
export async function findFreeSlots(options: {
  crm: CrmGateway;
  tenantId: string;
  now: number;
  timeZone: string;
  calendarId?: string | undefined;
  count?: number;
  days?: number;
  signal?: AbortSignal | undefined;
}): Promise<FreeSlot[]> {
  const { crm, tenantId, now, timeZone, calendarId, signal } = options;
  const count = options.count ?? 3;
  const from = new Date(now + 2 * HOUR_MS).toISOString();
  const to = new Date(now + (options.days ?? 5) * 24 * HOUR_MS).toISOString();
  const slots = await crm.getFreeSlots({
    tenantId,
    from,
    to,
    timeZone,
    ...(calendarId ? { calendarId } : {}),
    ...(signal ? { signal } : {}),
  });
  const sorted = [...slots].sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
  const byDay = new Map<string, FreeSlot[]>();
  for (const slot of sorted) {
    const day = formatLocalTime(Date.parse(slot.startTime), timeZone).split(' at ')[0] ?? '';
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const picked: FreeSlot[] = [];
  for (let round = 0; picked.length < count && round < 24; round += 1) {
    for (const daySlots of byDay.values()) {
      const slot = daySlots[round];
      if (slot && picked.length < count) picked.push(slot);
    }
  }
  return picked.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
}

/** `(1) Tue Jan 6 at 10:00 AM, (2) Wed Jan 7 at 2:00 PM or (3) …` in the given time zone. */
export function describeSlots(slots: readonly FreeSlot[], timeZone: string): string {
  return formatList(
    slots.map(
      (slot, index) => `(${index + 1}) ${formatLocalTime(Date.parse(slot.startTime), timeZone)}`,
    ),
  );
}

const ORDINALS: Record<string, number> = {
  first: 0,
  '1st': 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
};
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DECLINE =
  /\b(no|nope|nah|none|neither|can'?t|cannot|won'?t work|doesn'?t work|not (good|great|available)|busy)\b/;
const ACCEPT =
  /\b(yes|yeah|yep|yup|sure|ok|okay|works|sounds good|perfect|great|any|either|whatever works|book it|let'?s do it)\b/;

/** Which of the `options` a reply picks: an index, `declined`, or `undefined` when unclear. */
export type Choice = number | 'declined' | undefined;

/**
 * Reads which offered slot a reply picks: a number (`2`), an ordinal (`the second one`, `last`), a weekday
 * (`tuesday works`) or an hour (`10am`, `2:00`) that matches one slot, or a plain yes (first slot). A no is `declined`.
 */
export function chooseSlot(text: string, slots: readonly FreeSlot[], timeZone: string): Choice {
  const lower = text.toLowerCase().replace(/[’']/g, "'");
  const picked = pickByIndex(lower, slots.length);
  if (picked !== undefined) return picked;
  const labels = slots.map((slot) =>
    formatLocalTime(Date.parse(slot.startTime), timeZone).toLowerCase(),
  );
  const weekday = WEEKDAYS.find((day) =>
    new RegExp(`\\b${day}(day|s|sday|nesday|rsday|urday)?\\b`).test(lower),
  );
  const hour = /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\b/.exec(lower);
  const matches = labels
    .map((label, index) => ({ label, index }))
    .filter(({ label }) => weekday === undefined || label.startsWith(weekday))
    .filter(({ label }) => {
      if (!hour) return true;
      const [, h, m, period] = hour;
      const time = `${Number(h)}:${m ?? '00'}`;
      return (
        label.includes(` at ${time} `) &&
        (period === undefined || label.endsWith(period.replace(/\./g, '')))
      );
    });
  if ((weekday !== undefined || hour) && matches.length >= 1) return matches[0]?.index;
  if (DECLINE.test(lower)) return 'declined';
  if (ACCEPT.test(lower)) return 0;
  return undefined;
}

/** Reads `1`, `#2`, `option 3`, `the second one`, `last one` as an index below `count`. */
export function pickByIndex(lower: string, count: number): number | undefined {
  const digit = /^(?:#|option |number |no\.? ?)?([1-9])\b(?!\s*(?:am|pm|:|bed|bd|br|k\b))/.exec(
    lower.trim(),
  );
  if (digit) {
    const index = Number(digit[1]) - 1;
    return index < count ? index : undefined;
  }
  const ordinal = Object.keys(ORDINALS).find((word) => new RegExp(`\\b${word}\\b`).test(lower));
  if (ordinal !== undefined) {
    const index = ORDINALS[ordinal] ?? 0;
    return index < count ? index : undefined;
  }
  if (/\b(last|final) (one|option|time)\b/.test(lower) && count > 0) return count - 1;
  return undefined;
}
