import type { LlmSystemBlock } from '@enterprisehub/core';
import { buildTenant, ScriptedLlmClient } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { groundingTokens, writeReplyWithLlm } from './llm-reply-writer';

const tenant = buildTenant({
  agencyName: 'Hill Country Homes',
  agent: { name: 'Ana', voice: { tone: 'professional', styleNotes: 'No emojis.' } },
});
const input = (
  llm: ScriptedLlmClient,
  draft = 'I found 1803 Oak St at $465k. Want to see it Fri Jan 2 at 10:00 AM?',
) => ({
  llm,
  tenant,
  bot: 'buyer' as const,
  draft,
  keepVerbatim: [],
  knownFacts: 'budgetMax=500000',
  nextQuestion: 'buyer.offer_showing',
  history: [{ direction: 'inbound' as const, body: 'any homes?' }],
  contactId: 'c1',
  timeoutMs: 4000,
});

describe('writeReplyWithLlm', () => {
  it('sends the static persona and voice as a 1-hour cache block and returns the structured reply', async () => {
    const llm = new ScriptedLlmClient().replyJson({
      reply: 'Good news: 1803 Oak St is listed at $465k. Shall I book Fri Jan 2 at 10:00 AM?',
    });
    const result = await writeReplyWithLlm(input(llm));
    expect(result.text).toContain('$465k');
    const system = llm.calls[0]?.system as LlmSystemBlock[];
    expect(system[0]).toMatchObject({ cache: '1h' });
    expect(system[0]?.text).toContain('Ana at Hill Country Homes');
    expect(system[0]?.text).toContain('Voice: professional. Style: No emojis.');
    expect(system[1]?.text).toContain('KNOWN FACTS: budgetMax=500000');
    expect(llm.calls[0]).toMatchObject({
      schemaName: 'bot_reply',
      messages: [{ role: 'user', content: 'any homes?' }],
    });
  });

  it('rejects replies that drop a price, time or address, or ask two questions', async () => {
    const dropped = new ScriptedLlmClient().replyJson({
      reply: 'I found a great home! Want to see it?',
    });
    await expect(writeReplyWithLlm(input(dropped))).rejects.toMatchObject({
      code: 'LLM_BAD_OUTPUT',
    });
    const chatty = new ScriptedLlmClient().replyJson({
      reply: '1803 Oak St at $465k, Fri Jan 2 at 10:00 AM? Or another day? Any budget?',
    });
    await expect(writeReplyWithLlm(input(chatty))).rejects.toMatchObject({
      code: 'LLM_BAD_OUTPUT',
    });
  });

  it('extracts grounding tokens from prices, times and street numbers', () => {
    expect(groundingTokens(['1) 1803 Brushy Creek Rd: $465k, Fri Jan 2 at 10:00 AM'])).toEqual([
      '1803 Brushy',
      '$465k',
      '10:00 AM',
    ]);
  });
});
