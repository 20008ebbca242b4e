import {
  createEventBus,
  EnterpriseHubError,
  type EventMap,
  type LlmRequest,
} from '@enterprisehub/core';
import { ManualClock, ScriptedLlmClient } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createCostGuard } from '../cost/cost-guard';
import type { LlmTrace } from './llm-trace';
import { createLlmTraceStore } from './llm-trace-store';
import { withLlmTracing } from './with-llm-tracing';

const request: LlmRequest = {
  tenantId: 't1',
  model: 'claude-sonnet-4-5',
  system: 'You are a helpful real-estate assistant.',
  messages: [
    { role: 'user', content: 'Call me at (512) 555-0142 or jo@example.com about 3 bed homes' },
  ],
  metadata: {
    bot: 'buyer',
    contactId: 'c-1',
    conversationId: 'conv-1',
    operation: 'extract_facts',
  },
};

const ids = (): (() => string) => {
  let next = 0;
  return () => `trace-${(next += 1)}`;
};

describe('withLlmTracing', () => {
  it('records one trace per call with metadata, tokens, latency and cost', async () => {
    const clock = new ManualClock();
    const traces: LlmTrace[] = [];
    const llm = new ScriptedLlmClient({ clock }).reply({
      text: 'Sure!',
      model: 'claude-sonnet-4-5-20250929',
      latencyMs: 850,
      usage: {
        inputTokens: 1000,
        outputTokens: 200,
        cacheReadTokens: 4000,
        cacheWrite5mTokens: 0,
        cacheWrite1hTokens: 500,
      },
    });
    const traced = withLlmTracing(llm, {
      clock,
      onTrace: (trace) => traces.push(trace),
      generateId: ids(),
    });
    const pending = traced.complete(request);
    await clock.advanceAsync(850);
    expect((await pending).text).toBe('Sure!');
    // 1000×3 + 200×15 + 4000×0.3 + 500×6 = 3000 + 3000 + 1200 + 3000 µ$ = $0.0102
    expect(traces).toEqual([
      {
        traceId: 'trace-1',
        tenantId: 't1',
        bot: 'buyer',
        contactId: 'c-1',
        conversationId: 'conv-1',
        operation: 'extract_facts',
        provider: 'anthropic',
        requestedModel: 'claude-sonnet-4-5',
        model: 'claude-sonnet-4-5-20250929',
        startedAt: clock.now() - 850,
        latencyMs: 850,
        usage: {
          inputTokens: 1000,
          outputTokens: 200,
          cacheReadTokens: 4000,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 500,
        },
        outcome: 'ok',
        stopReason: 'end_turn',
        costUsd: expect.closeTo(0.0102, 10) as number,
        costKnown: true,
      },
    ]);
  });

  it('reports an unknown model as unknown cost, not $0', async () => {
    const traces: LlmTrace[] = [];
    const llm = new ScriptedLlmClient().reply({ text: 'x', model: 'mystery-model-9' });
    await withLlmTracing(llm, { onTrace: (trace) => traces.push(trace) }).complete({
      ...request,
      model: 'mystery-model-9',
    });
    expect(traces[0]?.costKnown).toBe(false);
    expect(traces[0]).not.toHaveProperty('costUsd');
  });

  it('traces failures with their error code and re-throws the original error', async () => {
    const traces: LlmTrace[] = [];
    const failure = new EnterpriseHubError({
      code: 'LLM_TIMEOUT',
      message: 'Model call timed out.',
      retryable: true,
    });
    const llm = new ScriptedLlmClient().fail(failure);
    const traced = withLlmTracing(llm, { onTrace: (trace) => traces.push(trace) });
    await expect(traced.complete(request)).rejects.toBe(failure);
    expect(traces[0]).toMatchObject({
      outcome: 'error',
      errorCode: 'LLM_TIMEOUT',
      model: 'claude-sonnet-4-5',
      costKnown: true,
      costUsd: 0,
    });
  });

  it('keeps conversation text out of traces unless captureContent is on, and then redacts it', async () => {
    const traces: LlmTrace[] = [];
    const llm = new ScriptedLlmClient().reply('Texting you at 512-555-0142 now').reply('ok');
    await withLlmTracing(llm, { onTrace: (trace) => traces.push(trace) }).complete(request);
    expect(traces[0]).not.toHaveProperty('prompt');
    expect(traces[0]).not.toHaveProperty('response');
    await withLlmTracing(llm, {
      onTrace: (trace) => traces.push(trace),
      captureContent: { maxChars: 60 },
    }).complete(request);
    const captured = traces[1];
    expect(captured?.prompt).toContain('You are a helpful');
    expect(captured?.prompt).not.toContain('555-0142');
    expect(captured?.prompt?.length).toBeLessThanOrEqual(61);
    expect(captured?.response).toBe('ok');
    const serialized = JSON.stringify(traces);
    expect(serialized).not.toContain('jo@example.com');
  });

  it('emits llm.called, feeds the cost guard and the store, and survives a throwing sink', async () => {
    const clock = new ManualClock();
    const events = createEventBus();
    const called: EventMap['llm.called'][] = [];
    events.on('llm.called', (payload) => void called.push(payload));
    const guard = createCostGuard({ clock });
    const store = createLlmTraceStore({ clock });
    const llm = new ScriptedLlmClient().reply({
      text: 'a',
      usage: { inputTokens: 100_000, outputTokens: 100_000 },
    });
    const traced = withLlmTracing(llm, {
      clock,
      events,
      costGuard: guard,
      store,
      onTrace: () => {
        throw new Error('sink down');
      },
    });
    await traced.complete(request);
    expect(called).toEqual([
      expect.objectContaining({
        tenantId: 't1',
        model: 'claude-sonnet-4-5',
        bot: 'buyer',
        costUsd: 1.8,
        outcome: 'ok',
      }),
    ]);
    expect(guard.check({ tenantId: 't1' }).spentUsdLastHour).toBeCloseTo(1.8, 10);
    expect(store.recent()).toHaveLength(1);
  });
});
