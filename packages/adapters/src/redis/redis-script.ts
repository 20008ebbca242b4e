import { createHash } from 'node:crypto';
import type { RedisClientLike } from './redis-client-like';

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/**
 * A Lua script run with `EVALSHA`, falling back to `EVAL` (which also loads it) the first time a
 * server has not seen it, so each call sends only the 40-character hash.
 *
 *
 */
export class RedisScript {
  /** SHA-1 of the script body, as Redis names it. */
  readonly sha: string;

  /** Wraps a Lua script body. */
  constructor(readonly body: string) {
    this.sha = createHash('sha1').update(body).digest('hex');
  }

  /** Runs the script with its keys and arguments on `client`. */
  async run(
    client: RedisClientLike,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    const tail = [keys.length, ...keys, ...args];
    try {
      return await client.call('EVALSHA', [this.sha, ...tail]);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return client.call('EVAL', [this.body, ...tail]);
    }
  }
}
