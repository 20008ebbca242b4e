import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { MESSAGES_URL } from './anthropic-wire';

/** One request the fake Messages API received. */
export interface SeenRequest {
  body: Record<string, unknown>;
  headers: Headers;
}

/**
 * An msw server for the Messages API: answer each request with the next scripted resolver and
 * record what was sent. Unscripted requests fail the test (the network is never reached).
 */
export function useFakeMessagesApi(): {
  script(...answers: HttpResponseResolver[]): void;
  seen: SeenRequest[];
} {
  const seen: SeenRequest[] = [];
  let answers: HttpResponseResolver[] = [];
  const server = setupServer(
    http.post(MESSAGES_URL, async (info) => {
      seen.push({
        body: (await info.request.clone().json()) as Record<string, unknown>,
        headers: info.request.headers,
      });
      const next = answers.shift();
      if (!next) return HttpResponse.json({ unexpected: true }, { status: 599 });
      return next(info);
    }),
  );
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    seen.length = 0;
    answers = [];
  });
  afterAll(() => server.close());
  return {
    seen,
    script: (...next) => {
      answers.push(...next);
    },
  };
}
