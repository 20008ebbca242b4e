import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EnterpriseHubError } from '@enterprisehub/core';
import { createIntentDecoder } from '@enterprisehub/bots';
import { createOpenAiCompatibleLlmClient } from '../src/openai-compatible-llm-client.js';

const BASE = 'https://llm.example.test/v1';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A chat completion answer in the provider's wire format. */
const completion = (content: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'small-model-2025',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: {
    prompt_tokens: 120,
    completion_tokens: 14,
    prompt_tokens_details: { cached_tokens: 100 },
  },
});

const client = (timeoutMs = 5_000) =>
  createOpenAiCompatibleLlmClient({
    baseUrl: BASE,
    apiKey: 'sk-secret-key',
    model: 'small-model',
    timeoutMs,
  });

const expectCode = async (promise: Promise<unknown>, code: string, retryable: boolean) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(EnterpriseHubError.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ code, retryable });
  expect(String((error as Error).message)).not.toContain('sk-secret-key');
};

describe('OpenAI-compatible LlmClient', () => {
  it('sends a structured-output request and returns the parsed, schema-checked answer with usage', async () => {
    let sent: { headers: Headers; body: Record<string, unknown> } | undefined;
    server.use(
      http.post(`${BASE}/chat/completions`, async ({ request }) => {
        sent = {
          headers: request.headers,
          body: (await request.json()) as Record<string, unknown>,
        };
        return HttpResponse.json(completion('{"city":"Austin","bedrooms":3}'));
      }),
    );
    const schema = z.object({ city: z.string(), bedrooms: z.number() });

    const response = await client().complete({
      tenantId: 't1',
      system: [{ text: 'Extract the facts.', cache: '5m' }],
      messages: [{ role: 'user', content: '3 bed in Austin please' }],
      schema,
      schemaName: 'lead_facts',
    });

    expect(response.parsed).toEqual({ city: 'Austin', bedrooms: 3 });
    expect(response.usage).toMatchObject({
      inputTokens: 20,
      cacheReadTokens: 100,
      outputTokens: 14,
    });
    expect(response.model).toBe('small-model-2025');
    expect(sent?.headers.get('authorization')).toBe('Bearer sk-secret-key');
    expect(sent?.body).toMatchObject({
      model: 'small-model',
      messages: [
        { role: 'system', content: 'Extract the facts.' },
        { role: 'user', content: '3 bed in Austin please' },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'lead_facts', strict: true } },
    });
  });

  it('maps provider failures to the port error codes (retryable where a retry can help)', async () => {
    const request = { tenantId: 't1', messages: [{ role: 'user' as const, content: 'hi' }] };
    server.use(
      http.post(
        `${BASE}/chat/completions`,
        () => HttpResponse.json({ error: 'slow down' }, { status: 429 }),
        { once: true },
      ),
    );
    await expectCode(client().complete(request), 'LLM_RATE_LIMITED', true);
    server.use(
      http.post(`${BASE}/chat/completions`, () => new HttpResponse(null, { status: 503 }), {
        once: true,
      }),
    );
    await expectCode(client().complete(request), 'LLM_UNAVAILABLE', true);
    server.use(
      http.post(
        `${BASE}/chat/completions`,
        () => HttpResponse.json({ error: 'bad key sk-secret-key' }, { status: 401 }),
        { once: true },
      ),
    );
    await expectCode(client().complete(request), 'LLM_REQUEST_REJECTED', false);
    server.use(http.post(`${BASE}/chat/completions`, () => HttpResponse.error(), { once: true }));
    await expectCode(client().complete(request), 'LLM_UNAVAILABLE', true);
  });

  it('throws LLM_BAD_OUTPUT when the output does not match the schema', async () => {
    server.use(
      http.post(`${BASE}/chat/completions`, () => HttpResponse.json(completion('{"city":42}'))),
    );
    await expectCode(
      client().complete({
        tenantId: 't1',
        messages: [{ role: 'user', content: 'x' }],
        schema: z.object({ city: z.string() }),
      }),
      'LLM_BAD_OUTPUT',
      false,
    );
  });

  it('throws LLM_TIMEOUT after the deadline', async () => {
    server.use(
      http.post(`${BASE}/chat/completions`, async () => {
        await delay(2_000);
        return HttpResponse.json(completion('late'));
      }),
    );
    await expectCode(
      client(50).complete({ tenantId: 't1', messages: [{ role: 'user', content: 'x' }] }),
      'LLM_TIMEOUT',
      true,
    );
  });

  it('plugs into the bots: the intent decoder uses the model through the port', async () => {
    server.use(
      http.post(`${BASE}/chat/completions`, () =>
        HttpResponse.json(
          completion('{"intent":"seller","confidence":0.85,"signals":["asks value"]}'),
        ),
      ),
    );
    const decoder = createIntentDecoder({ llm: client(), tenantId: 't1' });

    const result = await decoder.decode("what's my house worth?");

    expect(result.intent).toBe('seller');
    expect(result.signals).toContain('llm');
  });

  it('falls back to the rules engine when the provider is down', async () => {
    server.use(
      http.post(`${BASE}/chat/completions`, () => new HttpResponse(null, { status: 500 })),
    );
    const decoder = createIntentDecoder({ llm: client(), tenantId: 't1' });

    const result = await decoder.decode('I want to sell my house this spring');

    expect(result.intent).toBe('seller');
    expect(result.signals).not.toContain('llm');
  });
});
