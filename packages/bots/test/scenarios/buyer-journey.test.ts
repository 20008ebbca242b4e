import type { CrmAction } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { BUYER_QUESTIONS, type TurnResult } from '../../src/index';
import { createScenario } from './scenario-harness';

const questionCount = (text: string): number => (text.match(/\?/g) ?? []).length;
const sent = (result: TurnResult): string => {
  if (result.reply.kind !== 'sent')
    throw new Error(`expected a sent reply, got ${result.reply.kind}`);
  return result.reply.text;
};

describe('scenario: buyer to booked showing', () => {
  it('qualifies one question at a time, sends three matching listings, offers times and books the pick', async () => {
    const s = createScenario();
    const first = await s.say('Hi, I want to buy a house in Cedar Park', 'lead-1', {
      firstName: 'Maria',
    });
    expect(first.bot).toBe('buyer');
    expect(first.decisions).toContainEqual(
      expect.objectContaining({ type: 'handoff', outcome: 'allowed', from: 'lead', to: 'buyer' }),
    );
    const opening = sent(first);
    expect(opening).toContain("I'm Jorge's AI assistant");
    expect(opening).toContain('Hi Maria! This is Jorge with Demo Austin Realty');
    expect(questionCount(opening)).toBe(1);

    const answers = [
      'around 500k',
      'yes, pre-approved with Chase',
      '3 bedrooms',
      'a garage would be nice',
    ];
    const asked: string[] = [];
    for (const answer of answers) {
      const result = await s.say(answer);
      expect(questionCount(sent(result))).toBe(1);
      const bot = result.decisions.find((decision) => decision.type === 'bot');
      if (bot?.type === 'bot' && bot.decision.nextQuestion) asked.push(bot.decision.nextQuestion);
    }
    expect(asked).toEqual(['ask.financing', 'ask.bedrooms', 'ask.must_haves', 'ask.timeline']);

    const matches = await s.say('in the next 2 months');
    const text = sent(matches);
    const lines = text.split('\n').filter((line) => /^\d\) /.test(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Cedar Park');
    for (const line of lines) {
      const price = Number(/\$(\d+)k/.exec(line)?.[1]) * 1000;
      expect(price).toBeLessThanOrEqual(525_000);
      expect(line).toMatch(/3 bedrooms|4 bedrooms/);
    }
    expect((await s.state())?.stage).toBe('qualified');
    expect(matches.score?.temperature).toBe('hot');

    const offer = await s.say('2');
    expect(sent(offer)).toMatch(
      /\(1\) Fri Jan 2 at 10:00 AM, \(2\) Sat Jan 3 at 10:00 AM or \(3\) Sun Jan 4 at 10:00 AM/,
    );
    const booked = await s.say('the first one works');
    expect(sent(booked)).toContain('Fri Jan 2 at 10:00 AM');
    const appointment = booked.actions.find((action) => action.type === 'createAppointment');
    expect(appointment).toMatchObject({
      startTime: '2026-01-02T16:00:00.000Z',
      title: expect.stringMatching(/^Showing: /),
    });
    expect(booked.actions).toContainEqual(
      expect.objectContaining({ type: 'moveOpportunityStage', stage: 'appointment_set' }),
    );
    const state = await s.state();
    expect(state?.stage).toBe('appointment_set');
    const expected = BUYER_QUESTIONS.map((question) => question.key).filter(
      (key) => key !== 'ask.areas',
    );
    expect(state?.askedQuestions).toEqual(expect.arrayContaining(expected));
    expect(state?.askedQuestions).not.toContain('ask.areas');
  });

  it('never asks what the lead already said and writes the facts back as custom fields', async () => {
    const s = createScenario();
    const result = await s.say(
      'Pre-approved buyer looking for a 3 bed in Round Rock up to 450k, need to move in 2 months',
    );
    expect(result.bot).toBe('buyer');
    expect(sent(result)).toMatch(/must have|must-haves/i);
    const fields = result.actions.find(
      (action): action is Extract<CrmAction, { type: 'updateCustomFields' }> =>
        action.type === 'updateCustomFields',
    );
    expect(fields?.fields).toMatchObject({
      budget_max: 450_000,
      bedrooms: 3,
      preferred_areas: ['Round Rock'],
      pre_approved: true,
      active_bot: 'buyer',
    });
    const next = await s.say('nothing special');
    expect(sent(next)).toContain('1) ');
  });

  it('sends the hot-lead workflow and agent note once, and emits the turn events', async () => {
    const s = createScenario();
    await s.say('Cash buyer, want a 3 bed in Cedar Park under 600k, moving next month');
    await s.say('a pool');
    const actions = await s.outbox();
    expect(actions.filter((action) => action.type === 'addToWorkflow')).toEqual([
      expect.objectContaining({ workflow: 'hot_lead' }),
    ]);
    expect(
      actions.some(
        (action) => action.type === 'addNote' && action.body.startsWith('Hot lead: score'),
      ),
    ).toBe(true);
    expect(actions.filter((action) => action.type === 'sendMessage')).toHaveLength(2);
    expect(new Set(actions.map((action) => action.idempotencyKey)).size).toBe(actions.length);
    expect(s.eventsNamed('message.received')).toHaveLength(2);
    expect(s.eventsNamed('bot.replied').map((event) => event.bot)).toEqual(['buyer', 'buyer']);
    expect(s.eventsNamed('bot.turn.completed').map((event) => event.operation)).toEqual([
      'handoff',
      'process',
      'full_qualification',
    ]);
    expect(s.eventsNamed('lead.scored').at(-1)?.temperature).toBe('hot');
    expect(s.eventsNamed('intent.decoded')[0]).toMatchObject({
      intent: 'buyer',
      contactId: 'lead-1',
    });
    const audit = await s.audit('lead-1', 'bot.decision');
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('Cedar Park under 600k');
  });
});

describe('scenario: no free calendar slots', () => {
  it('asks the agent to propose showing times and does not repeat itself', async () => {
    const s = createScenario({ freeSlots: [] });
    await s.say('Cash buyer, 3 bed in Cedar Park under 600k, moving next month, must have a pool');
    const pick = await s.say('1');
    expect(sent(pick)).toMatch(
      /Jorge will get back to you with showing times|showing times for .* shortly/,
    );
    expect(
      pick.actions.some(
        (action) => action.type === 'addNote' && action.body.includes('please propose times'),
      ),
    ).toBe(true);
    expect(sent(await s.say('great, the first one'))).toMatch(/follow up with you personally/);
  });
});

describe('scenario: seller to CMA and listing appointment', () => {
  it('asks the seller questions, sends a CMA from sold comps and books a listing appointment', async () => {
    const s = createScenario();
    const first = await s.say("What's my house worth? Thinking of selling");
    expect(first.bot).toBe('seller');
    expect(sent(first)).toMatch(/address/i);
    await s.say('1803 Brushy Creek Rd, Cedar Park');
    await s.say('3 bed, about 1,800 sq ft');
    await s.say('needs some work');
    await s.say('within 3 months');
    await s.say('relocating for a job');
    const cma = await s.say('hoping for 480k');
    const text = sent(cma);
    expect(text).toMatch(/recent sales in Cedar Park/);
    expect(text).toMatch(/\$\d+\/sq ft/);
    expect(text).toMatch(
      /around \$\d+k \(\$\d+k to \$\d+k\)|about \$\d+k, in a range of \$\d+k to \$\d+k/,
    );
    expect(text).toContain('1713 Brushy Creek Rd sold $449k');
    expect(text).toContain('This is an estimate, not an appraisal.');
    expect(text).toMatch(/\(1\) Fri Jan 2 at 10:00 AM/);
    const note = cma.actions.find(
      (action) => action.type === 'addNote' && action.body.startsWith('CMA by the seller bot'),
    );
    expect(note).toBeDefined();
    const fields = cma.actions.find(
      (action) => action.type === 'updateCustomFields' && 'cma_estimate' in action.fields,
    );
    expect(fields).toBeDefined();
    const state = await s.state();
    expect(state?.stage).toBe('scheduling');
    expect(typeof state?.attributes['cmaEstimateUsd']).toBe('number');

    const booked = await s.say('1');
    expect(sent(booked)).toContain('listing appointment with Jorge is on Fri Jan 2 at 10:00 AM');
    expect(booked.actions).toContainEqual(
      expect.objectContaining({
        type: 'createAppointment',
        title: 'Listing appointment: 1803 Brushy Creek Rd',
        startTime: '2026-01-02T16:00:00.000Z',
      }),
    );
    expect((await s.state())?.stage).toBe('appointment_set');
  });
});
