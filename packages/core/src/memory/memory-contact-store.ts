/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import { contactSchema, type Contact } from '../domain/contact';
import type { MessageChannel } from '../domain/message';
import type { Clock } from '../ports/clock';
import type { ContactListOptions, ContactLookupHashes, ContactStore } from '../ports/contact-store';
import type { TenantScoped } from '../ports/tenant-scoped';
import { systemClock } from '../ports/system-clock';
import { TenantMap, assertSameTenant, copy, parseOrThrow, throwIfAborted } from './memory-support';

/** A stored contact with its blind-index hashes. @internal */
export interface MemoryContactRecord {
  contact: Contact;
  lookup: ContactLookupHashes;
}

/** Options for {@link createMemoryContactStore}. */
export interface MemoryContactStoreOptions {
  /** Time source for `updatedAt` on DND changes; default {@link systemClock}. */
  clock?: Clock;
}

/** In-memory {@link ContactStore}; keeps PII in process memory (adapters encrypt at rest). */
export class MemoryContactStore implements ContactStore {
  private readonly records = new TenantMap<MemoryContactRecord>();
  private readonly clock: Clock;

  /** Creates an empty store. */
  constructor(options: MemoryContactStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  /** {@inheritDoc ContactStore.get} */
  async get(options: TenantScoped & { contactId: string }): Promise<Contact | undefined> {
    throwIfAborted(options.signal);
    const record = this.records.get(options.tenantId, options.contactId);
    return record && copy(record.contact);
  }

  /** {@inheritDoc ContactStore.upsert} */
  async upsert(
    options: TenantScoped & { contact: Contact; lookup?: ContactLookupHashes },
  ): Promise<Contact> {
    throwIfAborted(options.signal);
    assertSameTenant(options.tenantId, options.contact.tenantId, 'contact');
    const contact = parseOrThrow(contactSchema, options.contact);
    const previous = this.records.get(options.tenantId, contact.id);
    const lookup = { ...previous?.lookup, ...options.lookup };
    this.records.set(options.tenantId, contact.id, { contact, lookup });
    return copy(contact);
  }

  /** {@inheritDoc ContactStore.findByPhone} */
  async findByPhone(options: TenantScoped & { phoneHash: string }): Promise<Contact | undefined> {
    throwIfAborted(options.signal);
    return this.find(options.tenantId, (lookup) => lookup.phoneHash === options.phoneHash);
  }

  /** {@inheritDoc ContactStore.findByEmail} */
  async findByEmail(options: TenantScoped & { emailHash: string }): Promise<Contact | undefined> {
    throwIfAborted(options.signal);
    return this.find(options.tenantId, (lookup) => lookup.emailHash === options.emailHash);
  }

  /** {@inheritDoc ContactStore.setDnd} */
  async setDnd(
    options: TenantScoped & { contactId: string; enabled: boolean; channels?: MessageChannel[] },
  ): Promise<Contact | undefined> {
    throwIfAborted(options.signal);
    const record = this.records.get(options.tenantId, options.contactId);
    if (!record) return undefined;
    const dnd = { ...record.contact.dnd };
    if (!options.channels) {
      dnd.all = options.enabled;
      if (!options.enabled) dnd.channels = [];
    } else if (options.enabled) {
      dnd.channels = [...new Set([...dnd.channels, ...options.channels])];
    } else {
      const removed = new Set(options.channels);
      dnd.channels = dnd.channels.filter((channel) => !removed.has(channel));
    }
    const contact: Contact = { ...record.contact, dnd, updatedAt: this.clock.now() };
    this.records.set(options.tenantId, contact.id, { contact, lookup: record.lookup });
    return copy(contact);
  }

  /** {@inheritDoc ContactStore.list} */
  async list(options: ContactListOptions): Promise<Contact[]> {
    throwIfAborted(options.signal);
    const { afterId, updatedSince } = options;
    return [...this.records.partition(options.tenantId).values()]
      .map((record) => record.contact)
      .filter(
        (contact) =>
          options.lifecycleStage === undefined || contact.lifecycleStage === options.lifecycleStage,
      )
      .filter((contact) => updatedSince === undefined || contact.updatedAt >= updatedSince)
      .filter((contact) => afterId === undefined || contact.id > afterId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, options.limit ?? 100)
      .map(copy);
  }

  /** {@inheritDoc ContactStore.delete} */
  async delete(options: TenantScoped & { contactId: string }): Promise<boolean> {
    throwIfAborted(options.signal);
    return this.records.delete(options.tenantId, options.contactId);
  }

  /** Raw stored record for the memory unit of work. @internal */
  peek(tenantId: string, contactId: string): MemoryContactRecord | undefined {
    return this.records.get(tenantId, contactId);
  }

  /** Undo hook for the memory unit of work. @internal */
  restore(tenantId: string, contactId: string, previous: MemoryContactRecord | undefined): void {
    if (previous) this.records.set(tenantId, contactId, previous);
    else this.records.delete(tenantId, contactId);
  }

  private find(
    tenantId: string,
    match: (lookup: ContactLookupHashes) => boolean,
  ): Contact | undefined {
    for (const record of this.records.partition(tenantId).values()) {
      if (match(record.lookup)) return copy(record.contact);
    }
    return undefined;
  }
}

/**
 * Creates an in-memory contact store.
 *
 * @example
 * ```ts
 * const contacts = createMemoryContactStore();
 * await contacts.upsert({ tenantId, contact, lookup: { phoneHash } });
 * ```
 */
export function createMemoryContactStore(
  options: MemoryContactStoreOptions = {},
): MemoryContactStore {
  return new MemoryContactStore(options);
}
