/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import { randomUUID } from 'node:crypto';
import { crmActionSchema, type CrmAction } from '../domain/crm-action';
import {
  DEFAULT_OUTBOX_MAX_ATTEMPTS,
  outboxBackoffMs,
  type OutboxEntry,
  type OutboxStatus,
} from '../domain/outbox-entry';
import type { Clock } from '../ports/clock';
import type { Outbox, OutboxClaimOptions, OutboxFailure } from '../ports/outbox';
import type { TenantScoped } from '../ports/tenant-scoped';
import { systemClock } from '../ports/system-clock';
import { TenantMap, copy, parseOrThrow, throwIfAborted } from './memory-support';

/** Options for {@link createMemoryOutbox}. */
export interface MemoryOutboxOptions {
  /** Time source; default {@link systemClock}. */
  clock?: Clock;
  /** Retry delay after `attempts` failed attempts; default {@link outboxBackoffMs}. */
  backoffMs?: (attempts: number) => number;
  /**
   * How long delivered and skipped entries are kept (for `list` and idempotency), ms; default 24 h. Older ones are
   * pruned, after which the same idempotency key may be enqueued again.
   */
  retainCompletedMs?: number;
}

/** In-memory {@link Outbox} with leases, backoff and dead-lettering. */
export class MemoryOutbox implements Outbox {
  private readonly entries = new TenantMap<OutboxEntry>();
  private readonly byKey = new TenantMap<string>();
  /** Pending and in-flight entries only: what `claim` scans. */
  private readonly open = new TenantMap<OutboxEntry>();
  private readonly retainCompletedMs: number;
  private enqueues = 0;
  private readonly clock: Clock;
  private readonly backoffMs: (attempts: number) => number;

  /** Creates an empty outbox. */
  constructor(options: MemoryOutboxOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.backoffMs = options.backoffMs ?? outboxBackoffMs;
    this.retainCompletedMs = options.retainCompletedMs ?? 86_400_000;
  }

  /** {@inheritDoc Outbox.enqueue} */
  async enqueue(
    options: TenantScoped & { actions: CrmAction[]; maxAttempts?: number; availableAt?: number },
  ): Promise<OutboxEntry[]> {
    throwIfAborted(options.signal);
    return this.enqueueTracked(options).map(({ entry }) => copy(entry));
  }

  /** {@inheritDoc Outbox.claim} */
  async claim(options: OutboxClaimOptions): Promise<OutboxEntry[]> {
    throwIfAborted(options.signal);
    const now = this.clock.now();
    const tenants =
      options.tenantIds === undefined || options.tenantIds === 'all'
        ? this.open.tenants()
        : options.tenantIds;
    const due: OutboxEntry[] = [];
    for (const tenantId of tenants) {
      for (const entry of this.open.partition(tenantId).values()) {
        if (entry.status === 'pending' && entry.nextAttemptAt <= now) due.push(entry);
        if (entry.status === 'in_flight' && (entry.leaseExpiresAt ?? 0) <= now)
          this.expireLease(entry, now, due);
      }
    }
    due.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt);
    return due.slice(0, Math.max(0, options.limit)).map((entry) => {
      const leased: OutboxEntry = {
        ...entry,
        status: 'in_flight',
        attempts: entry.attempts + 1,
        leaseToken: randomUUID(),
        leaseExpiresAt: now + options.leaseMs,
        updatedAt: now,
      };
      this.save(leased);
      return copy(leased);
    });
  }

  /** {@inheritDoc Outbox.ack} */
  async ack(
    options: TenantScoped & {
      id: string;
      leaseToken: string;
      externalId?: string;
      skipReason?: string;
    },
  ): Promise<boolean> {
    throwIfAborted(options.signal);
    const entry = this.leased(options.tenantId, options.id, options.leaseToken);
    if (!entry) return false;
    const { leaseToken: _token, leaseExpiresAt: _expires, ...rest } = entry;
    const done: OutboxEntry = {
      ...rest,
      status: options.skipReason === undefined ? 'delivered' : 'skipped',
      updatedAt: this.clock.now(),
      ...(options.externalId === undefined ? {} : { externalId: options.externalId }),
      ...(options.skipReason === undefined ? {} : { skipReason: options.skipReason }),
    };
    this.save(done);
    return true;
  }

  /** {@inheritDoc Outbox.fail} */
  async fail(
    options: TenantScoped & { id: string; leaseToken: string; error: OutboxFailure },
  ): Promise<OutboxEntry | undefined> {
    throwIfAborted(options.signal);
    const entry = this.leased(options.tenantId, options.id, options.leaseToken);
    if (!entry) return undefined;
    const now = this.clock.now();
    const { leaseToken: _token, leaseExpiresAt: _expires, ...rest } = entry;
    const dead = !options.error.retryable || entry.attempts >= entry.maxAttempts;
    const failed: OutboxEntry = {
      ...rest,
      status: dead ? 'dead' : 'pending',
      nextAttemptAt: dead
        ? entry.nextAttemptAt
        : now + (options.error.retryAfterMs ?? this.backoffMs(entry.attempts)),
      lastError: { code: options.error.code, message: options.error.message },
      updatedAt: now,
    };
    this.save(failed);
    return copy(failed);
  }

  /** {@inheritDoc Outbox.list} */
  async list(
    options: TenantScoped & { contactId?: string; status?: OutboxStatus; limit?: number },
  ): Promise<OutboxEntry[]> {
    throwIfAborted(options.signal);
    return [...this.entries.partition(options.tenantId).values()]
      .filter((entry) => options.contactId === undefined || entry.contactId === options.contactId)
      .filter((entry) => options.status === undefined || entry.status === options.status)
      .sort((a, b) => a.createdAt - b.createdAt)
      .slice(0, options.limit ?? 100)
      .map(copy);
  }

  /** {@inheritDoc Outbox.retryDeadLetter} */
  async retryDeadLetter(options: TenantScoped & { id: string }): Promise<boolean> {
    throwIfAborted(options.signal);
    const entry = this.entries.get(options.tenantId, options.id);
    if (entry?.status !== 'dead') return false;
    const now = this.clock.now();
    this.save({
      ...entry,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      updatedAt: now,
    });
    return true;
  }

  /** Enqueues and reports which entries were created (for the memory unit of work). @internal */
  enqueueTracked(
    options: TenantScoped & { actions: CrmAction[]; maxAttempts?: number; availableAt?: number },
  ): { entry: OutboxEntry; created: boolean }[] {
    const actions = options.actions.map((action) => parseOrThrow(crmActionSchema, action));
    const now = this.clock.now();
    if (++this.enqueues % 500 === 0) this.pruneCompleted(now);
    return actions.map((action) => {
      const existingId = this.byKey.get(options.tenantId, action.idempotencyKey);
      const existing =
        existingId === undefined ? undefined : this.entries.get(options.tenantId, existingId);
      if (existing) return { entry: existing, created: false };
      const entry: OutboxEntry = {
        id: `obx_${randomUUID()}`,
        tenantId: options.tenantId,
        contactId: action.contactId,
        action,
        status: 'pending',
        attempts: 0,
        maxAttempts: options.maxAttempts ?? DEFAULT_OUTBOX_MAX_ATTEMPTS,
        nextAttemptAt: options.availableAt ?? now,
        createdAt: now,
        updatedAt: now,
      };
      this.save(entry);
      this.byKey.set(options.tenantId, action.idempotencyKey, entry.id);
      return { entry, created: true };
    });
  }

  /** Undo hook for the memory unit of work. @internal */
  remove(tenantId: string, id: string): void {
    const entry = this.entries.get(tenantId, id);
    if (!entry) return;
    this.entries.delete(tenantId, id);
    this.open.delete(tenantId, id);
    this.byKey.delete(tenantId, entry.action.idempotencyKey);
  }

  private save(entry: OutboxEntry): void {
    this.entries.set(entry.tenantId, entry.id, entry);
    if (entry.status === 'pending' || entry.status === 'in_flight') {
      this.open.set(entry.tenantId, entry.id, entry);
    } else {
      this.open.delete(entry.tenantId, entry.id);
    }
  }

  private pruneCompleted(now: number): void {
    const cutoff = now - this.retainCompletedMs;
    for (const tenantId of this.entries.tenants()) {
      for (const entry of this.entries.partition(tenantId).values()) {
        const completed = entry.status === 'delivered' || entry.status === 'skipped';
        if (completed && entry.updatedAt < cutoff) this.remove(tenantId, entry.id);
      }
    }
  }

  private leased(tenantId: string, id: string, leaseToken: string): OutboxEntry | undefined {
    const entry = this.entries.get(tenantId, id);
    if (entry?.status !== 'in_flight' || entry.leaseToken !== leaseToken) return undefined;
    return entry;
  }

  private expireLease(entry: OutboxEntry, now: number, due: OutboxEntry[]): void {
    if (entry.attempts < entry.maxAttempts) {
      due.push(entry);
      return;
    }
    const { leaseToken: _token, leaseExpiresAt: _expires, ...rest } = entry;
    const lastError = {
      code: 'OUTBOX_LEASE_LOST',
      message: 'The delivery lease expired on the last attempt.',
    };
    this.save({
      ...rest,
      status: 'dead',
      lastError,
      updatedAt: now,
    });
  }
}

/**
 * Creates an in-memory outbox.
 *
 * @example
 * ```ts
 * const outbox = createMemoryOutbox({ clock });
 * const [entry] = await outbox.claim({ limit: 10, leaseMs: 30_000 });
 * ```
 */
export function createMemoryOutbox(options: MemoryOutboxOptions = {}): MemoryOutbox {
  return new MemoryOutbox(options);
}
