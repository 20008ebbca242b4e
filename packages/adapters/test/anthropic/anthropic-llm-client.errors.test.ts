import { EnterpriseHubError } from '@enterprisehub/core';
import { ManualClock } from '@enterprisehub/core/testing';
import { HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAnthropicLlmClient } from '../../src/anthropic/index';
import { useFakeMessagesApi } from '../support/anthropic-server';
import { textBlock, wireError, wireMessage, wireStream } from '../support/anthropic-wire';

const api = useFakeMessagesApi();
const API_KEY = 'sk-ant-secret-key-never-logged';
const PROMPT_ECHO = 'prompt quoted back: call me at +1 512 555 0123';
const messages = [{ role: 'user' as const, content: 'Call me at +1 512 555 0123' }];

function client(options: { maxRetries?: number; stream?: boolean; clock?: ManualClock } = {}) {
  return createAnthropicLlmClient({
    apiKey: API_KEY,
    model: 'claude-sonnet-4-6',
    maxRetries: options.maxRetries ?? 0,
    stream: options.stream ?? false,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
}

async function failure(promise: Promise<unknown>): Promise<EnterpriseHubError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!EnterpriseHubError.isInstance(error)) throw new Error(`expected an EnterpriseHubError`);
  return error;
}

const ok = () => HttpResponse.json(wireMessage({ content: [textBlock('ok')] }));

describe('AnthropicLlmClient retries', () => {
  it('retries a 429 after the retry-after-ms it was given, then succeeds', async () => {
    api.script(
      () =>
        wireError({
          status: 429,
          type: 'rate_limit_error',
          message: 'Number of request tokens has exceeded your per-minute rate limit',
          headers: { 'retry-after-ms': '40', 'retry-after': '1' },
        }),
      ok,
    );
    const started = performance.now();
    const response = await client({ maxRetries: 2 }).complete({ tenantId: 't', messages });
    expect(response.text).toBe('ok');
    expect(api.seen).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('retries 529 overloaded and 500 answers, also for streamed calls', async () => {
    api.script(
      () =>
        wireError({
          status: 529,
          type: 'overloaded_error',
          message: 'Overloaded',
          headers: { 'retry-after-ms': '1' },
        }),
      () =>
        wireError({
          status: 500,
          type: 'api_error',
          message: 'Internal',
          headers: { 'retry-after-ms': '1' },
        }),
      () => wireStream({ content: [{ type: 'text', text: 'back' }] }),
    );
    const response = await client({ maxRetries: 2, stream: true }).complete({
      tenantId: 't',
      messages,
    });
    expect(response.text).toBe('back');
    expect(api.seen).toHaveLength(3);
  });

  it('does not retry a 400', async () => {
    api.script(() =>
      wireError({ status: 400, type: 'invalid_request_error', message: PROMPT_ECHO }),
    );
    const error = await failure(client({ maxRetries: 3 }).complete({ tenantId: 't', messages }));
    expect(error.code).toBe('LLM_REQUEST_REJECTED');
    expect(error.retryable).toBe(false);
    expect(api.seen).toHaveLength(1);
  });
});

describe('AnthropicLlmClient error mapping', () => {
  it.each([
    { status: 429, type: 'rate_limit_error', code: 'LLM_RATE_LIMITED', retryable: true },
    { status: 529, type: 'overloaded_error', code: 'LLM_UNAVAILABLE', retryable: true },
    { status: 500, type: 'api_error', code: 'LLM_UNAVAILABLE', retryable: true },
    { status: 504, type: 'timeout_error', code: 'LLM_TIMEOUT', retryable: true },
    { status: 401, type: 'authentication_error', code: 'LLM_REQUEST_REJECTED', retryable: false },
    { status: 403, type: 'permission_error', code: 'LLM_REQUEST_REJECTED', retryable: false },
    { status: 413, type: 'request_too_large', code: 'LLM_REQUEST_REJECTED', retryable: false },
  ])('maps $status $type to $code', async ({ status, type, code, retryable }) => {
    api.script(() => wireError({ status, type, message: PROMPT_ECHO }));
    const error = await failure(client().complete({ tenantId: 't', messages }));
    expect([error.code, error.retryable]).toEqual([code, retryable]);
    expect(error.details).toMatchObject({
      status,
      errorType: type,
      requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy',
    });
    const exposed = JSON.stringify({ message: error.message, details: error.details, json: error });
    expect(exposed).not.toContain('555');
    expect(exposed).not.toContain(API_KEY);
  });

  it('maps an error event in the middle of a stream by its error type', async () => {
    api.script(() =>
      wireStream({
        content: [{ type: 'text', text: 'partial answer' }],
        failWith: { type: 'overloaded_error', message: 'Overloaded' },
      }),
    );
    const error = await failure(client({ stream: true }).complete({ tenantId: 't', messages }));
    expect(error.code).toBe('LLM_UNAVAILABLE');
    expect(error.details).toMatchObject({ errorType: 'overloaded_error' });
  });

  it('maps a refused connection to LLM_UNAVAILABLE', async () => {
    api.script(() => HttpResponse.error());
    const error = await failure(client().complete({ tenantId: 't', messages }));
    expect([error.code, error.retryable]).toEqual(['LLM_UNAVAILABLE', true]);
  });
});

describe('AnthropicLlmClient deadlines and aborts', () => {
  it('throws LLM_TIMEOUT when the call outlives timeoutMs on the injected clock', async () => {
    const clock = new ManualClock();
    let received: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      received = resolve;
    });
    api.script(async () => {
      received();
      await delay('infinite');
      return ok();
    });
    const pending = failure(
      client({ clock, stream: true }).complete({ tenantId: 't', messages, timeoutMs: 5_000 }),
    );
    await arrived;
    clock.advance(4_999);
    clock.advance(1);
    const error = await pending;
    expect([error.code, error.retryable]).toEqual(['LLM_TIMEOUT', true]);
    expect(error.details).toMatchObject({ timeoutMs: 5_000 });
  });

  it('throws ABORTED when the caller aborts, and sends nothing for an already aborted signal', async () => {
    const controller = new AbortController();
    api.script(async () => {
      controller.abort();
      await delay('infinite');
      return ok();
    });
    expect(
      (await failure(client().complete({ tenantId: 't', messages, signal: controller.signal })))
        .code,
    ).toBe('ABORTED');
    const before = api.seen.length;
    expect(
      (await failure(client().complete({ tenantId: 't', messages, signal: AbortSignal.abort() })))
        .code,
    ).toBe('ABORTED');
    expect(api.seen.length).toBe(before);
  });

  it('requires exactly one of apiKey or client', () => {
    expect(() => createAnthropicLlmClient({ model: 'claude-sonnet-4-6' })).toThrow(/exactly one/);
  });
});
