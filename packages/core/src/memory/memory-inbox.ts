/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import type { JsonValue } from '../domain/json-value';
import type { Clock } from '../ports/clock';
import type { Inbox, UnprocessedInboxEntry } from '../ports/inbox';
import type { TenantScoped } from '../ports/tenant-scoped';
import { systemClock } from '../ports/system-clock';
import { TenantMap, copy, throwIfAborted } from './memory-support';

interface SeenRecord {
  expiresAt: number | undefined;
  payload: JsonValue | undefined;
  seenAt: number;
  processed: boolean;
}

/** Options for {@link createMemoryInbox}. */
export interface MemoryInboxOptions {
  /** Time source for TTLs; default {@link systemClock}. */
  clock?: Clock;
  /** Sweep expired ids every this many `markSeen` calls; default 1000. */
  sweepEvery?: number;
}

/** In-memory {@link Inbox}: idempotency ids per tenant with TTL. */
export class MemoryInbox implements Inbox {
  private readonly seen = new TenantMap<SeenRecord>();
  private readonly clock: Clock;
  private readonly sweepEvery: number;
  private calls = 0;

  /** Creates an empty inbox. */
  constructor(options: MemoryInboxOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.sweepEvery = options.sweepEvery ?? 1000;
  }

  /** {@inheritDoc Inbox.markSeen} */
  async markSeen(
    options: TenantScoped & { id: string; ttlMs?: number; payload?: JsonValue },
  ): Promise<boolean> {
    throwIfAborted(options.signal);
    if (++this.calls % this.sweepEvery === 0) this.sweep();
    if (this.live(options.tenantId, options.id)) return false;
    const now = this.clock.now();
    this.seen.set(options.tenantId, options.id, {
      expiresAt: options.ttlMs === undefined ? undefined : now + options.ttlMs,
      payload: options.payload === undefined ? undefined : copy(options.payload),
      seenAt: now,
      processed: false,
    });
    return true;
  }

  /** {@inheritDoc Inbox.has} */
  async has(options: TenantScoped & { id: string }): Promise<boolean> {
    throwIfAborted(options.signal);
    return this.live(options.tenantId, options.id) !== undefined;
  }

  /** {@inheritDoc Inbox.getPayload} */
  async getPayload(options: TenantScoped & { id: string }): Promise<JsonValue | undefined> {
    throwIfAborted(options.signal);
    const record = this.live(options.tenantId, options.id);
    return record?.payload === undefined ? undefined : copy(record.payload);
  }

  /** {@inheritDoc Inbox.markProcessed} */
  async markProcessed(options: TenantScoped & { id: string }): Promise<void> {
    throwIfAborted(options.signal);
    const record = this.live(options.tenantId, options.id);
    if (record) record.processed = true;
  }

  /** {@inheritDoc Inbox.listUnprocessed} */
  async listUnprocessed(
    options: TenantScoped & { seenBefore: number; seenAfter?: number; limit: number },
  ): Promise<UnprocessedInboxEntry[]> {
    throwIfAborted(options.signal);
    const entries: UnprocessedInboxEntry[] = [];
    for (const [id] of this.seen.partition(options.tenantId)) {
      const record = this.live(options.tenantId, id);
      if (!record || record.processed || record.payload === undefined) continue;
      if (record.seenAt > options.seenBefore) continue;
      if (options.seenAfter !== undefined && record.seenAt <= options.seenAfter) continue;
      entries.push({ id, payload: copy(record.payload), seenAt: record.seenAt });
    }
    entries.sort((a, b) => a.seenAt - b.seenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return entries.slice(0, Math.max(0, options.limit));
  }

  private live(tenantId: string, id: string): SeenRecord | undefined {
    const record = this.seen.get(tenantId, id);
    if (!record) return undefined;
    if (record.expiresAt !== undefined && record.expiresAt <= this.clock.now()) {
      this.seen.delete(tenantId, id);
      return undefined;
    }
    return record;
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const tenantId of this.seen.tenants()) {
      for (const [id, record] of this.seen.partition(tenantId)) {
        if (record.expiresAt !== undefined && record.expiresAt <= now)
          this.seen.delete(tenantId, id);
      }
    }
  }
}

/**
 * Creates an in-memory inbox.
 *
 * @example
 * ```ts
 * const inbox = createMemoryInbox({ clock });
 * if (await inbox.markSeen({ tenantId, id: webhookId, ttlMs: 86_400_000 })) enqueue(event);
 * ```
 */
export function createMemoryInbox(options: MemoryInboxOptions = {}): MemoryInbox {
  return new MemoryInbox(options);
}
