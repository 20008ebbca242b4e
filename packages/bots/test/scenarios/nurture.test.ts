import { describe, expect, it } from 'vitest';
import { DORMANT_CHECK_JOB, NURTURE_FOLLOW_UP_JOB } from '../../src/index';
import { createScenario } from './scenario-harness';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Noon on Jan 1 in Austin (UTC-6). */
const NOON_LOCAL = Date.UTC(2026, 0, 1, 18, 0);

async function sends(s: ReturnType<typeof createScenario>): Promise<string[]> {
  return (await s.outbox()).flatMap((action) =>
    action.type === 'sendMessage' ? [action.body] : [],
  );
}

describe('scenario: nurture follow-ups and dormancy', () => {
  it('marks a silent lead dormant after 48 h and follows up on day 3, 7 and 30 after the last reply', async () => {
    const s = createScenario({ start: NOON_LOCAL });
    await s.say('Looking to buy in Round Rock', 'lead-1', { firstName: 'Sam' });
    await s.say('around 400k');
    const jobs = await s.memory.jobs.list({ tenantId: 'demo', orderingKey: 'lead-1' });
    expect(jobs.map((job) => [job.name, job.runAt - NOON_LOCAL])).toEqual([
      [DORMANT_CHECK_JOB, 2 * DAY_MS],
      [NURTURE_FOLLOW_UP_JOB, 3 * DAY_MS],
    ]);

    await s.advance(2 * DAY_MS);
    expect((await s.state())?.stage).toBe('dormant');
    const dormantActions = await s.outbox();
    expect(dormantActions).toContainEqual(
      expect.objectContaining({ type: 'addTags', tags: ['dormant'] }),
    );
    expect(dormantActions).toContainEqual(
      expect.objectContaining({ type: 'moveOpportunityStage', stage: 'dormant' }),
    );
    expect(await s.audit('lead-1', 'contact.dormant')).toHaveLength(1);
    expect(await sends(s)).toHaveLength(2);

    await s.advance(1 * DAY_MS);
    expect((await sends(s)).at(-1)).toMatch(
      /^Hi Sam, Jorge here\. Just checking in|^Hi Sam! Any questions come up/,
    );
    await s.advance(4 * DAY_MS);
    expect(await sends(s)).toHaveLength(4);
    await s.advance(23 * DAY_MS);
    expect(await sends(s)).toHaveLength(5);
    expect((await s.state())?.stage).toBe('nurturing');
    expect(
      (await s.audit('lead-1', 'nurture.follow_up')).map((event) => event.data['day']),
    ).toEqual([3, 7, 30]);
  });

  it('cancels the pending follow-ups when the lead replies and plans them again from the new reply', async () => {
    const s = createScenario({ start: NOON_LOCAL });
    await s.say('Looking to buy in Round Rock');
    await s.advance(2 * DAY_MS + HOUR_MS);
    const reply = await s.say('sorry, busy week. budget around 400k');
    expect(reply.reply.kind).toBe('sent');
    expect((await s.state())?.stage).toBe('qualifying');
    expect(reply.actions).toContainEqual(
      expect.objectContaining({ type: 'removeTags', tags: ['dormant'] }),
    );
    const followUps = await s.memory.jobs.list({
      tenantId: 'demo',
      orderingKey: 'lead-1',
      name: NURTURE_FOLLOW_UP_JOB,
    });
    expect(followUps.map((job) => job.runAt - s.clock.now())).toEqual([3 * DAY_MS]);
    await s.advance(DAY_MS);
    expect(await sends(s)).toHaveLength(2);
  });

  it('moves a follow-up due in quiet hours to 8 am local time', async () => {
    const s = createScenario({ start: Date.UTC(2026, 0, 2, 4, 30) });
    await s.say('Looking to buy in Round Rock');
    const [day3] = await s.memory.jobs.list({
      tenantId: 'demo',
      orderingKey: 'lead-1',
      name: NURTURE_FOLLOW_UP_JOB,
    });
    expect(day3?.runAt).toBe(Date.UTC(2026, 0, 5, 14, 0));
  });

  it('stops nurturing once a showing is booked', async () => {
    const s = createScenario({ start: NOON_LOCAL });
    await s.say('Cash buyer, 3 bed in Cedar Park under 600k, moving next month, must have a pool');
    await s.say('1');
    await s.say('1');
    expect((await s.state())?.stage).toBe('appointment_set');
    expect(
      await s.memory.jobs.list({
        tenantId: 'demo',
        orderingKey: 'lead-1',
        name: NURTURE_FOLLOW_UP_JOB,
      }),
    ).toEqual([]);
  });
});
