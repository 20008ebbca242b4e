/** One request the fake received, as recorded in `fake.calls` (the Authorization header is removed). */
export interface FakeGhlCall {
  /** HTTP method. */
  method: string;
  /** Request path, e.g. `/contacts/ct001`. */
  path: string;
  /** Matched operation, e.g. `GET /contacts/{contactId}`; `undefined` for unknown routes. */
  operation: string | undefined;
  /** Query parameters (repeated ones as lists). */
  query: Record<string, string | string[]>;
  /** Parsed JSON or form body; `undefined` when none. */
  body: unknown;
  /** Request headers, lower-cased, without `authorization`. */
  headers: Record<string, string>;
  /** Whether an `Authorization: Bearer …` header was sent. */
  authenticated: boolean;
  /** Status the fake answered with (0 for a simulated network error). */
  status: number;
  /** When it arrived, epoch ms on the fake's clock. */
  at: number;
}

/** A request as the fake processes it (from a Fetch `Request` or straight from `fetch(url, init)`). @internal */
export interface FakeIncoming {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  signal: AbortSignal | undefined;
}

/** Reads an incoming request into a {@link FakeGhlCall} (status filled in later). @internal */
export function recordRequest(request: FakeIncoming, operation: string | undefined, at: number): FakeGhlCall {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(request.url.searchParams.keys())) {
    const values = request.url.searchParams.getAll(name);
    query[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== 'authorization') headers[name] = value;
  });
  let body: unknown;
  if (request.body !== '') {
    if ((request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
      body = Object.fromEntries(new URLSearchParams(request.body));
    } else {
      try {
        body = JSON.parse(request.body) as unknown;
      } catch {
        body = request.body;
      }
    }
  }
  const authenticated = /^Bearer\s+\S+/i.test(request.headers.get('authorization') ?? '');
  return { method: request.method, path: request.url.pathname, operation, query, body, headers, authenticated, status: 0, at };
}
