/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import { auditEventSchema, type AuditEvent } from '../domain/audit-event';
import type { AuditLog, AuditQuery } from '../ports/audit-log';
import type { TenantScoped } from '../ports/tenant-scoped';
import { TenantMap, assertSameTenant, copy, parseOrThrow, throwIfAborted } from './memory-support';

interface StoredEvent {
  event: AuditEvent;
  sequence: number;
}

/** Options for {@link createMemoryAuditLog}. */
export interface MemoryAuditLogOptions {
  /** Events kept per tenant; the oldest appended are dropped beyond it. Default 100,000. */
  maxEventsPerTenant?: number;
}

/** In-memory append-only {@link AuditLog} (bounded per tenant; use a SQL adapter to keep everything). */
export class MemoryAuditLog implements AuditLog {
  private readonly events = new TenantMap<StoredEvent>();
  private readonly maxEvents: number;
  private sequence = 0;

  /** Creates an empty audit log. */
  constructor(options: MemoryAuditLogOptions = {}) {
    this.maxEvents = options.maxEventsPerTenant ?? 100_000;
  }

  /** {@inheritDoc AuditLog.append} */
  async append(options: TenantScoped & { event: AuditEvent }): Promise<AuditEvent> {
    throwIfAborted(options.signal);
    return copy(this.appendTracked(options.tenantId, options.event).event);
  }

  /** {@inheritDoc AuditLog.query} */
  async query(options: AuditQuery): Promise<AuditEvent[]> {
    throwIfAborted(options.signal);
    const types = options.type === undefined ? undefined : new Set([options.type].flat());
    const { from, to } = options;
    return [...this.events.partition(options.tenantId).values()]
      .filter(
        ({ event }) => options.contactId === undefined || event.contactId === options.contactId,
      )
      .filter(({ event }) => from === undefined || event.at >= from)
      .filter(({ event }) => to === undefined || event.at < to)
      .filter(({ event }) => !types || types.has(event.type))
      .sort((a, b) => {
        const ascending = a.event.at - b.event.at || a.sequence - b.sequence;
        return options.order === 'desc' ? -ascending : ascending;
      })
      .slice(0, options.limit ?? 100)
      .map(({ event }) => copy(event));
  }

  /** Appends and reports whether a new record was created (for the memory unit of work). @internal */
  appendTracked(tenantId: string, input: AuditEvent): { event: AuditEvent; created: boolean } {
    assertSameTenant(tenantId, input.tenantId, 'audit event');
    const existing = this.events.get(tenantId, input.id);
    if (existing) return { event: existing.event, created: false };
    const event = parseOrThrow(auditEventSchema, input);
    const partition = this.events.partition(tenantId);
    partition.set(event.id, { event, sequence: ++this.sequence });
    if (partition.size > this.maxEvents) {
      const oldest = partition.keys().next();
      if (oldest.done !== true) partition.delete(oldest.value);
    }
    return { event, created: true };
  }

  /** Undo hook for the memory unit of work. @internal */
  remove(tenantId: string, id: string): void {
    this.events.delete(tenantId, id);
  }
}

/**
 * Creates an in-memory audit log.
 *
 * @example
 * ```ts
 * const audit = createMemoryAuditLog();
 * await audit.append({ tenantId, event });
 * ```
 */
export function createMemoryAuditLog(options: MemoryAuditLogOptions = {}): MemoryAuditLog {
  return new MemoryAuditLog(options);
}
