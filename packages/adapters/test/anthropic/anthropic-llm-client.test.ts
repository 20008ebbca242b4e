import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAnthropicLlmClient } from '../../src/anthropic/index';
import { useFakeMessagesApi } from '../support/anthropic-server';
import {
  textBlock,
  toolUseBlock,
  wireMessage,
  wireStream,
  wireUsage,
} from '../support/anthropic-wire';

const api = useFakeMessagesApi();
const API_KEY = 'sk-ant-test-key-0123456789';

const leadFactsSchema = z.object({
  budgetMax: z.number().int().positive(),
  areas: z.array(z.string()),
  preApproved: z.boolean(),
});

function client(options: { stream?: boolean } = {}) {
  return createAnthropicLlmClient({
    apiKey: API_KEY,
    model: 'claude-sonnet-4-6',
    maxRetries: 0,
    stream: options.stream ?? false,
    models: {
      bots: { lead: 'claude-haiku-4-5' },
      tenants: { 'agency-b': { model: 'claude-opus-4-7', bots: { seller: 'claude-sonnet-4' } } },
    },
  });
}

describe('AnthropicLlmClient text calls', () => {
  it('sends system blocks with cache breakpoints and maps the JSON response and its usage', async () => {
    api.script(() =>
      HttpResponse.json(
        wireMessage({
          content: [textBlock('Happy to help! What is your budget?')],
          usage: wireUsage({
            input_tokens: 21,
            output_tokens: 11,
            cache_read_input_tokens: 1800,
            cache_creation_input_tokens: 700,
            cache_creation: { ephemeral_5m_input_tokens: 200, ephemeral_1h_input_tokens: 500 },
          }),
        }),
      ),
    );
    const response = await client().complete({
      tenantId: 'agency-a',
      system: [
        { text: 'You are the Austin lead bot. Tenant voice: warm.', cache: '1h' },
        { text: 'Market facts: entry $300–500k.', cache: '5m' },
        { text: 'Today is Monday.' },
      ],
      messages: [{ role: 'user', content: 'Hi, looking for a 3 bed in Round Rock' }],
      maxTokens: 300,
      temperature: 0.2,
    });
    expect(response).toMatchObject({
      text: 'Happy to help! What is your budget?',
      model: 'claude-sonnet-4-6',
      stopReason: 'end_turn',
      usage: {
        inputTokens: 21,
        outputTokens: 11,
        cacheReadTokens: 1800,
        cacheWrite5mTokens: 200,
        cacheWrite1hTokens: 500,
      },
    });
    expect(response.timeToFirstTokenMs).toBeUndefined();
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
    const [request] = api.seen;
    // the SDK sends the key as `x-api-key` or (1.x) `authorization: Bearer`
    const credential = request?.headers.get('x-api-key') ?? request?.headers.get('authorization');
    expect(credential).toContain(API_KEY);
    expect(request?.headers.get('anthropic-version')).toBeTruthy();
    expect(request?.body).toMatchObject({
      model: 'claude-sonnet-4-6',
      max_tokens: 300,
      temperature: 0.2,
      system: [
        {
          type: 'text',
          text: 'You are the Austin lead bot. Tenant voice: warm.',
          cache_control: { type: 'ephemeral', ttl: '1h' },
        },
        { type: 'text', cache_control: { type: 'ephemeral', ttl: '5m' } },
        { type: 'text', text: 'Today is Monday.' },
      ],
      messages: [{ role: 'user', content: 'Hi, looking for a 3 bed in Round Rock' }],
    });
    expect((request?.body['system'] as Record<string, unknown>[])[2]).not.toHaveProperty(
      'cache_control',
    );
  });

  it('counts legacy cache writes without a TTL split as 5-minute writes', async () => {
    api.script(() =>
      HttpResponse.json(
        wireMessage({
          content: [textBlock('ok')],
          usage: { input_tokens: 5, output_tokens: 1, cache_creation_input_tokens: 90 },
        }),
      ),
    );
    const { usage } = await client().complete({
      tenantId: 't',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(usage).toEqual({
      inputTokens: 5,
      outputTokens: 1,
      cacheReadTokens: 0,
      cacheWrite5mTokens: 90,
      cacheWrite1hTokens: 0,
    });
  });

  it('streams a response: text is assembled from the SSE deltas, with time to first token', async () => {
    api.script(() =>
      wireStream({
        content: [{ type: 'text', text: 'Great, Round Rock has lovely 3-bed homes.' }],
        usage: wireUsage({ input_tokens: 30, output_tokens: 14 }),
      }),
    );
    const response = await client({ stream: true }).complete({
      tenantId: 't',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(response.text).toBe('Great, Round Rock has lovely 3-bed homes.');
    expect(response.usage).toMatchObject({ inputTokens: 30, outputTokens: 14 });
    expect(response.stopReason).toBe('end_turn');
    expect(response.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(response.timeToFirstTokenMs).toBeLessThanOrEqual(response.latencyMs);
    expect(api.seen[0]?.body['stream']).toBe(true);
  });

  it('picks the model: request, then tenant bot, tenant, bot, client default', async () => {
    for (let index = 0; index < 5; index++)
      api.script(() => HttpResponse.json(wireMessage({ content: [textBlock('ok')] })));
    const llm = client();
    const messages = [{ role: 'user' as const, content: 'x' }];
    await llm.complete({
      tenantId: 'agency-b',
      messages,
      model: 'claude-x',
      metadata: { bot: 'seller' },
    });
    await llm.complete({ tenantId: 'agency-b', messages, metadata: { bot: 'seller' } });
    await llm.complete({ tenantId: 'agency-b', messages, metadata: { bot: 'lead' } });
    await llm.complete({ tenantId: 'agency-a', messages, metadata: { bot: 'lead' } });
    await llm.complete({ tenantId: 'agency-a', messages, metadata: { bot: 'buyer' } });
    expect(api.seen.map((request) => request.body['model'])).toEqual([
      'claude-x',
      'claude-sonnet-4',
      'claude-opus-4-7',
      'claude-haiku-4-5',
      'claude-sonnet-4-6',
    ]);
  });
});

describe('AnthropicLlmClient structured output', () => {
  it('forces a tool built from the zod schema and returns the validated, streamed input', async () => {
    const facts = { budgetMax: 450_000, areas: ['Round Rock', 'Cedar Park'], preApproved: true };
    api.script(() =>
      wireStream({ content: [{ type: 'tool_use', name: 'lead_facts', input: facts }] }),
    );
    const response = await client({ stream: true }).complete({
      tenantId: 't',
      messages: [{ role: 'user', content: 'Budget 450k, pre-approved, Round Rock or Cedar Park' }],
      schema: leadFactsSchema,
      schemaName: 'lead_facts',
    });
    expect(response.parsed).toEqual(facts);
    expect(JSON.parse(response.text)).toEqual(facts);
    expect(response.stopReason).toBe('tool_use');
    const body = api.seen[0]?.body ?? {};
    expect(body['tool_choice']).toEqual({ type: 'tool', name: 'lead_facts' });
    const [tool] = body['tools'] as { name: string; input_schema: Record<string, unknown> }[];
    expect(tool?.name).toBe('lead_facts');
    expect(tool?.input_schema).toMatchObject({
      type: 'object',
      required: ['budgetMax', 'areas', 'preApproved'],
      properties: { budgetMax: { type: 'integer' }, areas: { type: 'array' } },
    });
    expect(tool?.input_schema).not.toHaveProperty('$schema');
  });

  it('repairs once: an invalid answer gets an error tool_result and the corrected answer is used', async () => {
    api.script(
      () =>
        HttpResponse.json(
          wireMessage({
            content: [
              toolUseBlock('lead_facts', { budgetMax: '450k', areas: [], preApproved: true }),
            ],
            stopReason: 'tool_use',
            usage: wireUsage({ input_tokens: 100, output_tokens: 20 }),
          }),
        ),
      () =>
        HttpResponse.json(
          wireMessage({
            content: [
              toolUseBlock('lead_facts', { budgetMax: 450000, areas: [], preApproved: true }),
            ],
            stopReason: 'tool_use',
            usage: wireUsage({ input_tokens: 160, output_tokens: 22 }),
          }),
        ),
    );
    const response = await client().complete({
      tenantId: 't',
      messages: [{ role: 'user', content: 'budget 450k' }],
      schema: leadFactsSchema,
      schemaName: 'lead_facts',
    });
    expect(response.parsed).toEqual({ budgetMax: 450_000, areas: [], preApproved: true });
    expect(response.usage).toMatchObject({ inputTokens: 260, outputTokens: 42 });
    expect(api.seen).toHaveLength(2);
    const repair = api.seen[1]?.body['messages'] as { role: string; content: unknown }[];
    expect(repair).toHaveLength(3);
    expect(repair[1]).toMatchObject({ role: 'assistant', content: [{ type: 'tool_use' }] });
    expect(repair[2]).toMatchObject({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_01A09q90qw90lq917835lq9', is_error: true },
      ],
    });
    expect(JSON.stringify(repair[2])).toContain('budgetMax');
  });

  it('throws LLM_BAD_OUTPUT when the repaired answer is still invalid', async () => {
    const bad = () =>
      HttpResponse.json(wireMessage({ content: [textBlock('I think around 450k?')] }));
    api.script(bad, bad);
    await expect(
      client().complete({
        tenantId: 't',
        messages: [{ role: 'user', content: 'budget 450k' }],
        schema: leadFactsSchema,
        schemaName: 'lead_facts',
      }),
    ).rejects.toMatchObject({ code: 'LLM_BAD_OUTPUT', retryable: false });
    expect(api.seen).toHaveLength(2);
    const last = api.seen[1]?.body['messages'] as { role: string; content: unknown }[];
    expect(last.at(-1)).toMatchObject({ role: 'user' });
    expect(String(last.at(-1)?.content)).toContain('lead_facts');
  });

  it('wraps a non-object schema as { value } and unwraps the answer', async () => {
    api.script(() =>
      HttpResponse.json(
        wireMessage({
          content: [toolUseBlock('areas', { value: ['Mueller', 'Leander'] })],
          stopReason: 'tool_use',
        }),
      ),
    );
    const response = await client().complete({
      tenantId: 't',
      messages: [{ role: 'user', content: 'areas?' }],
      schema: z.array(z.string()),
      schemaName: 'areas',
    });
    expect(response.parsed).toEqual(['Mueller', 'Leander']);
    const [tool] = api.seen[0]?.body['tools'] as { input_schema: Record<string, unknown> }[];
    expect(tool?.input_schema).toMatchObject({
      type: 'object',
      properties: { value: { type: 'array' } },
      required: ['value'],
    });
  });
});
