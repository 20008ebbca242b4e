import { EnterpriseHubError, toEnterpriseHubError } from '@enterprisehub/core';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

function isUnavailable(error: unknown): boolean {
  const code = stringField(error, 'code');
  if (code !== undefined && NETWORK_CODES.has(code)) return true;
  // SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P0x (shutdown).
  if (code !== undefined && /^(08|53|57P0)/.test(code)) return true;
  const message = stringField(error, 'message') ?? '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed|has (already )?been destroyed/i.test(
    message,
  );
}

/**
 * Maps a database failure to an `EnterpriseHubError` without copying the driver's message
 * (it may quote row values): unreachable database → retryable `STORE_UNAVAILABLE`, serialization
 * failure or deadlock → retryable `STORE_CONFLICT`, aborts → `ABORTED`, anything else → `INTERNAL`.
 *
 * @internal
 */
export function toStoreError(error: unknown, operation: string): EnterpriseHubError {
  if (EnterpriseHubError.isInstance(error)) return error;
  if (isUnavailable(error)) {
    return new EnterpriseHubError({
      code: 'STORE_UNAVAILABLE',
      message: `The database could not be reached during ${operation}.`,
      cause: error,
      details: { operation },
    });
  }
  const code = stringField(error, 'code');
  if (code === '40001' || code === '40P01') {
    return new EnterpriseHubError({
      code: 'STORE_CONFLICT',
      message: `A concurrent transaction conflicted with ${operation}.`,
      cause: error,
      details: { operation },
    });
  }
  const converted = toEnterpriseHubError(error);
  if (converted.code !== 'INTERNAL') return converted;
  return new EnterpriseHubError({
    code: 'INTERNAL',
    message: `Store operation ${operation} failed.`,
    cause: error,
    details: code === undefined ? { operation } : { operation, sqlState: code },
  });
}

/** Runs `work`, converting anything it throws with {@link toStoreError}. @internal */
export async function storeCall<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error, operation);
  }
}
