import PQueue from 'p-queue';
import { EnterpriseHubError, systemClock, type Clock, type EventBus, type RateLimiter } from '@enterprisehub/core';
import { staticTokenProvider, type GhlTokenProvider } from '../auth/ghl-token-provider';
import type { GhlRateLimitOptions, GhlRateLimitSnapshot } from '../rate-limit/ghl-rate-limit-options';
import { LocationRateLimiter } from '../rate-limit/location-rate-limiter';
import { createCalendarsResource, type CalendarsResource } from '../resources/calendars-resource';
import { createContactsResource, type ContactsResource } from '../resources/contacts-resource';
import { createConversationsResource, type ConversationsResource } from '../resources/conversations-resource';
import { createLocationsResource, type LocationsResource } from '../resources/locations-resource';
import { createOpportunitiesResource, type OpportunitiesResource } from '../resources/opportunities-resource';
import { createUsersResource, type UsersResource } from '../resources/users-resource';
import { createWorkflowsResource, type WorkflowsResource } from '../resources/workflows-resource';
import type { GhlRequest } from './ghl-request';
import type { GhlRetryOptions } from './ghl-retry-options';
import { RequestExecutor } from './request-executor';

/** GHL's API host. */
export const GHL_API_BASE_URL = 'https://services.leadconnectorhq.com';

/** Options of {@link createGhlClient}. */
export interface GhlClientOptions {
  /** The location (sub-account) every call is scoped to. */
  locationId: string;
  /** A static token: a Private Integration token or an OAuth access token you refresh yourself. */
  accessToken?: string;
  /** Supplies (and refreshes) tokens, e.g. `createGhlOAuth(...)`; on a 401 it is asked once for a fresh token. */
  tokenProvider?: GhlTokenProvider;
  /** API host. @defaultValue {@link GHL_API_BASE_URL} */
  baseUrl?: string;
  /** `fetch` implementation (tests, proxies). @defaultValue `globalThis.fetch` */
  fetch?: typeof globalThis.fetch;
  /** Rate-limit settings; defaults follow GHL's published limits (100 per 10 s, 200,000 per day). */
  rateLimit?: GhlRateLimitOptions;
  /** Retry settings; `false` disables retries (429s included). */
  retry?: GhlRetryOptions | false;
  /** Shared budget (core RateLimiter port, Redis in production) so several instances stay within one location's budget. */
  limiter?: RateLimiter;
  /** Time source and timers. @defaultValue `systemClock` */
  clock?: Clock;
  /** Event bus for `rate_limit.hit` events. */
  events?: Pick<EventBus, 'emit'>;
  /** Tenant id used for events and the shared limiter. @defaultValue `locationId` */
  tenantId?: string;
  /** Per-attempt timeout, ms. @defaultValue `30000` */
  timeoutMs?: number;
  /** Send this `Version` on every call instead of the value each operation declares (e.g. to try `v3`). */
  apiVersion?: string;
}

/** A GoHighLevel API v2 client scoped to one location: typed resources over a paced, retried pipeline. */
export interface GhlClient {
  /** The location every call is scoped to. */
  readonly locationId: string;
  /** Contacts, tags, notes, tasks, workflow enrolment. */
  readonly contacts: ContactsResource;
  /** Conversations and messages on every channel. */
  readonly conversations: ConversationsResource;
  /** Pipelines and opportunities. */
  readonly opportunities: OpportunitiesResource;
  /** Calendars, free slots, appointments. */
  readonly calendars: CalendarsResource;
  /** Location details, custom fields and values. */
  readonly locations: LocationsResource;
  /** Users (agents) for assignment. */
  readonly users: UsersResource;
  /** Workflows. */
  readonly workflows: WorkflowsResource;
  /** Sends any spec operation through the same pipeline (rate limit, auth, Version, retries, zod). */
  request<T>(request: GhlRequest<T>): Promise<T>;
  /** The location's rate-limit state. */
  rateLimitState(): GhlRateLimitSnapshot;
  /** Resolves when no request is queued or in flight. */
  idle(): Promise<void>;
}

/**
 * Creates a GHL API v2 client for one location. Every call sends `Authorization: Bearer` and the
 * `Version` its operation declares in GHL's spec, waits for rate-limit budget (burst, daily, GHL's
 * `X-RateLimit-*` headers, the shared `limiter`), retries 429s after the advertised interval and
 * 5xx/network errors of idempotent calls with jittered backoff, refreshes the token once on a 401, and
 * validates the answer with zod.
 *
 * @throws `EnterpriseHubError` with code `CONFIG_INVALID` when neither `accessToken` nor `tokenProvider` is given.
 * @example
 * ```ts
 * const client = createGhlClient({ locationId: 'loc_123', accessToken: process.env.GHL_PIT });
 * const contact = await client.contacts.get('contact_1');
 * await client.conversations.sendMessage({ type: 'SMS', contactId: contact.id, message: 'Hi!' });
 * ```
 */
export function createGhlClient(options: GhlClientOptions): GhlClient {
  const provider = options.tokenProvider ?? (options.accessToken === undefined ? undefined : staticTokenProvider(options.accessToken));
  if (provider === undefined || options.locationId === '') {
    throw new EnterpriseHubError({ code: 'CONFIG_INVALID', message: 'createGhlClient needs a locationId and an accessToken or tokenProvider.' });
  }
  const clock = options.clock ?? systemClock;
  const tenantId = options.tenantId ?? options.locationId;
  const rateLimit = options.rateLimit ?? {};
  const rateLimiter = new LocationRateLimiter({
    config: rateLimit,
    clock,
    tenantId,
    locationId: options.locationId,
    limiter: options.limiter,
    onWait: (waitMs) => options.events?.emit('rate_limit.hit', { tenantId, at: clock.now(), source: 'ghl', waitMs }),
  });
  const queue = new PQueue({ concurrency: Math.max(1, rateLimit.concurrency ?? 10) });
  const executor = new RequestExecutor({
    locationId: options.locationId,
    tenantId,
    baseUrl: options.baseUrl ?? GHL_API_BASE_URL,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    clock,
    tokenProvider: provider,
    canRefresh: options.tokenProvider !== undefined,
    rateLimiter,
    queue,
    retry: options.retry === false ? { maxAttempts: 1, maxRateLimitRetries: 0 } : (options.retry ?? {}),
    timeoutMs: options.timeoutMs ?? 30_000,
    apiVersion: options.apiVersion,
    events: options.events,
  });
  const request = <T>(ghlRequest: GhlRequest<T>): Promise<T> => executor.execute(ghlRequest);
  const { locationId } = options;
  return {
    locationId,
    contacts: createContactsResource(request, locationId),
    conversations: createConversationsResource(request, locationId),
    opportunities: createOpportunitiesResource(request, locationId),
    calendars: createCalendarsResource(request, locationId),
    locations: createLocationsResource(request, locationId),
    users: createUsersResource(request, locationId),
    workflows: createWorkflowsResource(request, locationId),
    request,
    rateLimitState: () => rateLimiter.snapshot(),
    idle: () => queue.onIdle(),
  };
}
