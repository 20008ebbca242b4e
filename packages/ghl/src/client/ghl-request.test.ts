import { describe, expect, it } from 'vitest';
import { buildUrl } from './ghl-request';
import { backoffDelay } from './ghl-retry-options';

describe('buildUrl', () => {
  it('encodes path parameters, repeats array query values and drops undefined ones', () => {
    const url = buildUrl('https://services.leadconnectorhq.com/', {
      path: '/calendars/{calendarId}/free-slots',
      pathParams: { calendarId: 'a/b c' },
      query: { startDate: 1, userIds: ['u1', 'u2'], timezone: undefined, flag: true },
    });
    expect(url).toBe('https://services.leadconnectorhq.com/calendars/a%2Fb%20c/free-slots?startDate=1&userIds=u1&userIds=u2&flag=true');
  });

  it('refuses an empty path parameter instead of calling the wrong URL', () => {
    expect(() => buildUrl('https://x', { path: '/contacts/{contactId}', pathParams: { contactId: '' } })).toThrow(/contactId/);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt within [cap/2, cap] and stops at maxDelayMs', () => {
    expect(backoffDelay(1, { random: () => 0 })).toBe(125);
    expect(backoffDelay(1, { random: () => 1 })).toBe(250);
    expect(backoffDelay(3, { random: () => 0 })).toBe(500);
    expect(backoffDelay(20, { random: () => 1, maxDelayMs: 8_000 })).toBe(8_000);
  });
});
