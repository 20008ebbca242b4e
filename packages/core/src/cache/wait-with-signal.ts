import { EnterpriseHubError } from '../errors/enterprise-hub-error';

/**
 * Waits for a shared promise on behalf of one caller: rejects with `ABORTED` when that caller's signal aborts,
 * leaving the shared work (and the other waiters) untouched.
 *
 * @internal
 */
export function waitWithSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  const aborted = (): EnterpriseHubError =>
    new EnterpriseHubError({ code: 'ABORTED', message: 'The cache read was aborted.', cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error('Cache load rejected.', { cause: error }));
      },
    );
  });
}
