/**
 * The few members of an `ioredis` client the Redis adapters use, so tests can pass a fake and any
 * compatible client works. An `ioredis` `Redis` instance satisfies it.
 */
export interface RedisClientLike {
  /** Sends one command, e.g. `call('SET', ['k', 'v', 'PX', 1000])`, and resolves with its reply. */
  call(command: string, args: (string | number)[]): Promise<unknown>;
  /** Connection state (`wait`, `connecting`, `connect`, `ready`, `reconnecting`, `close`, `end`). */
  readonly status?: string;
  /** Opens the connection of a client created with `lazyConnect`. */
  connect?(): Promise<unknown>;
  /** Registers a one-shot listener (used to wait for `ready` while connecting). */
  once?(event: 'ready' | 'error' | 'end', listener: (...args: unknown[]) => void): unknown;
  /** Removes a listener registered with `once`. */
  off?(event: 'ready' | 'error' | 'end', listener: (...args: unknown[]) => void): unknown;
  /** Closes the connection after pending replies. */
  quit?(): Promise<unknown>;
  /** Closes the connection at once. */
  disconnect?(): void;
}

/** A client instance, or a lazy factory called once on first use (it may import `ioredis` itself). */
export type RedisClientSource =
  RedisClientLike | (() => RedisClientLike | Promise<RedisClientLike>);
