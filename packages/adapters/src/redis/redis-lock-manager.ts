import { randomUUID } from 'node:crypto';
import {
  EnterpriseHubError,
  systemClock,
  type Clock,
  type Lock,
  type LockManager,
  type TenantScoped,
} from '@enterprisehub/core';
import { adapterConnection, type RedisAdapterOptions } from './redis-adapter-options';
import type { RedisConnection } from './redis-connection';
import { toRedisError } from './redis-error';
import { ACQUIRE_LOCK, EXTEND_LOCK, RELEASE_LOCK } from './redis-lock-scripts';

/** Options for {@link createRedisLockManager}. */
export interface RedisLockManagerOptions extends RedisAdapterOptions {
  /** Time source for `expiresAt` and for the sleeps between attempts while waiting. @defaultValue `systemClock` */
  clock?: Clock;
  /** Longest pause between two attempts while waiting for a held lock (shorter near its expiry). @defaultValue 50 */
  retryDelayMs?: number;
}

/** What to lock, for how long, and how long to wait for it. */
export type RedisLockAcquireOptions = TenantScoped & {
  key: string;
  ttlMs: number;
  waitMs?: number;
};

function pair(reply: unknown): [number, number] {
  if (Array.isArray(reply) && reply.length === 2) return [Number(reply[0]), Number(reply[1])];
  throw new EnterpriseHubError({
    code: 'INTERNAL',
    message: 'The Redis lock script answered in an unexpected shape.',
  });
}

/**
 * {@link LockManager} on Redis: `SET NX PX` with a random token, a fencing token drawn from one
 * `INCR` counter per tenant (strictly increasing across every acquisition of every key), and
 * release / extend as Lua compare-and-delete / compare-and-expire, so only the owner can end or
 * prolong its lock. Locks are atomic across every instance sharing the Redis server.
 *
 * Redis down: every call throws the retryable `REDIS_UNAVAILABLE` (fails closed: no lock is
 * ever assumed). A lock is never re-taken on its own when Redis returns; it simply expires.
 */
export class RedisLockManager implements LockManager {
  private readonly connection: RedisConnection;
  private readonly owned: boolean;
  private readonly clock: Clock;
  private readonly retryDelayMs: number;

  /** Creates the lock manager; nothing connects until the first call. */
  constructor(options: RedisLockManagerOptions) {
    ({ connection: this.connection, owned: this.owned } = adapterConnection(options));
    this.clock = options.clock ?? systemClock;
    this.retryDelayMs = Math.max(1, options.retryDelayMs ?? 50);
  }

  /**
   * Takes the lock for `ttlMs`, polling up to `waitMs` while another holder has it; `undefined`
   * when not acquired in time. Throws `REDIS_UNAVAILABLE` when Redis is down.
   */
  async acquire(options: RedisLockAcquireOptions): Promise<Lock | undefined> {
    const waitMs = Math.max(0, options.waitMs ?? 0);
    const started = this.clock.now();
    let slept = 0;
    for (;;) {
      const token = randomUUID();
      const ttlMs = Math.max(1, Math.ceil(options.ttlMs));
      const [acquired, value] = pair(
        await this.connection.script('lock.acquire', ACQUIRE_LOCK, {
          keys: [this.lockKey(options.tenantId, options.key), this.fenceKey(options.tenantId)],
          args: [token, ttlMs],
          signal: options.signal,
        }),
      );
      if (acquired === 1) {
        return {
          key: options.key,
          token,
          fencingToken: value,
          expiresAt: this.clock.now() + ttlMs,
        };
      }
      const waited = Math.max(this.clock.now() - started, slept);
      const left = waitMs - waited;
      if (left <= 0) return undefined;
      const holderLeft = value > 0 ? value : this.retryDelayMs;
      const delay = Math.max(1, Math.min(this.retryDelayMs, left, holderLeft));
      await this.sleep(delay, options.signal);
      slept += delay;
    }
  }

  /** Releases the lock if `lock.token` still owns it; returns whether it did. */
  async release(options: TenantScoped & { lock: Lock }): Promise<boolean> {
    const reply = await this.connection.script('lock.release', RELEASE_LOCK, {
      keys: [this.lockKey(options.tenantId, options.lock.key)],
      args: [options.lock.token],
      signal: options.signal,
    });
    return Number(reply) === 1;
  }

  /** Extends a still-owned lock to `now + ttlMs`; `undefined` when ownership was lost. */
  async extend(options: TenantScoped & { lock: Lock; ttlMs: number }): Promise<Lock | undefined> {
    const ttlMs = Math.max(1, Math.ceil(options.ttlMs));
    const reply = await this.connection.script('lock.extend', EXTEND_LOCK, {
      keys: [this.lockKey(options.tenantId, options.lock.key)],
      args: [options.lock.token, ttlMs],
      signal: options.signal,
    });
    if (Number(reply) !== 1) return undefined;
    return { ...options.lock, expiresAt: this.clock.now() + ttlMs };
  }

  /** Closes the connection if this lock manager created it. */
  async close(): Promise<void> {
    if (this.owned) await this.connection.close();
  }

  private lockKey(tenantId: string, key: string): string {
    return this.connection.key(tenantId, 'lock', key);
  }

  private fenceKey(tenantId: string): string {
    return `${this.connection.tenantPrefix(tenantId)}:fence`;
  }

  private async sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.clock.sleep(ms, signal);
    } catch (error) {
      throw toRedisError(error, 'lock.acquire');
    }
  }
}

/**
 * Creates a Redis lock manager.
 *
 * @example
 * ```ts
 * const locks = createRedisLockManager({ url: process.env.REDIS_URL });
 * const lock = await locks.acquire({ tenantId, key: `contact:${contactId}`, ttlMs: 30_000, waitMs: 5_000 });
 * if (lock) try { await work(lock.fencingToken); } finally { await locks.release({ tenantId, lock }); }
 * ```
 */
export function createRedisLockManager(options: RedisLockManagerOptions): RedisLockManager {
  return new RedisLockManager(options);
}
