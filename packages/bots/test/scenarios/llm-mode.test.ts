import { EnterpriseHubError, type LlmRequest, type LlmSystemBlock } from '@enterprisehub/core';
import { ScriptedLlmClient, type ScriptedLlmReply } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import type { LlmCostMode, TurnResult } from '../../src/index';
import { createScenario } from './scenario-harness';

const LLM_TENANT = {
  llm: {
    enabled: true,
    model: 'model-large',
    fallbackModel: 'model-small',
    hourlyLimitUsd: 50,
    emergencyStopUsd: 100,
    maxTokensPerTurn: 512,
  },
};

function draftOf(request: LlmRequest): string {
  const blocks = request.system as LlmSystemBlock[];
  return blocks[1]?.text.split('DRAFT:\n')[1] ?? '';
}

/** Answers every call by schema: buyer intent, no extra facts, and the draft reworded with a friendly prefix. */
function modelAnswer(request: LlmRequest): ScriptedLlmReply {
  if (request.schemaName === 'intent_decision')
    return { json: { intent: 'buyer', confidence: 0.9 } };
  if (request.schemaName === 'lead_facts') return { json: {} };
  return { json: { reply: `Hey there! ${draftOf(request)}` } };
}

function scriptedTurns(llm: ScriptedLlmClient, turns: number): void {
  for (let index = 0; index < turns * 3; index += 1) llm.respond(modelAnswer);
}

const source = (result: TurnResult) => {
  const bot = result.decisions.find((decision) => decision.type === 'bot');
  return bot?.type === 'bot' ? bot.decision.source : undefined;
};

describe('scenario: LLM mode', () => {
  it('words replies in the tenant voice with a cached static system prompt and structured output', async () => {
    const llm = new ScriptedLlmClient();
    scriptedTurns(llm, 1);
    const s = createScenario({ tenant: LLM_TENANT, llm });
    const result = await s.say('I want to buy a house in Cedar Park');
    llm.assertDone();
    expect(result.reply).toMatchObject({
      kind: 'sent',
      source: 'llm',
      text: expect.stringContaining('Hey there!'),
    });
    const reply = llm.calls.find((call) => call.schemaName === 'bot_reply');
    const system = reply?.system as LlmSystemBlock[];
    expect(system[0]).toMatchObject({
      cache: '1h',
      text: expect.stringContaining('You are the Buyer bot'),
    });
    expect(system[0]?.text).toContain('Jorge at Demo Austin Realty');
    expect(system[0]?.text).toContain('Short, warm texts');
    expect(system[1]?.cache).toBeUndefined();
    expect(reply?.model).toBe('model-large');
    expect(reply?.metadata).toMatchObject({
      bot: 'buyer',
      contactId: 'lead-1',
      operation: 'write_reply',
    });
    expect(llm.calls.map((call) => call.schemaName)).toEqual([
      'intent_decision',
      'lead_facts',
      'bot_reply',
    ]);
    expect(source(result)).toBe('llm');
  });

  it('answers with the rules engine when the model fails mid-turn (never silence)', async () => {
    const llm = new ScriptedLlmClient();
    scriptedTurns(llm, 1);
    llm
      .respond(modelAnswer)
      .respond(modelAnswer)
      .fail(new EnterpriseHubError({ code: 'LLM_UNAVAILABLE', message: 'The provider is down.' }));
    const s = createScenario({ tenant: LLM_TENANT, llm });
    await s.say('I want to buy a house in Cedar Park');
    const result = await s.say('around 500k');
    llm.assertDone();
    expect(result.reply).toMatchObject({ kind: 'sent', source: 'fallback' });
    expect(result.reply.kind === 'sent' && result.reply.text).toMatch(/pre-approved/);
    expect(result.decisions).toContainEqual(
      expect.objectContaining({ type: 'llm', outcome: 'fallback', errorCode: 'LLM_UNAVAILABLE' }),
    );
    expect(source(result)).toBe('fallback');
    expect(s.eventsNamed('error.raised')).toContainEqual(
      expect.objectContaining({ code: 'LLM_UNAVAILABLE', bot: 'buyer' }),
    );
  });

  it('falls back to the rules text when the model drops a price from the draft', async () => {
    const llm = new ScriptedLlmClient();
    llm
      .respond(modelAnswer)
      .respond(modelAnswer)
      .respond(() => ({ json: { reply: 'Great! What can I help with?' } }));
    const s = createScenario({
      tenant: LLM_TENANT,
      llm,
      options: { templates: { 'buyer.intro': ['Homes here start at $300k.'] } },
    });
    const result = await s.say('I want to buy a house in Cedar Park');
    expect(result.reply).toMatchObject({
      kind: 'sent',
      source: 'fallback',
      text: expect.stringContaining('$300k'),
    });
    expect(result.decisions).toContainEqual(
      expect.objectContaining({ type: 'llm', errorCode: 'LLM_BAD_OUTPUT' }),
    );
  });

  it('consults the cost guard before each call: degrade uses the cheaper model, stop uses the rules engine only', async () => {
    let mode: LlmCostMode = 'degrade';
    const checked: string[] = [];
    const costGuard = {
      check: ({ tenantId }: { tenantId: string }) => (checked.push(tenantId), { mode }),
    };
    const llm = new ScriptedLlmClient();
    scriptedTurns(llm, 1);
    const s = createScenario({ tenant: LLM_TENANT, llm, costGuard });
    const degraded = await s.say('I want to buy a house in Cedar Park');
    expect(llm.calls.map((call) => call.model)).toEqual([
      'model-small',
      'model-small',
      'model-small',
    ]);
    expect(degraded.decisions).toContainEqual(
      expect.objectContaining({ type: 'llm', outcome: 'used', mode: 'degrade' }),
    );
    mode = 'stop';
    const stopped = await s.say('around 500k');
    expect(llm.calls).toHaveLength(3);
    expect(checked).toHaveLength(6);
    expect(stopped.reply).toMatchObject({ kind: 'sent', source: 'fallback' });
    expect(stopped.decisions).toContainEqual(
      expect.objectContaining({
        type: 'llm',
        outcome: 'fallback',
        mode: 'stop',
        errorCode: 'LLM_BUDGET_EXHAUSTED',
      }),
    );
  });

  it('gives up on a model call that runs past the turn budget and answers with the rules engine', async () => {
    let llm = new ScriptedLlmClient();
    const s = createScenario({
      tenant: LLM_TENANT,
      llm: (clock) => (llm = new ScriptedLlmClient({ clock })),
      options: { turnTimeoutMs: 3_000 },
    });
    llm
      .respond(modelAnswer)
      .respond(modelAnswer)
      .respond(() => ({
        ...modelAnswer({
          schemaName: 'bot_reply',
          messages: [],
          tenantId: 'demo',
          system: [{ text: '' }, { text: 'DRAFT:\nslow' }],
        }),
        latencyMs: 60_000,
      }));
    const pending = s.say('I want to buy a house in Cedar Park');
    await s.clock.advanceAsync(3_000);
    const result = await pending;
    expect(result.reply).toMatchObject({ kind: 'sent', source: 'fallback' });
    expect(result.decisions).toContainEqual(
      expect.objectContaining({ type: 'llm', outcome: 'fallback', errorCode: 'LLM_TIMEOUT' }),
    );
  });
});
