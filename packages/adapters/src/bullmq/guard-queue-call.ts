import { EnterpriseHubError } from '@enterprisehub/core';

/**
 * Runs one queue operation under a deadline. BullMQ's own connection waits for Redis forever (as
 * its workers need), so a caller would hang while Redis is down; instead the call fails with the
 * retryable `QUEUE_UNAVAILABLE` (as do Redis failures of the adapter's own client). Other
 * `EnterpriseHubError`s pass through.
 *
 * @internal
 */
export async function guardQueueCall<T>(
  call: { operation: string; timeoutMs: number },
  work: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('queue operation timed out')), call.timeoutMs);
        timer.unref();
      }),
    ]);
  } catch (error) {
    if (EnterpriseHubError.isInstance(error) && error.code !== 'REDIS_UNAVAILABLE') throw error;
    throw new EnterpriseHubError({
      code: 'QUEUE_UNAVAILABLE',
      message: `The BullMQ queue could not complete ${call.operation}: Redis is unreachable or slow.`,
      cause: error,
      details: { operation: call.operation },
    });
  } finally {
    clearTimeout(timer);
  }
}
