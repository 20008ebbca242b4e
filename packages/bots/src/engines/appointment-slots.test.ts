import { createMemoryCrmGateway, type FreeSlot } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { chooseSlot, describeSlots, findFreeSlots } from './appointment-slots';

const ZONE = 'America/Chicago';
const slot = (iso: string): FreeSlot => ({
  startTime: iso,
  endTime: new Date(Date.parse(iso) + 3_600_000).toISOString(),
});
// Fri Jan 2 10:00, Fri Jan 2 14:00, Sat Jan 3 10:00 (Austin, UTC-6)
const SLOTS = [
  slot('2026-01-02T16:00:00.000Z'),
  slot('2026-01-02T20:00:00.000Z'),
  slot('2026-01-03T16:00:00.000Z'),
];

describe('chooseSlot', () => {
  it.each([
    ['2', 1],
    ['option 3', 2],
    ['the second one', 1],
    ['last one please', 2],
    ['saturday works', 2],
    ['friday at 2pm', 1],
    ['2:00 pm', 1],
    ['yes that works', 0],
  ])('reads %j as slot %i', (text, index) => {
    expect(chooseSlot(text, SLOTS, ZONE)).toBe(index);
  });

  it('recognises a decline and an unclear answer', () => {
    expect(chooseSlot("none of those work, I'm busy", SLOTS, ZONE)).toBe('declined');
    expect(chooseSlot('what is the hoa fee?', SLOTS, ZONE)).toBeUndefined();
  });
});

describe('findFreeSlots', () => {
  it('spreads slots across days, skips the next two hours, and describes them in the tenant time zone', async () => {
    const now = Date.parse('2026-01-02T15:00:00.000Z');
    const crm = createMemoryCrmGateway({
      freeSlots: [
        slot('2026-01-02T16:00:00.000Z'),
        ...SLOTS.slice(1),
        slot('2026-01-03T20:00:00.000Z'),
        slot('2026-01-04T16:00:00.000Z'),
      ],
    });
    const slots = await findFreeSlots({ crm, tenantId: 't1', now, timeZone: ZONE });
    expect(slots.map((entry) => entry.startTime)).toEqual([
      '2026-01-02T20:00:00.000Z',
      '2026-01-03T16:00:00.000Z',
      '2026-01-04T16:00:00.000Z',
    ]);
    expect(describeSlots(slots, ZONE)).toBe(
      '(1) Fri Jan 2 at 2:00 PM, (2) Sat Jan 3 at 10:00 AM or (3) Sun Jan 4 at 10:00 AM',
    );
  });
});
