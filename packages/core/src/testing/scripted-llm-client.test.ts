import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { ManualClock } from './manual-clock';
import { ScriptedLlmClient } from './scripted-llm-client';

const request = {
  tenantId: 't1',
  messages: [{ role: 'user' as const, content: 'I want to buy in Cedar Park' }],
};

describe('ScriptedLlmClient', () => {
  it('answers from its script in order and records every request', async () => {
    const llm = new ScriptedLlmClient()
      .reply('first')
      .reply({ text: 'second', model: 'claude-x', usage: { inputTokens: 7 } });
    const one = await llm.complete(request);
    const two = await llm.complete({ ...request, metadata: { bot: 'lead' } });
    expect([one.text, two.text, two.model, two.usage.inputTokens]).toEqual([
      'first',
      'second',
      'claude-x',
      7,
    ]);
    expect(one.usage.outputTokens).toBe(2);
    expect(llm.calls.map((call) => call.metadata?.bot)).toEqual([undefined, 'lead']);
    expect(llm.remaining).toBe(0);
    expect(() => llm.assertDone()).not.toThrow();
  });

  it('throws LLM_UNEXPECTED_CALL when called with no step left', async () => {
    const llm = new ScriptedLlmClient();
    await expect(llm.complete(request)).rejects.toMatchObject({ code: 'LLM_UNEXPECTED_CALL' });
    expect(llm.calls).toHaveLength(1);
  });

  it('assertDone fails when scripted steps were never used', () => {
    const llm = new ScriptedLlmClient([{ kind: 'reply', reply: { text: 'unused' } }]);
    expect(() => llm.assertDone()).toThrow(/1 scripted step/);
  });

  it('throws scripted errors', async () => {
    const timeout = new EnterpriseHubError({ code: 'LLM_TIMEOUT', message: 'slow' });
    const llm = new ScriptedLlmClient().fail(timeout);
    await expect(llm.complete(request)).rejects.toBe(timeout);
  });

  it('validates structured replies against the request schema', async () => {
    const schema = z.object({ intent: z.enum(['buyer', 'seller']), confidence: z.number() });
    const llm = new ScriptedLlmClient()
      .replyJson({ intent: 'buyer', confidence: 0.9 })
      .replyJson({ intent: 'alien' });
    const good = await llm.complete({ ...request, schema, schemaName: 'intent' });
    expect(good.parsed).toEqual({ intent: 'buyer', confidence: 0.9 });
    expect(JSON.parse(good.text)).toEqual({ intent: 'buyer', confidence: 0.9 });
    await expect(llm.complete({ ...request, schema })).rejects.toMatchObject({
      code: 'LLM_BAD_OUTPUT',
    });
  });

  it('computes replies with responder functions', async () => {
    const llm = new ScriptedLlmClient().respond((incoming) => ({
      text: `echo:${incoming.messages.length}`,
    }));
    expect((await llm.complete(request)).text).toBe('echo:1');
  });

  it('with a clock, waits the scripted latency so callers can time out', async () => {
    const clock = new ManualClock();
    const llm = new ScriptedLlmClient({ clock }).reply({ text: 'slow', latencyMs: 5000 });
    const controller = new AbortController();
    const pending = llm.complete({ ...request, signal: controller.signal });
    await clock.advanceAsync(1000);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
