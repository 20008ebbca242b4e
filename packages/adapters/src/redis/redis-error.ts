import { EnterpriseHubError } from '@enterprisehub/core';

/** Server replies that mean "not now" rather than "wrong command". */
const TRANSIENT_REPLY = /^(LOADING|BUSY|READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|NOREPLICAS)\b/;

function field(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const found: unknown = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : undefined;
}

/**
 * Maps a Redis failure to an {@link EnterpriseHubError} without copying the client's message (it
 * may quote keys or values): connection failures, timeouts and transient server states become the
 * retryable `REDIS_UNAVAILABLE`; any other error reply (a bug, a wrong key type) becomes `INTERNAL`.
 *
 * @internal
 */
export function toRedisError(error: unknown, operation: string): EnterpriseHubError {
  if (EnterpriseHubError.isInstance(error)) return error;
  const name = field(error, 'name');
  const message = field(error, 'message') ?? '';
  if (name === 'AbortError') {
    return new EnterpriseHubError({
      code: 'ABORTED',
      message: `Redis ${operation} was aborted.`,
      cause: error,
    });
  }
  if (name === 'ReplyError' && !TRANSIENT_REPLY.test(message)) {
    return new EnterpriseHubError({
      code: 'INTERNAL',
      message: `Redis rejected ${operation}.`,
      cause: error,
      details: { operation },
    });
  }
  return new EnterpriseHubError({
    code: 'REDIS_UNAVAILABLE',
    message: `Redis could not be reached during ${operation}.`,
    cause: error,
    details: { operation },
  });
}

/** Throws `ABORTED` when the signal is already aborted. @internal */
export function throwIfAborted(signal: AbortSignal | undefined, operation: string): void {
  if (signal?.aborted === true) {
    throw new EnterpriseHubError({
      code: 'ABORTED',
      message: `Redis ${operation} was aborted.`,
      cause: signal.reason,
    });
  }
}
