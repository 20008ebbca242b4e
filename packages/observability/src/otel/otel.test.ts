import { createEventBus, EnterpriseHubError, type LlmRequest } from '@enterprisehub/core';
import { ManualClock, ScriptedLlmClient } from '@enterprisehub/core/testing';
import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { Histogram } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEN_AI_DURATION_BUCKETS, GEN_AI_TOKEN_USAGE_BUCKETS } from './gen-ai-conventions';
import { createOtelEventBridge } from './otel-event-bridge';
import { createOtelHarness } from '../../test/support/otel-harness';
import { traceBotTurn } from './trace-bot-turn';
import { withOtelTracing } from './with-otel-tracing';

const request: LlmRequest = {
  tenantId: 't1',
  model: 'claude-sonnet-4-5',
  maxTokens: 512,
  temperature: 0.2,
  messages: [{ role: 'user', content: 'hi' }],
  metadata: {
    bot: 'buyer',
    contactId: 'contact-secret-1',
    conversationId: 'conv-9',
    operation: 'reply',
  },
};
const usage = {
  inputTokens: 300,
  outputTokens: 120,
  cacheReadTokens: 2000,
  cacheWrite5mTokens: 500,
  cacheWrite1hTokens: 100,
};

const contextManager = new AsyncLocalStorageContextManager();
beforeAll(() => void context.setGlobalContextManager(contextManager.enable()));
afterAll(() => {
  contextManager.disable();
  context.disable();
});

describe('withOtelTracing', () => {
  it('emits a chat client span with GenAI semantic-convention attributes', async () => {
    const otel = createOtelHarness();
    const llm = new ScriptedLlmClient().reply({
      text: 'ok',
      model: 'claude-sonnet-4-5-20250929',
      usage,
      stopReason: 'end_turn',
    });
    await withOtelTracing(llm, otel).complete(request);
    const [span] = otel.spans();
    expect(span?.name).toBe('chat claude-sonnet-4-5');
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.request.max_tokens': 512,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.conversation.id': 'conv-9',
      'gen_ai.response.model': 'claude-sonnet-4-5-20250929',
      'gen_ai.response.finish_reasons': ['end_turn'],
      'gen_ai.usage.input_tokens': 2900,
      'gen_ai.usage.output_tokens': 120,
      'gen_ai.usage.cache_read.input_tokens': 2000,
      'gen_ai.usage.cache_creation.input_tokens': 600,
      'enterprisehub.tenant.id': 't1',
      'enterprisehub.bot': 'buyer',
      'enterprisehub.operation': 'reply',
    });
    expect(JSON.stringify(span?.attributes)).not.toContain('contact-secret-1');
  });

  it('records token usage and duration histograms with the convention bucket boundaries', async () => {
    const otel = createOtelHarness();
    const clock = new ManualClock();
    const llm = new ScriptedLlmClient({ clock }).reply({ text: 'ok', usage, latencyMs: 1500 });
    const pending = withOtelTracing(llm, { ...otel, clock }).complete(request);
    await clock.advanceAsync(1500);
    await pending;
    const tokens = await otel.points('gen_ai.client.token.usage');
    expect(tokens.boundaries).toEqual([...GEN_AI_TOKEN_USAGE_BUCKETS]);
    const byType = Object.fromEntries(
      tokens.points.map((point) => [
        String(point.attributes['gen_ai.token.type']),
        (point.value as Histogram).sum,
      ]),
    );
    expect(byType).toEqual({ input: 2900, output: 120 });
    expect(tokens.points[0]?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-5',
    });
    const duration = await otel.points('gen_ai.client.operation.duration');
    expect(duration.boundaries).toEqual([...GEN_AI_DURATION_BUCKETS]);
    expect((duration.points[0]?.value as Histogram).sum).toBe(1.5);
  });

  it('marks failures with error.type and an error status, and re-throws', async () => {
    const otel = createOtelHarness();
    const failure = new EnterpriseHubError({
      code: 'LLM_RATE_LIMITED',
      message: 'Rate limited.',
      retryable: true,
    });
    const llm = new ScriptedLlmClient().fail(failure);
    await expect(withOtelTracing(llm, otel).complete(request)).rejects.toBe(failure);
    const [span] = otel.spans();
    expect(span?.attributes['error.type']).toBe('LLM_RATE_LIMITED');
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'LLM_RATE_LIMITED' });
    const duration = await otel.points('gen_ai.client.operation.duration');
    expect(duration.points[0]?.attributes['error.type']).toBe('LLM_RATE_LIMITED');
    expect((await otel.points('gen_ai.client.token.usage')).points).toHaveLength(0);
  });

  it('is a silent no-op with the global API and no registered provider', async () => {
    const llm = new ScriptedLlmClient().reply('ok');
    await expect(withOtelTracing(llm).complete(request)).resolves.toMatchObject({ text: 'ok' });
  });
});

describe('invoke_agent spans', () => {
  it('parents the model call spans under the bot turn span', async () => {
    const otel = createOtelHarness();
    const llm = withOtelTracing(new ScriptedLlmClient().reply('ok'), otel);
    await traceBotTurn(
      {
        bot: 'lead',
        tenantId: 't1',
        operation: 'process',
        conversationId: 'conv-1',
        tracer: otel.tracer,
      },
      () => llm.complete(request),
    );
    const spans = otel.spans();
    const agent = spans.find((span) => span.name === 'invoke_agent lead');
    const chat = spans.find((span) => span.name.startsWith('chat'));
    expect(agent?.attributes).toMatchObject({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'lead',
      'gen_ai.conversation.id': 'conv-1',
    });
    expect(chat?.parentSpanContext?.spanId).toBe(agent?.spanContext().spanId);
  });

  it('back-dates invoke_agent spans from bot.turn.completed events and counts turns and handoffs', async () => {
    const otel = createOtelHarness();
    const events = createEventBus();
    const bridge = createOtelEventBridge({ events, ...otel });
    const at = Date.UTC(2026, 0, 1, 12);
    events.emit('bot.turn.completed', {
      tenantId: 't1',
      at,
      contactId: 'c1',
      bot: 'seller',
      operation: 'full_qualification',
      durationMs: 800,
      success: false,
      errorCode: 'LLM_TIMEOUT',
    });
    events.emit('handoff.blocked', {
      tenantId: 't1',
      at,
      contactId: 'c1',
      from: 'lead',
      to: 'buyer',
      reason: 'circular',
    });
    const [span] = otel.spans();
    expect(span?.name).toBe('invoke_agent seller');
    expect(span?.startTime).toEqual([Math.floor((at - 800) / 1000), ((at - 800) % 1000) * 1e6]);
    expect(span?.attributes).toMatchObject({
      'gen_ai.agent.name': 'seller',
      'enterprisehub.operation': 'full_qualification',
      'error.type': 'LLM_TIMEOUT',
    });
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    const turns = await otel.points('enterprisehub.bot.turns');
    expect(turns.points[0]).toMatchObject({ value: 1, attributes: { outcome: 'error' } });
    const handoffs = await otel.points('enterprisehub.handoffs');
    expect(handoffs.points[0]?.attributes).toEqual({
      from: 'lead',
      to: 'buyer',
      outcome: 'blocked',
      reason: 'circular',
    });
    bridge.close();
    events.emit('bot.turn.completed', {
      tenantId: 't1',
      at,
      contactId: 'c1',
      bot: 'lead',
      operation: 'process',
      durationMs: 1,
      success: true,
    });
    expect(otel.spans()).toHaveLength(1);
  });
});
