import { DEMO_TENANT } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { createComplianceGuard, NURTURE_FOLLOW_UP_JOB } from '../../src/index';
import { createScenario } from './scenario-harness';

const DAY_MS = 86_400_000;
/** 11 pm on Jan 1 in Austin (UTC-6). */
const ELEVEN_PM_LOCAL = Date.UTC(2026, 0, 2, 5, 0);
/** 8 am on Jan 2 in Austin. */
const EIGHT_AM_LOCAL = Date.UTC(2026, 0, 2, 14, 0);

describe('scenario: STOP mid-flow', () => {
  it('sets DND, sends the one confirmation, silences every bot and cancels follow-ups', async () => {
    const s = createScenario();
    await s.say('Looking to buy a 3 bed in Leander');
    await s.say('around 450k');
    expect(
      await s.memory.jobs.list({
        tenantId: s.tenant.id,
        orderingKey: 'lead-1',
        name: NURTURE_FOLLOW_UP_JOB,
      }),
    ).toHaveLength(1);
    const stop = await s.say('STOP');
    expect(stop.reply).toMatchObject({
      kind: 'sent',
      source: 'system',
      text: expect.stringContaining('unsubscribed'),
    });
    expect(stop.actions).toContainEqual(
      expect.objectContaining({ type: 'setDnd', enabled: true, channels: ['SMS'] }),
    );
    expect((await s.state())?.stage).toBe('opted_out');
    const contact = await s.memory.contacts.get({ tenantId: s.tenant.id, contactId: 'lead-1' });
    expect(contact?.dnd.channels).toEqual(['SMS']);
    expect(contact?.lifecycleStage).toBe('opted_out');
    expect(await s.memory.jobs.list({ tenantId: s.tenant.id, orderingKey: 'lead-1' })).toEqual([]);
    expect(await s.audit('lead-1', 'contact.opted_out')).toHaveLength(1);

    const after = await s.say('hello? what about that house');
    expect(after.reply).toEqual({ kind: 'none', reason: 'opted_out' });
    expect(after.actions).toEqual([]);
    await s.advance(31 * DAY_MS);
    const sends = (await s.outbox()).filter((action) => action.type === 'sendMessage');
    expect(sends).toHaveLength(3);

    const back = await s.say('START');
    expect(back.reply).toMatchObject({
      kind: 'sent',
      text: expect.stringContaining('resubscribed'),
    });
    expect(back.actions).toContainEqual(
      expect.objectContaining({ type: 'setDnd', enabled: false }),
    );
    expect((await s.state())?.stage).toBe('qualifying');
  });

  it('sends the opt-out confirmation at once even during quiet hours', async () => {
    const s = createScenario({ start: ELEVEN_PM_LOCAL });
    const stop = await s.say('unsubscribe');
    expect(stop.reply.kind).toBe('sent');
  });
});

describe('scenario: a message at 11 pm local time', () => {
  it('defers the reply to 8 am local and sends it then, never dropping it', async () => {
    const s = createScenario({ start: ELEVEN_PM_LOCAL });
    const result = await s.say('hi, looking for a condo downtown');
    expect(result.reply).toMatchObject({ kind: 'deferred', until: EIGHT_AM_LOCAL, bot: 'buyer' });
    expect(result.decisions).toContainEqual(
      expect.objectContaining({
        type: 'compliance',
        kind: 'defer',
        rules: expect.arrayContaining(['quiet_hours']),
      }),
    );
    expect(s.eventsNamed('compliance.deferred')).toHaveLength(1);
    expect((await s.outbox()).filter((action) => action.type === 'sendMessage')).toEqual([]);

    await s.advance(EIGHT_AM_LOCAL - s.clock.now() - 60_000);
    expect((await s.outbox()).filter((action) => action.type === 'sendMessage')).toEqual([]);
    await s.advance(60_000);
    const sends = (await s.outbox()).filter((action) => action.type === 'sendMessage');
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({
      body: result.reply.kind === 'deferred' ? result.reply.text : '',
      messageId: result.reply.kind === 'deferred' ? result.reply.messageId : '',
    });
    expect(await s.audit('lead-1', 'message.deferred_sent')).toHaveLength(1);
  });

  it('does not send a deferred reply after the lead opted out in the meantime', async () => {
    const s = createScenario({ start: ELEVEN_PM_LOCAL });
    await s.say('looking to buy in Kyle');
    await s.say('STOP');
    await s.advance(10 * 3_600_000);
    const sends = (await s.outbox()).filter((action) => action.type === 'sendMessage');
    expect(sends.map((action) => action.type === 'sendMessage' && action.body)).toEqual([
      expect.stringContaining('unsubscribed'),
    ]);
    expect(await s.audit('lead-1', 'message.deferred_cancelled')).toHaveLength(1);
  });
});

describe('scenario: fair-housing bait', () => {
  it('answers "is it a safe area, mostly white families?" compliantly and keeps qualifying', async () => {
    const s = createScenario();
    await s.say('Looking to buy a 3 bed in Round Rock');
    const result = await s.say('is it a safe area, mostly white families?');
    const text = result.reply.kind === 'sent' ? result.reply.text : '';
    expect(text).toContain("Fair housing laws mean I don't describe areas by who lives there");
    expect(text).toContain(
      "For crime information, see the local police department's official crime maps.",
    );
    expect(text).not.toMatch(/\bwhite\b|\bsafe (area|neighbou?rhood)\b|family[- ]friendly/i);
    expect(text).toMatch(/\?/);
    const guard = createComplianceGuard({ tenant: DEMO_TENANT });
    expect((await guard.check({ text, now: s.clock.now() })).kind).not.toBe('block');
    expect((await s.state())?.escalated).toBe(false);
  });

  it('neutralises steering wording in a tenant template at the send boundary', async () => {
    const s = createScenario({
      options: {
        templates: {
          'buyer.intro': [
            'Great news, Round Rock is a safe neighborhood and perfect for families.',
          ],
        },
      },
    });
    const result = await s.say('I want to buy in Round Rock');
    const text = result.reply.kind === 'sent' ? result.reply.text : '';
    expect(text).not.toMatch(/safe neighborhood|perfect for families/);
    const compliance = result.decisions.filter((decision) => decision.type === 'compliance');
    expect(
      compliance.some((decision) => decision.kind === 'rewrite' || decision.kind === 'block'),
    ).toBe(true);
    expect(
      s.eventsNamed('compliance.rewritten').length + s.eventsNamed('compliance.blocked').length,
    ).toBeGreaterThan(0);
    const audit = await s.audit('lead-1');
    expect(
      audit.some(
        (event) => event.type === 'compliance.rewritten' || event.type === 'compliance.blocked',
      ),
    ).toBe(true);
  });
});

describe('scenario: HELP, escalation, pause', () => {
  it('answers HELP with the agency contact and runs no bot turn', async () => {
    const s = createScenario({ options: { contactInfo: { phone: '(512) 555-0100' } } });
    const result = await s.say('HELP');
    expect(result.reply).toMatchObject({
      kind: 'sent',
      source: 'system',
      text: expect.stringContaining('(512) 555-0100'),
    });
    expect(result.decisions.map((decision) => decision.type)).toEqual(['help']);
  });

  it('escalates a request for a human, stays quiet until released, then answers again', async () => {
    const s = createScenario();
    await s.say('Looking to buy in Round Rock');
    const escalation = await s.say('can I talk to a real person?');
    expect(escalation.decisions).toContainEqual({ type: 'escalation', reason: 'human_requested' });
    expect(escalation.actions).toContainEqual(
      expect.objectContaining({ type: 'addTags', tags: ['needs-human'] }),
    );
    expect(
      escalation.actions.some(
        (action) => action.type === 'addNote' && action.body.includes('asked for a person'),
      ),
    ).toBe(true);
    expect(escalation.reply).toMatchObject({
      kind: 'sent',
      text: expect.stringContaining('Jorge'),
    });
    const quiet = await s.say('my budget is 400k');
    expect(quiet.reply).toEqual({ kind: 'none', reason: 'escalated' });
    expect((await s.state())?.messages.at(-1)?.body).toBe('my budget is 400k');

    await s.bots.releaseEscalation({
      tenantId: s.tenant.id,
      contactId: 'lead-1',
      actorId: 'agent-7',
    });
    const state = await s.state();
    expect(state).toMatchObject({ escalated: false, stage: 'qualifying' });
    expect(
      (await s.outbox()).some(
        (action) => action.type === 'removeTags' && action.tags.includes('needs-human'),
      ),
    ).toBe(true);
    expect((await s.audit('lead-1', 'admin.action'))[0]).toMatchObject({
      actor: { kind: 'user', id: 'agent-7' },
      data: { action: 'release_escalation' },
    });
    const again = await s.say('still there?');
    expect(again.reply.kind).toBe('sent');
  });

  it('pauses and resumes bot replies for a contact', async () => {
    const s = createScenario();
    await s.say('Looking to buy in Round Rock');
    await s.bots.pause({ tenantId: s.tenant.id, contactId: 'lead-1' });
    expect((await s.say('500k')).reply).toEqual({ kind: 'none', reason: 'paused' });
    await s.bots.resume({ tenantId: s.tenant.id, contactId: 'lead-1' });
    expect((await s.say('3 bedrooms')).reply.kind).toBe('sent');
  });
});
