/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../ports/clock';
import type { Lock, LockManager } from '../ports/lock-manager';
import type { TenantScoped } from '../ports/tenant-scoped';
import { systemClock } from '../ports/system-clock';
import { TenantMap, throwIfAborted } from './memory-support';

/** Options for {@link createMemoryLockManager}. */
export interface MemoryLockManagerOptions {
  /** Time source for TTLs and waits; default {@link systemClock}. */
  clock?: Clock;
}

/** In-process {@link LockManager} with TTL, fencing tokens and waiting acquirers. */
export class MemoryLockManager implements LockManager {
  private readonly held = new TenantMap<Lock>();
  private readonly fencing = new TenantMap<number>();
  private readonly waiters = new TenantMap<Set<() => void>>();
  private readonly clock: Clock;

  /** Creates a lock manager with no locks held. */
  constructor(options: MemoryLockManagerOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  /** {@inheritDoc LockManager.acquire} */
  async acquire(
    options: TenantScoped & { key: string; ttlMs: number; waitMs?: number },
  ): Promise<Lock | undefined> {
    throwIfAborted(options.signal);
    const deadline = this.clock.now() + Math.max(0, options.waitMs ?? 0);
    for (;;) {
      const lock = this.tryAcquire(options.tenantId, options.key, options.ttlMs);
      if (lock) return { ...lock };
      const now = this.clock.now();
      if (now >= deadline) return undefined;
      const holderExpiresAt = this.held.get(options.tenantId, options.key)?.expiresAt ?? now;
      await this.waitForChange(options, Math.min(deadline, holderExpiresAt) - now);
      throwIfAborted(options.signal);
    }
  }

  /** {@inheritDoc LockManager.release} */
  async release(options: TenantScoped & { lock: Lock }): Promise<boolean> {
    throwIfAborted(options.signal);
    const current = this.owned(options.tenantId, options.lock);
    if (!current) return false;
    this.held.delete(options.tenantId, current.key);
    this.wake(options.tenantId, current.key);
    return true;
  }

  /** {@inheritDoc LockManager.extend} */
  async extend(options: TenantScoped & { lock: Lock; ttlMs: number }): Promise<Lock | undefined> {
    throwIfAborted(options.signal);
    const current = this.owned(options.tenantId, options.lock);
    if (!current) return undefined;
    const extended: Lock = { ...current, expiresAt: this.clock.now() + options.ttlMs };
    this.held.set(options.tenantId, current.key, extended);
    return { ...extended };
  }

  private tryAcquire(tenantId: string, key: string, ttlMs: number): Lock | undefined {
    const now = this.clock.now();
    const current = this.held.get(tenantId, key);
    if (current && current.expiresAt > now) return undefined;
    const fencingToken = (this.fencing.get(tenantId, key) ?? 0) + 1;
    this.fencing.set(tenantId, key, fencingToken);
    const lock: Lock = { key, token: randomUUID(), fencingToken, expiresAt: now + ttlMs };
    this.held.set(tenantId, key, lock);
    return lock;
  }

  private owned(tenantId: string, lock: Lock): Lock | undefined {
    const current = this.held.get(tenantId, lock.key);
    if (!current || current.token !== lock.token || current.expiresAt <= this.clock.now())
      return undefined;
    return current;
  }

  private waitForChange(options: TenantScoped & { key: string }, delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      let waiters = this.waiters.get(options.tenantId, options.key);
      if (!waiters) {
        waiters = new Set();
        this.waiters.set(options.tenantId, options.key, waiters);
      }
      const set = waiters;
      const done = (): void => {
        timer.cancel();
        set.delete(done);
        options.signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = this.clock.setTimer(done, Math.max(0, delayMs));
      set.add(done);
      options.signal?.addEventListener('abort', done, { once: true });
    });
  }

  private wake(tenantId: string, key: string): void {
    const waiters = this.waiters.get(tenantId, key);
    if (!waiters) return;
    this.waiters.delete(tenantId, key);
    for (const waiter of [...waiters]) waiter();
  }
}

/**
 * Creates an in-process lock manager.
 *
 * @example
 * ```ts
 * const locks = createMemoryLockManager({ clock });
 * const lock = await locks.acquire({ tenantId, key: `contact:${contactId}`, ttlMs: 30_000, waitMs: 5_000 });
 * if (lock) try { await work(); } finally { await locks.release({ tenantId, lock }); }
 * ```
 */
export function createMemoryLockManager(options: MemoryLockManagerOptions = {}): MemoryLockManager {
  return new MemoryLockManager(options);
}
