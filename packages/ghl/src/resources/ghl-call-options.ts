import type { GhlPriority, GhlRequest } from '../client/ghl-request';

/** Per-call options every resource method accepts as its last parameter. */
export interface GhlCallOptions {
  /** Aborts the call, also while it waits for rate-limit budget. */
  signal?: AbortSignal;
  /** Queue priority. @defaultValue `'high'` */
  priority?: GhlPriority;
}

/** Sends a {@link GhlRequest} through the client's pipeline and returns the validated body. */
export type GhlRequestFunction = <T>(request: GhlRequest<T>) => Promise<T>;

/** Spreads call options into a request. @internal */
export function callFields(options: GhlCallOptions | undefined): Pick<GhlRequest<unknown>, 'signal' | 'priority'> {
  return {
    ...(options?.signal === undefined ? {} : { signal: options.signal }),
    ...(options?.priority === undefined ? {} : { priority: options.priority }),
  };
}

/** Drops `undefined` values so request bodies carry only fields that were set. @internal */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
