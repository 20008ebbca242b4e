import { buildTenant } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { DORMANT_CHECK_JOB, NURTURE_FOLLOW_UP_JOB } from './bot-jobs';
import {
  followUpJob,
  nextNurtureDay,
  nurtureJobIds,
  outsideQuietHours,
  planNurture,
} from './nurture-planner';

const DAY_MS = 86_400_000;
const tenant = buildTenant({ timeZone: 'America/Chicago' });
const NOON = Date.UTC(2026, 0, 1, 18, 0);

describe('planNurture', () => {
  it('plans the dormancy check and the first follow-up; each follow-up chains the next on the same anchor', () => {
    const jobs = planNurture({ tenant, contactId: 'c1', lastInboundAt: NOON, stage: 'qualifying' });
    expect(jobs.map((job) => [job.name, job.jobId, job.runAt - NOON])).toEqual([
      [DORMANT_CHECK_JOB, 'dormant:c1', 2 * DAY_MS],
      [NURTURE_FOLLOW_UP_JOB, 'nurture:c1:day3', 3 * DAY_MS],
    ]);
    expect(jobs.every((job) => job.orderingKey === 'c1')).toBe(true);
    expect(nextNurtureDay(3)).toBe(7);
    expect(nextNurtureDay(7)).toBe(30);
    expect(nextNurtureDay(30)).toBeUndefined();
    const day30 = followUpJob({
      tenant,
      contactId: 'c1',
      anchorAt: NOON,
      day: 30,
      now: NOON + 7 * DAY_MS,
    });
    expect(day30).toMatchObject({
      jobId: 'nurture:c1:day30',
      runAt: NOON + 27 * DAY_MS,
      payload: { day: 30, anchorAt: NOON, dueAt: NOON + 30 * DAY_MS },
    });
    expect(nurtureJobIds('c1')).toEqual(
      expect.arrayContaining([
        'dormant:c1',
        'nurture:c1:day3',
        'nurture:c1:day7',
        'nurture:c1:day30',
        'nurture:c1:day30:later',
      ]),
    );
  });

  it('plans nothing for opted-out, escalated or booked leads and no dormancy check outside qualification', () => {
    for (const stage of ['opted_out', 'escalated', 'appointment_set', 'closed'] as const)
      expect(planNurture({ tenant, contactId: 'c1', lastInboundAt: NOON, stage })).toEqual([]);
    expect(
      planNurture({ tenant, contactId: 'c1', lastInboundAt: NOON, stage: 'nurturing' }).map(
        (job) => job.name,
      ),
    ).not.toContain(DORMANT_CHECK_JOB);
  });

  it('moves follow-ups out of quiet hours in the lead’s time zone', () => {
    const elevenPmAustin = Date.UTC(2026, 0, 2, 5, 0);
    expect(outsideQuietHours(elevenPmAustin, tenant, undefined)).toBe(Date.UTC(2026, 0, 2, 14, 0));
    expect(outsideQuietHours(elevenPmAustin, tenant, 'Pacific/Honolulu')).toBe(elevenPmAustin);
    expect(outsideQuietHours(NOON, tenant, undefined)).toBe(NOON);
  });
});
