import { describe, expect, it } from 'vitest';
import { quietHoursEnd, zonedTimeToEpoch } from './quiet-hours';

const window = { start: '21:00', end: '08:00' };

describe('quietHoursEnd', () => {
  it('returns the next local 8 am when it is late evening', () => {
    // 22:30 CDT on 2026-07-01 = 03:30Z on 07-02; next 08:00 CDT = 13:00Z on 07-02
    expect(
      quietHoursEnd({ now: Date.UTC(2026, 6, 2, 3, 30), timeZone: 'America/Chicago', window }),
    ).toBe(Date.UTC(2026, 6, 2, 13, 0));
  });

  it('returns the same morning 8 am when it is after midnight', () => {
    // 02:00 CST on 2026-01-07 = 08:00Z; 08:00 CST = 14:00Z
    expect(
      quietHoursEnd({ now: Date.UTC(2026, 0, 7, 8, 0), timeZone: 'America/Chicago', window }),
    ).toBe(Date.UTC(2026, 0, 7, 14, 0));
  });

  it('returns undefined during the day, at exactly 8 am and just before 9 pm', () => {
    expect(
      quietHoursEnd({ now: Date.UTC(2026, 0, 7, 14, 0), timeZone: 'America/Chicago', window }),
    ).toBeUndefined();
    expect(
      quietHoursEnd({ now: Date.UTC(2026, 0, 8, 2, 59), timeZone: 'America/Chicago', window }),
    ).toBeUndefined();
    expect(
      quietHoursEnd({ now: Date.UTC(2026, 0, 8, 3, 0), timeZone: 'America/Chicago', window }),
    ).toBeDefined();
  });

  it('handles the night DST starts (the morning is an hour shorter in UTC terms)', () => {
    // 2026-03-08: US DST starts at 02:00 local. 23:00 CST on 03-07 = 05:00Z; 08:00 CDT on 03-08 = 13:00Z
    expect(
      quietHoursEnd({ now: Date.UTC(2026, 2, 8, 5, 0), timeZone: 'America/Chicago', window }),
    ).toBe(Date.UTC(2026, 2, 8, 13, 0));
  });

  it('rolls over month and year ends', () => {
    // 23:00 EST on 2026-12-31 = 04:00Z 2027-01-01; 08:00 EST 2027-01-01 = 13:00Z
    expect(
      quietHoursEnd({ now: Date.UTC(2027, 0, 1, 4, 0), timeZone: 'America/New_York', window }),
    ).toBe(Date.UTC(2027, 0, 1, 13, 0));
  });

  it('supports windows that do not wrap midnight and empty windows', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(
      quietHoursEnd({ now: Date.UTC(2026, 0, 7, 12, 30), timeZone: 'UTC', window: lunch }),
    ).toBe(Date.UTC(2026, 0, 7, 13, 0));
    expect(
      quietHoursEnd({ now: Date.UTC(2026, 0, 7, 14, 0), timeZone: 'UTC', window: lunch }),
    ).toBeUndefined();
    expect(
      quietHoursEnd({
        now: Date.UTC(2026, 0, 7, 2, 0),
        timeZone: 'UTC',
        window: { start: '08:00', end: '08:00' },
      }),
    ).toBeUndefined();
  });
});

describe('zonedTimeToEpoch', () => {
  it('converts local wall time in a zone with a half-hour offset', () => {
    expect(
      zonedTimeToEpoch({ year: 2026, month: 1, day: 7, hour: 8, minute: 0 }, 'Asia/Kolkata'),
    ).toBe(Date.UTC(2026, 0, 7, 2, 30));
  });
});
