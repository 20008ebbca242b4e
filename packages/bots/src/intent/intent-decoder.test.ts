import { EnterpriseHubError } from '@enterprisehub/core';
import { ScriptedLlmClient } from '@enterprisehub/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrateConfidence } from './calibration';
import { createIntentDecoder } from './intent-decoder';
import { INTENTS } from './rules-intent';

const decoder = createIntentDecoder();
const asked = (body: string) => ({ history: [{ direction: 'outbound' as const, body }] });

describe('createIntentDecoder (rules only)', () => {
  it.each([
    ['I want to buy a 3BR house in Austin', 'buyer'],
    ['lookin to by a hous in cedar park', 'buyer'],
    ["what's available in cedar park?", 'buyer'],
    ["what's my house worth?", 'seller'],
    ['selll my hous fast', 'seller'],
    ['Do you buy houses?', 'seller'],
    ['trading up — sell our 3br and buy a 4br', 'both'],
    ['relocating to austin from dallas, have to sell our dallas house first', 'both'],
    ['just curious about the market', 'browsing'],
    ['not looking to sell yet', 'browsing'],
    ["we're not buying until next year", 'browsing'],
    ['Is it a buyers or sellers market right now?', 'browsing'],
    ["I'm not selling, I'm buying", 'buyer'],
    ['ok', 'unknown'],
    ['👍', 'unknown'],
    ['text', 'unknown'],
  ])('classifies %s as %s', async (text, intent) => {
    await expect(decoder.decode(text)).resolves.toMatchObject({ intent });
  });

  it('reads short answers against the previous bot question', async () => {
    await expect(decoder.decode('yes', asked('Are you looking to buy a home?'))).resolves.toMatchObject({ intent: 'buyer' });
    await expect(decoder.decode('yep', asked('Are you looking to sell your home?'))).resolves.toMatchObject({ intent: 'seller' });
    await expect(decoder.decode('both', asked('Are you looking to buy or sell?'))).resolves.toMatchObject({ intent: 'both' });
    await expect(decoder.decode('yes')).resolves.toMatchObject({ intent: 'unknown' });
  });

  it('treats moving to a market area as buying here', async () => {
    await expect(decoder.decode('moving to round rock this summer')).resolves.toMatchObject({
      intent: 'buyer',
      signals: expect.arrayContaining(['buyer:moving-to-area']),
    });
  });

  it('is confident on clear messages and unsure on weak ones, and explains itself', async () => {
    const clear = await decoder.decode('I want to sell my house, what is it worth?');
    const weak = await decoder.decode('how much does staging cost');
    expect(clear.confidence).toBeGreaterThanOrEqual(0.9);
    expect(clear.signals).toEqual(expect.arrayContaining(['seller:sell-verb']));
    expect(weak.confidence).toBeLessThan(clear.confidence);
  });

  it('guesses from content words when no rule fires, below the handoff threshold, and never for small talk', async () => {
    const guess = await decoder.decode('which school districts are best for young kids around here');
    expect(guess).toMatchObject({ intent: 'buyer', signals: expect.arrayContaining(['fallback:lexical']) });
    expect(guess.confidence).toBeLessThan(0.7);
    await expect(decoder.decode('I will check with my husband and get back to you')).resolves.toMatchObject({ intent: 'unknown' });
    await expect(decoder.decode('ok thanks')).resolves.toMatchObject({ intent: 'unknown' });
  });

  it('returns a valid result for any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const result = await decoder.decode(text);
        expect(INTENTS).toContain(result.intent);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('createIntentDecoder (LLM mode)', () => {
  it('classifies through the intent_decision schema and raises confidence when the rules agree', async () => {
    const llm = new ScriptedLlmClient().replyJson({ intent: 'seller', confidence: 0.8, signals: ['asks value'] });
    const result = await createIntentDecoder({ llm, tenantId: 't1' }).decode("what's my house worth?");
    expect(result.intent).toBe('seller');
    expect(result.confidence).toBeGreaterThan(0.9);
    expect(result.signals).toEqual(expect.arrayContaining(['llm', 'rules:agree', 'llm:asks value']));
    expect(llm.calls[0]).toMatchObject({ tenantId: 't1', schemaName: 'intent_decision', temperature: 0 });
    llm.assertDone();
  });

  it('lets the rules break a disagreement when the model is unsure', async () => {
    const llm = new ScriptedLlmClient().replyJson({ intent: 'browsing', confidence: 0.4 });
    const result = await createIntentDecoder({ llm }).decode('I want to sell my house this spring');
    expect(result).toMatchObject({ intent: 'seller', signals: expect.arrayContaining(['tie-breaker:rules']) });
  });

  it('follows a confident model over the rules, discounting its confidence', async () => {
    const llm = new ScriptedLlmClient().replyJson({ intent: 'both', confidence: 0.9 });
    const result = await createIntentDecoder({ llm }).decode('we need to move, our place is too small');
    expect(result.intent).toBe('both');
    expect(result.signals).toContain('llm');
  });

  it('falls back to the rules on any model failure and records the error code', async () => {
    const llm = new ScriptedLlmClient()
      .fail(new EnterpriseHubError({ code: 'LLM_RATE_LIMITED', message: 'The model provider rate-limited the call.' }))
      .replyJson({ intent: 'sideways' });
    const decoderWithLlm = createIntentDecoder({ llm });
    await expect(decoderWithLlm.decode('looking to buy in leander')).resolves.toMatchObject({
      intent: 'buyer',
      signals: expect.arrayContaining(['fallback:rules', 'llm-error:LLM_RATE_LIMITED']),
    });
    await expect(decoderWithLlm.decode('looking to buy in leander')).resolves.toMatchObject({
      intent: 'buyer',
      signals: expect.arrayContaining(['llm-error:LLM_BAD_OUTPUT']),
    });
  });
});

describe('calibrateConfidence', () => {
  it('grows with the margin and stays within bounds', () => {
    const values = [-4, -1, 0, 1, 2, 4, 10].map((margin) => calibrateConfidence('buyer', margin));
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0.05);
    expect(Math.max(...values)).toBeLessThanOrEqual(0.97);
  });
});
