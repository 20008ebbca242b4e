import type PQueue from 'p-queue';
import type { Clock, EventBus } from '@enterprisehub/core';
import type { GhlTokenProvider } from '../auth/ghl-token-provider';
import { parseRateLimitHeaders } from '../rate-limit/rate-limit-headers';
import type { LocationRateLimiter } from '../rate-limit/location-rate-limiter';
import { GhlApiError } from './ghl-api-error';
import type { GhlRequest } from './ghl-request';
import { backoffDelay, type GhlRetryOptions } from './ghl-retry-options';
import { OPERATION_VERSIONS } from './operation-versions';
import { parseGhlResponse, readRequestId } from './parse-ghl-response';
import { sendGhlRequest, type GhlRawResponse } from './send-ghl-request';

/** Everything the executor needs, wired by `createGhlClient`. @internal */
export interface RequestExecutorOptions {
  locationId: string;
  tenantId: string;
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  clock: Clock;
  tokenProvider: GhlTokenProvider;
  /** Whether asking the provider again (after a 401) can yield a different token. */
  canRefresh: boolean;
  rateLimiter: LocationRateLimiter;
  queue: PQueue;
  retry: GhlRetryOptions;
  timeoutMs: number;
  apiVersion: string | undefined;
  events: Pick<EventBus, 'emit'> | undefined;
}

type Outcome = { kind: 'response'; response: GhlRawResponse; retryAfterMs: number | undefined } | { kind: 'error'; error: GhlApiError };

/** Runs a {@link GhlRequest}: queue, rate limit, auth, Version header, retries, response validation. @internal */
export class RequestExecutor {
  constructor(private readonly options: RequestExecutorOptions) {}

  /** Performs the request and returns its validated body; throws {@link GhlApiError} on failure. */
  async execute<T>(request: GhlRequest<T>): Promise<T> {
    const { retry, clock } = this.options;
    const idempotent = request.idempotent ?? request.method !== 'POST';
    const maxAttempts = Math.max(1, retry.maxAttempts ?? 4);
    const maxRateLimitRetries = retry.maxRateLimitRetries ?? 6;
    let attempts = 0;
    let rateLimitRetries = 0;
    let rejectedToken: string | undefined;
    let refreshed = false;
    for (;;) {
      attempts += 1;
      const token = await this.options.tokenProvider.getAccessToken({
        locationId: this.options.locationId,
        ...(rejectedToken === undefined ? {} : { forceRefresh: true, rejectedToken }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      const outcome = await this.options.queue.add(() => this.attempt(request, token), {
        priority: request.priority === 'low' ? 0 : 1,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      if (outcome.kind === 'error') {
        const safeToRepeat = idempotent || outcome.error.details['connectionRefused'] === true;
        if (!safeToRepeat || attempts >= maxAttempts) throw outcome.error;
        await clock.sleep(backoffDelay(attempts, retry), request.signal);
        continue;
      }
      const { response } = outcome;
      if (response.status >= 200 && response.status < 300) return parseGhlResponse(request, response);
      const error = this.toError(request, response, outcome.retryAfterMs);
      if (response.status === 401 && this.options.canRefresh && !refreshed) {
        refreshed = true;
        rejectedToken = token;
        attempts -= 1;
        continue;
      }
      if (response.status === 429 && rateLimitRetries < maxRateLimitRetries) {
        rateLimitRetries += 1;
        attempts -= 1;
        const waitMs = Math.round((outcome.retryAfterMs ?? 0) + (retry.random ?? Math.random)() * 250);
        this.emitRateLimit(waitMs);
        await clock.sleep(waitMs, request.signal);
        continue;
      }
      if (response.status >= 500 && idempotent && attempts < maxAttempts) {
        await clock.sleep(Math.max(backoffDelay(attempts, retry), outcome.retryAfterMs ?? 0), request.signal);
        continue;
      }
      throw error;
    }
  }

  private async attempt(request: GhlRequest<unknown>, accessToken: string): Promise<Outcome> {
    const { rateLimiter, clock } = this.options;
    const permit = await rateLimiter.acquire(request.signal);
    let response: GhlRawResponse;
    try {
      response = await sendGhlRequest({
        fetch: this.options.fetch,
        baseUrl: this.options.baseUrl,
        clock,
        request,
        accessToken,
        version: this.versionFor(request),
        timeoutMs: request.timeoutMs ?? this.options.timeoutMs,
      });
    } catch (error) {
      rateLimiter.complete(permit, undefined, undefined);
      if (GhlApiError.isGhlApiError(error)) return { kind: 'error', error };
      throw error;
    }
    const headers = parseRateLimitHeaders(response.headers, clock.now());
    const retryAfterMs = rateLimiter.complete(permit, headers, response.status) ?? headers.retryAfterMs;
    return { kind: 'response', response, retryAfterMs };
  }

  private versionFor(request: GhlRequest<unknown>): string | undefined {
    if (request.version !== undefined) return request.version;
    if (this.options.apiVersion !== undefined) return this.options.apiVersion;
    const key = `${request.method} ${request.path}`;
    return Object.hasOwn(OPERATION_VERSIONS, key) ? (OPERATION_VERSIONS[key as keyof typeof OPERATION_VERSIONS] ?? undefined) : '2021-07-28';
  }

  private toError(request: GhlRequest<unknown>, response: GhlRawResponse, retryAfterMs: number | undefined): GhlApiError {
    const requestId = readRequestId(response);
    return new GhlApiError({
      status: response.status,
      method: request.method,
      pathTemplate: request.path,
      ...(requestId === undefined ? {} : { requestId }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  private emitRateLimit(waitMs: number): void {
    this.options.events?.emit('rate_limit.hit', { tenantId: this.options.tenantId, at: this.options.clock.now(), source: 'ghl', waitMs });
  }
}
