import { EnterpriseHubError } from '@enterprisehub/core';
import type { RedisClientLike, RedisClientSource } from './redis-client-like';
import { throwIfAborted, toRedisError } from './redis-error';
import type { RedisScript } from './redis-script';

/** How the Redis adapters reach Redis. Give `client` or `url`. */
export interface RedisConnectionOptions {
  /**
   * An `ioredis` client (or a lazy factory) you own: it is not closed by `close()`. Create it with
   * `enableOfflineQueue: false` so commands fail at once while Redis is down instead of running
   * later, after the caller was told they failed.
   */
  client?: RedisClientSource;
  /** `redis://[:password@]host:port[/db]`; the adapter creates (on first use) and closes its own `ioredis` client. */
  url?: string;
  /** First segment of every key, naming the deployment. @defaultValue `'eh'` */
  keyPrefix?: string;
  /** Longest a command may take before it fails with `REDIS_UNAVAILABLE`. @defaultValue 1000 */
  commandTimeoutMs?: number;
}

const CONNECTING = new Set(['wait', 'connecting', 'connect']);
const KEY_PREFIX = /^[A-Za-z0-9_.-]{1,64}$/;

async function createOwnedClient(url: string, timeoutMs: number): Promise<RedisClientLike> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: timeoutMs,
    connectTimeout: Math.max(timeoutMs, 2000),
    retryStrategy: (times: number) => Math.min(100 * 2 ** times, 2000),
  });
  client.on('error', () => undefined); // failures surface as REDIS_UNAVAILABLE on each call
  return client;
}

function waitForReady(client: RedisClientLike, timeoutMs: number): Promise<void> {
  if (client.once === undefined || client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      client.off?.('ready', done);
      client.off?.('end', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    timer.unref();
    client.once?.('ready', done);
    client.once?.('end', done);
  });
}

/**
 * One Redis connection shared by the Redis adapters: resolves the client, builds tenant-scoped keys,
 * bounds every command by a timeout and maps failures to `REDIS_UNAVAILABLE`.
 */
export class RedisConnection {
  /** First segment of every key. */
  readonly keyPrefix: string;
  /** Command timeout, ms. */
  readonly commandTimeoutMs: number;
  private readonly source: RedisClientSource | undefined;
  private readonly url: string | undefined;
  private resolved: Promise<RedisClientLike> | undefined;
  private connecting: Promise<unknown> | undefined;
  private readying: Promise<void> | undefined;
  private closed = false;

  /** Validates the options; nothing connects until the first command. */
  constructor(options: RedisConnectionOptions) {
    if ((options.client === undefined) === (options.url === undefined)) {
      throw new EnterpriseHubError({
        code: 'CONFIG_INVALID',
        message: 'A Redis adapter needs exactly one of client or url.',
      });
    }
    const keyPrefix = options.keyPrefix ?? 'eh';
    if (!KEY_PREFIX.test(keyPrefix)) {
      throw new EnterpriseHubError({
        code: 'CONFIG_INVALID',
        message: 'The Redis key prefix must be 1-64 letters, digits, dots, dashes or underscores.',
      });
    }
    this.keyPrefix = keyPrefix;
    this.commandTimeoutMs = Math.max(1, options.commandTimeoutMs ?? 1000);
    this.source = options.client;
    this.url = options.url;
  }

  /** Whether `close()` will close the client (it was created from `url`). */
  get ownsClient(): boolean {
    return this.url !== undefined;
  }

  /**
   * The key of `(tenant, kind, key)`: `<prefix>:{<tenant>}:<kind>:<key>`. The tenant is URI-encoded
   * (so no tenant id can forge another's keys) and braced as a Redis Cluster hash tag, so one
   * tenant's keys share a slot and its Lua scripts may touch several of them.
   */
  key(tenantId: string, kind: string, key: string): string {
    return `${this.tenantPrefix(tenantId)}:${kind}:${key}`;
  }

  /** `<prefix>:{<tenant>}`: the start of every key of the tenant. */
  tenantPrefix(tenantId: string): string {
    return `${this.keyPrefix}:{${encodeURIComponent(tenantId)}}`;
  }

  /** The client, created or resolved on first use. */
  client(): Promise<RedisClientLike> {
    if (this.closed) {
      return Promise.reject(
        new EnterpriseHubError({
          code: 'REDIS_UNAVAILABLE',
          message: 'The Redis adapter is closed.',
        }),
      );
    }
    this.resolved ??= (async () => {
      if (this.url !== undefined) return createOwnedClient(this.url, this.commandTimeoutMs);
      const source = this.source;
      if (source === undefined) throw new Error('unreachable: no client source');
      return typeof source === 'function' ? source() : source;
    })();
    return this.resolved;
  }

  /** Runs one command (`[name, ...args]`) under the timeout; `operation` names it in errors. */
  command(
    operation: string,
    [command, ...args]: [string, ...(string | number)[]],
    signal?: AbortSignal,
  ): Promise<unknown> {
    return this.run(operation, signal, (client) => client.call(command, args));
  }

  /** Runs a Lua script under the timeout. */
  script(
    operation: string,
    script: RedisScript,
    call: { keys: string[]; args: (string | number)[]; signal?: AbortSignal | undefined },
  ): Promise<unknown> {
    return this.run(operation, call.signal, (client) => script.run(client, call.keys, call.args));
  }

  /** Closes the client when this connection created it; later commands fail. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.ownsClient || this.resolved === undefined) return;
    const client = await this.resolved.catch(() => undefined);
    if (client === undefined) return;
    try {
      if (client.status === 'ready' && client.quit) await client.quit();
      else client.disconnect?.();
    } catch {
      client.disconnect?.();
    }
  }

  private async run(
    operation: string,
    signal: AbortSignal | undefined,
    work: (client: RedisClientLike) => Promise<unknown>,
  ): Promise<unknown> {
    throwIfAborted(signal, operation);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error('Redis command timed out'), { name: 'TimeoutError' })),
        this.commandTimeoutMs,
      );
      timer.unref();
    });
    try {
      return await Promise.race([this.ready().then(work), timeout]);
    } catch (error) {
      throw toRedisError(error, operation);
    } finally {
      clearTimeout(timer);
    }
  }

  private async ready(): Promise<RedisClientLike> {
    const client = await this.client();
    if (client.status === undefined || !CONNECTING.has(client.status)) return client;
    if (client.status === 'wait' && client.connect) {
      this.connecting ??= client.connect().finally(() => {
        this.connecting = undefined;
      });
      await this.connecting;
    } else {
      this.readying ??= waitForReady(client, this.commandTimeoutMs).finally(() => {
        this.readying = undefined;
      });
      await this.readying;
    }
    return client;
  }
}

/**
 * Creates a Redis connection to share between the Redis adapters (one client for all of them).
 *
 * @example
 * ```ts
 * const connection = createRedisConnection({ url: process.env.REDIS_URL, keyPrefix: 'prod' });
 * const locks = createRedisLockManager({ connection });
 * const limiter = createRedisRateLimiter({ connection });
 * ```
 */
export function createRedisConnection(options: RedisConnectionOptions): RedisConnection {
  return new RedisConnection(options);
}
