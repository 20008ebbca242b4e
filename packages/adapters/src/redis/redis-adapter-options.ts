import { EnterpriseHubError } from '@enterprisehub/core';
import { RedisConnection, type RedisConnectionOptions } from './redis-connection';

/**
 * How a Redis adapter reaches Redis: a shared {@link RedisConnection} (`connection`), or the options
 * to create its own (`client` or `url`).
 */
export interface RedisAdapterOptions extends RedisConnectionOptions {
  /** A connection shared with other adapters; it is not closed by the adapter's `close()`. */
  connection?: RedisConnection;
}

/** The adapter's connection and whether the adapter created (and so closes) it. @internal */
export function adapterConnection(options: RedisAdapterOptions): {
  connection: RedisConnection;
  owned: boolean;
} {
  if (options.connection !== undefined) {
    if (options.client !== undefined || options.url !== undefined) {
      throw new EnterpriseHubError({
        code: 'CONFIG_INVALID',
        message: 'A Redis adapter takes connection, or client/url, not both.',
      });
    }
    return { connection: options.connection, owned: false };
  }
  return { connection: new RedisConnection(options), owned: true };
}
