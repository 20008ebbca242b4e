import type { TenantScoped } from './tenant-scoped';

/** A held lock. */
export interface Lock {
  /** Lock key (e.g. `contact:<id>`), within the tenant. */
  key: string;
  /** Random token proving ownership; release and extend require it. */
  token: string;
  /** Strictly increasing per (tenant, key) across acquisitions; storage can reject writes with an older token. */
  fencingToken: number;
  /** When the lock expires unless extended, epoch ms. */
  expiresAt: number;
}

/**
 * Port: mutual exclusion with TTL per (tenant, key), e.g. one bot turn per contact at a time (30 s default TTL).
 * At most one holder at any time; an expired lock may be taken by the next caller.
 */
export interface LockManager {
  /**
   * Acquires the lock for `ttlMs`; if held, waits up to `waitMs` (default 0) for it to be released or expire.
   * Returns `undefined` when not acquired in time (not an exception).
   */
  acquire(
    options: TenantScoped & { key: string; ttlMs: number; waitMs?: number },
  ): Promise<Lock | undefined>;
  /** Releases the lock if `lock.token` still owns it; returns whether it did. */
  release(options: TenantScoped & { lock: Lock }): Promise<boolean>;
  /** Extends a still-owned lock to `now + ttlMs`; returns the updated lock, or `undefined` when ownership was lost. */
  extend(options: TenantScoped & { lock: Lock; ttlMs: number }): Promise<Lock | undefined>;
}
