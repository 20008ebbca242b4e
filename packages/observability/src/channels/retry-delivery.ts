import { EnterpriseHubError, type Clock } from '@enterprisehub/core';
import type { ChannelRetryOptions } from './channel-options';

/** Options for {@link retryDelivery}. */
export interface RetryDeliveryOptions<T> {
  /** Clock for backoff and attempt timeouts. */
  clock: Clock;
  /** Retry policy. */
  retry: ChannelRetryOptions | undefined;
  /** Timeout of one attempt, ms. */
  timeoutMs: number;
  /** Caller's abort signal. */
  signal: AbortSignal | undefined;
  /** Channel name, for error messages. */
  channel: string;
  /**
   * One attempt; receives a signal that aborts on timeout or caller abort. Throws an `EnterpriseHubError`
   * whose `retryable` decides whether another attempt follows; may set `details.retryAfterMs`.
   */
  attempt: (signal: AbortSignal) => Promise<T>;
}

/** Reads `aborted` through a call so TypeScript does not narrow it across awaits. */
const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

const aborted = (channel: string, cause: unknown): EnterpriseHubError =>
  new EnterpriseHubError({
    code: 'ABORTED',
    message: `Delivery to channel ${channel} was aborted.`,
    cause,
  });

/**
 * Runs a delivery with per-attempt timeouts and exponential backoff with jitter, honouring `retryAfterMs`.
 *
 * @throws EnterpriseHubError the last attempt's error, `ALERT_CHANNEL_TIMEOUT` or `ABORTED`.
 */
export async function retryDelivery<T>(options: RetryDeliveryOptions<T>): Promise<T> {
  const { clock, signal, channel } = options;
  const maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 3);
  const baseDelayMs = options.retry?.baseDelayMs ?? 500;
  const maxDelayMs = options.retry?.maxDelayMs ?? 10_000;
  for (let attempt = 1; ; attempt += 1) {
    if (signal && isAborted(signal)) throw aborted(channel, signal.reason);
    const controller = new AbortController();
    let timedOut = false;
    const timer = clock.setTimer(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let failure: EnterpriseHubError;
    try {
      return await options.attempt(controller.signal);
    } catch (error) {
      if (isAborted(signal)) throw aborted(channel, error);
      failure = timedOut
        ? new EnterpriseHubError({
            code: 'ALERT_CHANNEL_TIMEOUT',
            message: `Channel ${channel} did not answer within ${options.timeoutMs} ms.`,
            details: { channel, attempts: attempt },
          })
        : EnterpriseHubError.isInstance(error)
          ? error
          : new EnterpriseHubError({
              code: 'ALERT_CHANNEL_UNAVAILABLE',
              message: `Channel ${channel} could not be reached.`,
              cause: error,
              details: { channel, attempts: attempt },
            });
    } finally {
      timer.cancel();
      signal?.removeEventListener('abort', onAbort);
    }
    if (!failure.retryable || attempt >= maxAttempts) throw failure;
    const retryAfter = failure.details['retryAfterMs'];
    const backoff = baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
    const delay = Math.min(
      maxDelayMs,
      typeof retryAfter === 'number' ? Math.max(retryAfter, backoff) : backoff,
    );
    try {
      await clock.sleep(delay, signal);
    } catch (error) {
      throw aborted(channel, error);
    }
  }
}
