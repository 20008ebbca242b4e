import { systemClock, type Clock } from '@enterprisehub/core';
import { OPERATION_VERSIONS } from '../../client/operation-versions';
import { FakeAuth } from './fake-auth';
import { recordRequest, type FakeGhlCall, type FakeIncoming } from './fake-ghl-call';
import { FakeGhlState } from './fake-ghl-state';
import { FakeRateLimit, type FakeGhlLimits } from './fake-rate-limit';
import { fail, type FakeRouteResult } from './fake-route';
import { FakeRouter } from './fake-router';
import { FakeScenarioQueue, type FakeGhlScenarios } from './fake-scenarios';
import { simulateInbound, type SimulatedInbound, type SimulateInboundOptions } from './simulate-inbound';

/** Options of {@link createFakeGhl}. */
export interface CreateFakeGhlOptions {
  /** Rate limits per location. @defaultValue GHL's published ones (100 per 10 s, 200,000 per day) */
  limits?: FakeGhlLimits;
  /** Time source for rate limits, token expiry and slow responses. @defaultValue `systemClock` */
  clock?: Clock;
  /** The location Private Integration tokens (any unknown bearer token) belong to. @defaultValue `'fake-location'` */
  locationId?: string;
  /** Accept any bearer token not issued by the fake's OAuth endpoints. @defaultValue `true` */
  acceptAnyToken?: boolean;
  /** Answer 401 when `Version` is missing or differs from the operation's declared value. @defaultValue `true` */
  strictVersion?: boolean;
}

/** An in-memory GHL: the real wire formats, rate-limit headers and 429s, OAuth, scenario switches and a call record. */
export interface FakeGhl {
  /** The location unknown tokens belong to. */
  readonly locationId: string;
  /** The CRM data (contacts, conversations, messages, opportunities, appointments, …); seed or inspect it. */
  readonly state: FakeGhlState;
  /** Tokens, authorization codes and refresh counters. */
  readonly auth: FakeAuth;
  /** Every request received, oldest first (Authorization removed). */
  readonly calls: FakeGhlCall[];
  /** Scenario switches: 429 storm, 5xx once, slow response, network error, expired token. */
  readonly scenarios: FakeGhlScenarios;
  /** Answers a Fetch `Request` (what the msw handlers call). Rejects with a `TypeError` for a simulated network error. */
  handle(request: Request): Promise<Response>;
  /** A `fetch` served by the fake, to pass as `createGhlClient({ fetch })` without msw. */
  readonly fetch: typeof globalThis.fetch;
  /** Stores an inbound message from a contact and returns it with the `InboundMessage` webhook GHL would send. */
  simulateInboundMessage(options: SimulateInboundOptions): SimulatedInbound;
  /** Number of requests answered 429 because they were over the limit (storms excluded). */
  readonly rateLimitedCount: number;
}

function json(result: FakeRouteResult, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(result.body), { status: result.status, headers: { 'content-type': 'application/json', ...headers } });
}

/**
 * Creates an in-memory fake of GHL API v2 for tests: contacts, conversations and messages, opportunities,
 * calendars and appointments, workflows, users, custom fields and OAuth, with GHL's response shapes,
 * `X-RateLimit-*` headers and 429s at the configured limits.
 *
 * @example
 * ```ts
 * const fake = createFakeGhl({ limits: { burstMax: 20, burstIntervalMs: 2000 } });
 * const client = createGhlClient({ locationId: fake.locationId, accessToken: 'pit', fetch: fake.fetch });
 * fake.scenarios.serverError({ operation: 'GET /contacts/{contactId}' });
 * ```
 */
export function createFakeGhl(options: CreateFakeGhlOptions = {}): FakeGhl {
  const clock = options.clock ?? systemClock;
  const locationId = options.locationId ?? 'fake-location';
  const state = new FakeGhlState();
  state.seedLocation(locationId);
  const auth = new FakeAuth(locationId, options.acceptAnyToken !== false);
  const router = new FakeRouter(auth);
  const limits = new FakeRateLimit(options.limits ?? {});
  const scenarios = new FakeScenarioQueue();
  const calls: FakeGhlCall[] = [];
  let rateLimitedCount = 0;

  async function answer(request: FakeIncoming, call: FakeGhlCall): Promise<Response> {
    const match = router.match(request.method, request.url.pathname);
    if (match === undefined) return json(fail(404, `Cannot ${request.method} ${call.path}`));
    const now = clock.now();
    if (scenarios.take(match.operation, ['networkError']) !== undefined) throw new TypeError('fetch failed (simulated network error)');
    const declared = Object.hasOwn(OPERATION_VERSIONS, match.operation) ? OPERATION_VERSIONS[match.operation as keyof typeof OPERATION_VERSIONS] : null;
    const version = request.headers.get('version');
    if (declared !== null && options.strictVersion !== false) {
      if (version === null) return json(fail(401, 'version header was not found.'));
      if (version !== declared) return json(fail(401, 'version header is invalid'));
    }
    const isTokenEndpoint = match.operation === 'POST /oauth/token';
    const accessToken = /^Bearer\s+(\S+)/i.exec(request.headers.get('authorization') ?? '')?.[1];
    const identity = auth.authenticate(accessToken, now);
    if (!isTokenEndpoint && !identity.ok) return json(fail(401, identity.message));
    const subjectLocation = identity.ok ? (identity.subject.locationId ?? identity.subject.companyId ?? locationId) : locationId;
    const body = typeof call.body === 'object' && call.body !== null ? (call.body as Record<string, unknown>) : {};
    let headers: Record<string, string> = {};
    if (!isTokenEndpoint) {
      const storm = scenarios.take(match.operation, ['rateLimitStorm']);
      const decision = storm === undefined ? limits.check(subjectLocation, now) : undefined;
      headers = decision?.headers ?? limits.exhaustedHeaders();
      if (storm !== undefined || decision?.allowed === false) {
        if (storm === undefined) rateLimitedCount += 1;
        return json(fail(429, 'Too many requests'), headers);
      }
      const requested = match.params['locationId'] ?? request.url.searchParams.get('locationId') ?? request.url.searchParams.get('location_id') ?? body['locationId'];
      const isCompanyCall = match.operation === 'POST /oauth/locationToken';
      if (!isCompanyCall && typeof requested === 'string' && requested !== subjectLocation) {
        return json(fail(403, 'The token does not have access to this location.'), headers);
      }
    }
    const failure = scenarios.take(match.operation, ['serverError']);
    if (failure !== undefined) return json(fail(failure.status, 'Internal server error'), headers);
    const result = match.route({ params: match.params, query: request.url.searchParams, body, locationId: subjectLocation, accessToken, state, now });
    const slow = scenarios.take(match.operation, ['slowResponse']);
    if (slow !== undefined) await clock.sleep(slow.delayMs, request.signal);
    return json(result, headers);
  }

  const process = async (request: FakeIncoming): Promise<Response> => {
    const call = recordRequest(request, router.match(request.method, request.url.pathname)?.operation, clock.now());
    calls.push(call);
    try {
      const response = await answer(request, call);
      call.status = response.status;
      return response;
    } catch (error) {
      call.status = 0;
      throw error;
    }
  };
  const handle = async (request: Request): Promise<Response> =>
    process({ method: request.method, url: new URL(request.url), headers: request.headers, body: await request.text(), signal: request.signal });
  // Fast path for `fetch(url, init)` with a string body (what the client sends): no Request object needed.
  const fetch: typeof globalThis.fetch = (input, init) => {
    if ((typeof input === 'string' || input instanceof URL) && (init?.body === undefined || init.body === null || typeof init.body === 'string')) {
      const headers = new Headers(init?.headers);
      return process({ method: (init?.method ?? 'GET').toUpperCase(), url: new URL(input), headers, body: init?.body ?? '', signal: init?.signal ?? undefined });
    }
    return handle(new Request(input, init));
  };

  return {
    locationId,
    state,
    auth,
    calls,
    scenarios: {
      rateLimitStorm: (count, target = {}) => scenarios.add('rateLimitStorm', { ...target, count }),
      serverError: (target = {}) => scenarios.add('serverError', target),
      slowResponse: (target) => scenarios.add('slowResponse', target),
      networkError: (target = {}) => scenarios.add('networkError', target),
      expireToken: (accessToken) => auth.expire(accessToken),
      clear: () => scenarios.clear(),
    },
    handle,
    fetch,
    simulateInboundMessage: (inbound) => simulateInbound({ state, locationId, now: clock.now() }, inbound),
    get rateLimitedCount() {
      return rateLimitedCount;
    },
  };
}
