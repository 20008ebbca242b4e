import { describe, expect, it } from 'vitest';
import { pickVariant, TEMPLATE_OUTCOME_METRIC } from '../../src/index';
import { createScenario } from './scenario-harness';

describe('scenario: the Lead bot', () => {
  it('greets, asks what the lead wants, and routes once it is clear', async () => {
    const s = createScenario();
    const hello = await s.say('hi', 'lead-1', { firstName: 'Ana' });
    expect(hello.bot).toBe('lead');
    expect(hello.reply.kind === 'sent' && hello.reply.text).toMatch(
      /Hi Ana[!,] .*Jorge.*buy.*sell.*both\?$/,
    );
    const routed = await s.say('buying');
    expect(routed.bot).toBe('buyer');
  });

  it('keeps a browser warm with two questions, offers market updates, and does not answer a bare "ok" afterwards', async () => {
    const s = createScenario();
    await s.say('just curious about the market');
    await s.say('round rock maybe');
    const offer = await s.say('not sure, maybe next year');
    expect(offer.reply.kind === 'sent' && offer.reply.text).toMatch(/market update.*Round Rock/);
    expect((await s.state())?.stage).toBe('nurturing');
    const ack = await s.say('ok');
    expect(ack.reply).toEqual({ kind: 'none', reason: 'nothing_to_say' });
  });

  it('captures the basics itself when the specialist bot is disabled for the tenant', async () => {
    const s = createScenario({ tenant: { enabledBots: ['lead', 'seller'] } });
    const result = await s.say('I want to buy a home in Kyle');
    expect(result.bot).toBe('lead');
    expect(result.decisions).toContainEqual(
      expect.objectContaining({ type: 'handoff', outcome: 'blocked', reason: 'disabled' }),
    );
    expect(result.reply.kind === 'sent' && result.reply.text).toMatch(/when|timeline/i);
  });
});

describe('scenario: A/B template variants', () => {
  it('shows each contact one variant per template, every turn, and tracks the outcome', async () => {
    const s = createScenario();
    const contacts = ['ab-1', 'ab-2', 'ab-3', 'ab-4', 'ab-5', 'ab-6'];
    const labels = new Set<number>();
    for (const contactId of contacts) {
      const variant = pickVariant({ contactId, experiment: 'ask.budget', count: 2 });
      labels.add(variant);
      await s.say('I want to buy a house in Round Rock', contactId);
      const decision = (await s.audit(contactId, 'bot.decision'))[0];
      expect(decision?.data['templates']).toContain(`ask.budget:${variant === 0 ? 'A' : 'B'}`);
    }
    expect(labels.size).toBe(2);
    await s.say('around 450k', 'ab-1');
    const outcomes = await s.audit('ab-1', 'template.outcome');
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.data).toMatchObject({ outcome: 'replied' });
    expect(outcomes[0]?.data['templates']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ask\.budget:[AB]$/),
        expect.stringMatching(/^lead\.greeting:[AB]$/),
      ]),
    );
    const samples = await s.memory.metrics.querySamples({
      tenantId: 'demo',
      name: TEMPLATE_OUTCOME_METRIC,
    });
    expect(
      samples.some(
        (sample) => sample.labels['key'] === 'ask.budget' && sample.labels['outcome'] === 'replied',
      ),
    ).toBe(true);
  });
});
