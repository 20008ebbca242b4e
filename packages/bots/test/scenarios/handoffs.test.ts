import { describe, expect, it } from 'vitest';
import type { TurnResult } from '../../src/index';
import { createScenario } from './scenario-harness';

const MINUTE_MS = 60_000;
const handoffOf = (result: TurnResult) =>
  result.decisions.find((decision) => decision.type === 'handoff');

describe('scenario: buyer who turns seller', () => {
  it('hands the contact to the Seller bot with the context, so nothing the lead said is asked again', async () => {
    const s = createScenario();
    await s.say('Looking to buy a 3 bed in Leander');
    await s.say('around 450k');
    const turned = await s.say('we also need to sell our current house first');
    expect(handoffOf(turned)).toMatchObject({ outcome: 'allowed', from: 'buyer', to: 'seller' });
    expect(turned.bot).toBe('seller');
    expect(turned.reply.kind === 'sent' && turned.reply.text).toMatch(/address/i);
    const state = await s.state();
    expect(state?.activeBot).toBe('seller');
    expect(state?.handoffs.map((record) => `${record.from}->${record.to}`)).toEqual([
      'lead->buyer',
      'buyer->seller',
    ]);
    expect(state?.facts.budgetMax?.value).toBe(450_000);
    const note = turned.actions.find((action) => action.type === 'addNote');
    expect(note?.type === 'addNote' && note.body).toMatch(
      /Handed from the buyer bot to the seller bot.*budget up to \$450k/,
    );
    expect(turned.actions).toContainEqual(
      expect.objectContaining({ type: 'addTags', tags: ['seller-lead'] }),
    );
    expect(s.eventsNamed('handoff.completed').map((event) => `${event.from}->${event.to}`)).toEqual(
      ['lead->buyer', 'buyer->seller'],
    );
  });

  it('keeps a specialist bot when the message answers its question', async () => {
    const s = createScenario();
    await s.say("What's my house worth? Thinking of selling");
    await s.say('1803 Brushy Creek Rd, Cedar Park');
    const answer = await s.say('3 bed, about 1,800 sq ft');
    expect(answer.bot).toBe('seller');
    expect(handoffOf(answer)).toBeUndefined();
  });
});

describe('scenario: ping-pong intent', () => {
  it('blocks the return to the bot just left (circular rule), records it, and the current bot keeps the lead', async () => {
    const s = createScenario();
    await s.say('I want to buy a house in Round Rock');
    await s.say('Actually I think I want to sell my house instead');
    const back = await s.say('no wait, I want to buy');
    expect(handoffOf(back)).toMatchObject({
      outcome: 'blocked',
      from: 'seller',
      to: 'buyer',
      reason: 'circular',
    });
    expect(back.bot).toBe('seller');
    expect(back.reply.kind).toBe('sent');
    expect(s.eventsNamed('handoff.blocked')).toEqual([
      expect.objectContaining({ from: 'seller', to: 'buyer', reason: 'circular' }),
    ]);
    const audit = await s.audit('lead-1', 'handoff.blocked');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data).toMatchObject({ reason: 'circular' });
    expect(s.bots.handoffAnalytics({ tenantId: s.tenant.id })).toMatchObject({
      successful: 2,
      blocked: 1,
      blockedByReason: { circular: 1 },
    });
    expect((await s.state())?.facts.areas?.value).toEqual(['Round Rock']);
  });
});

describe('scenario: four handoffs in an hour', () => {
  it('allows three and blocks the fourth with the hourly limit', async () => {
    const s = createScenario({ options: { handoff: { circularWindowMs: 10 * MINUTE_MS } } });
    const outcomes: string[] = [];
    const messages = [
      'I want to buy a house',
      'actually I want to sell my house',
      'no, I want to buy a home',
      'I want to sell my house',
    ];
    for (const message of messages) {
      const result = await s.say(message);
      const handoff = handoffOf(result);
      outcomes.push(
        handoff
          ? `${handoff.from}->${handoff.to}:${handoff.outcome}${handoff.reason ? `:${handoff.reason}` : ''}`
          : 'none',
      );
      await s.advance(11 * MINUTE_MS);
    }
    expect(outcomes).toEqual([
      'lead->buyer:allowed',
      'buyer->seller:allowed',
      'seller->buyer:allowed',
      'buyer->seller:blocked:hourly_limit',
    ]);
    expect((await s.state())?.activeBot).toBe('buyer');
  });
});
