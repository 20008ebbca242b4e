import type { ConnectionOptions } from 'bullmq';
import type { RedisClientLike } from '../redis/redis-client-like';

/** A side client the adapter owns and disconnects on close. @internal */
export type OwnedClient = RedisClientLike & { disconnect(): void };

interface Duplicable {
  duplicate(override?: Record<string, unknown>): OwnedClient;
}

function isDuplicable(value: unknown): value is Duplicable {
  return (
    typeof value === 'object' &&
    value !== null &&
    'duplicate' in value &&
    typeof value.duplicate === 'function'
  );
}

/**
 * The adapter's own Redis client for its ordering and tenant indexes, made from BullMQ's
 * connection (an `ioredis` instance is duplicated; options or a URL create a new `ioredis` client).
 * Unlike BullMQ's connection it fails fast: no offline queue, one retry, a command timeout.
 *
 * @internal
 */
export async function createSideClient(
  connection: ConnectionOptions,
  commandTimeoutMs: number,
): Promise<OwnedClient> {
  const failFast = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    lazyConnect: false,
  };
  let client: OwnedClient;
  if (isDuplicable(connection)) {
    client = connection.duplicate(failFast);
  } else {
    const { Redis } = await import('ioredis');
    const { url, ...options } = connection as { url?: string } & Record<string, unknown>;
    client =
      url === undefined
        ? new Redis({ ...options, ...failFast })
        : new Redis(url, { ...options, ...failFast });
  }
  const withEvents = client as OwnedClient & {
    on?: (event: string, listener: () => void) => unknown;
  };
  withEvents.on?.('error', () => undefined);
  return client;
}
