import { EnterpriseHubError, systemClock, type Clock } from '@enterprisehub/core';
import type { ChannelRetryOptions } from './channel-options';
import { retryDelivery } from './retry-delivery';

/** Options for {@link postJson}. */
export interface PostJsonOptions {
  /** Channel name (errors name it; never the URL, which may hold a secret). */
  channel: string;
  /** Target URL. */
  url: string;
  /** JSON body. */
  body: unknown;
  /** Extra headers (e.g. `Authorization`); `Content-Type: application/json` is set. */
  headers?: Readonly<Record<string, string>>;
  /** `fetch` implementation. */
  fetch?: typeof fetch;
  /** Clock. */
  clock?: Clock;
  /** Timeout of one attempt, ms. */
  timeoutMs?: number;
  /** Retry policy. */
  retry?: ChannelRetryOptions;
  /** Caller's abort signal. */
  signal?: AbortSignal;
}

/** Parses `Retry-After` (seconds or HTTP date) into ms. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Error for an HTTP status a channel answered with. */
function statusError(channel: string, response: Response, now: number): EnterpriseHubError {
  const { status } = response;
  const details: Record<string, string | number | boolean> = { channel, status };
  if (status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'), now);
    if (wait !== undefined) details['retryAfterMs'] = wait;
    return new EnterpriseHubError({
      code: 'ALERT_CHANNEL_RATE_LIMITED',
      message: `Channel ${channel} answered HTTP 429.`,
      details,
    });
  }
  if (status >= 500 || status === 408) {
    return new EnterpriseHubError({
      code: 'ALERT_CHANNEL_UNAVAILABLE',
      message: `Channel ${channel} answered HTTP ${status}.`,
      details,
    });
  }
  return new EnterpriseHubError({
    code: 'ALERT_CHANNEL_REJECTED',
    message: `Channel ${channel} rejected the notification with HTTP ${status}.`,
    details,
  });
}

/**
 * POSTs JSON with timeouts and retries (429 honouring `Retry-After`, 408, 5xx and network errors are retried;
 * other 4xx are not). Resolves with the status and response text of the first 2xx answer.
 *
 * @throws EnterpriseHubError `ALERT_CHANNEL_REJECTED`, `ALERT_CHANNEL_UNAVAILABLE`,
 * `ALERT_CHANNEL_RATE_LIMITED`, `ALERT_CHANNEL_TIMEOUT` or `ABORTED`.
 */
export function postJson(options: PostJsonOptions): Promise<{ status: number; text: string }> {
  const clock = options.clock ?? systemClock;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const payload = JSON.stringify(options.body);
  return retryDelivery({
    clock,
    retry: options.retry,
    timeoutMs: options.timeoutMs ?? 10_000,
    signal: options.signal,
    channel: options.channel,
    attempt: async (signal) => {
      const response = await fetchImpl(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'EnterpriseHub-Alerting/1',
          ...options.headers,
        },
        body: payload,
        signal,
      });
      const text = await response.text();
      if (response.ok) return { status: response.status, text };
      throw statusError(options.channel, response, clock.now());
    },
  });
}
