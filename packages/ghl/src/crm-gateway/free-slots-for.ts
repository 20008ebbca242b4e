import { EnterpriseHubError, type FreeSlot } from '@enterprisehub/core';
import type { GhlClient } from '../client/create-ghl-client';

const MAX_RANGE_MS = 31 * 86_400_000;

/** Free slots between two ISO times, asking GHL in chunks of at most 31 days. @internal */
export async function freeSlotsFor(options: {
  client: GhlClient;
  calendarId: string;
  from: string;
  to: string;
  timeZone: string | undefined;
  signal: AbortSignal | undefined;
  slotMinutes: number;
}): Promise<FreeSlot[]> {
  const fromMs = Date.parse(options.from);
  const toMs = Date.parse(options.to);
  if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs < fromMs) {
    throw new EnterpriseHubError({ code: 'VALIDATION_FAILED', message: 'getFreeSlots needs ISO from/to with from before to.' });
  }
  const slots: FreeSlot[] = [];
  for (let start = fromMs; start < toMs; start += MAX_RANGE_MS) {
    const end = Math.min(toMs, start + MAX_RANGE_MS);
    const days = await options.client.calendars.getFreeSlots(
      options.calendarId,
      { startDate: start, endDate: end, ...(options.timeZone === undefined ? {} : { timezone: options.timeZone }) },
      { signal: options.signal },
    );
    for (const startTime of days.flatMap((day) => day.slots)) {
      const startMs = Date.parse(startTime);
      const endMs = startMs + options.slotMinutes * 60_000;
      if (startMs >= fromMs && endMs <= toMs) slots.push({ startTime, endTime: new Date(endMs).toISOString() });
    }
  }
  return slots.sort((left, right) => Date.parse(left.startTime) - Date.parse(right.startTime));
}
