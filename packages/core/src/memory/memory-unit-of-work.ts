/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import type { AuditLog } from '../ports/audit-log';
import type { ContactStore } from '../ports/contact-store';
import type { ConversationStore } from '../ports/conversation-store';
import type { Outbox } from '../ports/outbox';
import type { TenantScoped } from '../ports/tenant-scoped';
import type { Transaction, UnitOfWork } from '../ports/unit-of-work';
import type { MemoryAuditLog } from './memory-audit-log';
import type { MemoryContactStore } from './memory-contact-store';
import type { MemoryConversationStore } from './memory-conversation-store';
import type { MemoryOutbox } from './memory-outbox';
import { assertSameTenant, copy, throwIfAborted } from './memory-support';

/** The memory stores a {@link MemoryUnitOfWork} writes through. */
export interface MemoryUnitOfWorkOptions {
  /** The conversations store. */
  conversations: MemoryConversationStore;
  /** The contacts store. */
  contacts: MemoryContactStore;
  /** The audit store. */
  audit: MemoryAuditLog;
  /** The outbox store. */
  outbox: MemoryOutbox;
}

type Undo = () => void;

/**
 * In-memory {@link UnitOfWork}: runs of one tenant are serialised; writes apply at once and are undone in reverse
 * order when the work throws. Other readers may see writes before commit (read-uncommitted) — the SQL adapters give
 * real isolation. Outbox claim/ack/fail inside a transaction are not undone.
 */
export class MemoryUnitOfWork implements UnitOfWork {
  private readonly tails = new Map<string, Promise<void>>();

  /** Creates a unit of work over the given stores. */
  constructor(private readonly stores: MemoryUnitOfWorkOptions) {}

  /** {@inheritDoc UnitOfWork.run} */
  async run<T>(tenantId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    const previous = this.tails.get(tenantId) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(tenantId, tail);
    await previous;
    const undo: Undo[] = [];
    try {
      return await work(this.transaction(tenantId, undo));
    } catch (error) {
      for (const step of undo.reverse()) step();
      throw error;
    } finally {
      release();
      if (this.tails.get(tenantId) === tail) this.tails.delete(tenantId);
    }
  }

  private transaction(tenantId: string, undo: Undo[]): Transaction {
    const guard = (options: TenantScoped): void => {
      throwIfAborted(options.signal);
      assertSameTenant(tenantId, options.tenantId, 'transaction call');
    };
    return {
      conversations: this.conversations(guard, undo),
      contacts: this.contacts(guard, undo),
      audit: this.audit(guard, undo),
      outbox: this.outbox(guard, undo),
    };
  }

  private conversations(guard: (options: TenantScoped) => void, undo: Undo[]): ConversationStore {
    const store = this.stores.conversations;
    return {
      get: guarded(guard, (options) => store.get(options)),
      list: guarded(guard, (options) => store.list(options)),
      compareAndSet: async (options) => {
        guard(options);
        const previous = store.peek(options.tenantId, options.state.contactId);
        const result = await store.compareAndSet(options);
        if (result.kind === 'ok') {
          const writtenVersion = result.state.version;
          undo.push(() =>
            store.restore(options.tenantId, options.state.contactId, { previous, writtenVersion }),
          );
        }
        return result;
      },
      delete: async (options) => {
        guard(options);
        const previous = store.peek(options.tenantId, options.contactId);
        const deleted = await store.delete(options);
        if (deleted)
          undo.push(() =>
            store.restore(options.tenantId, options.contactId, {
              previous,
              writtenVersion: undefined,
            }),
          );
        return deleted;
      },
    };
  }

  private contacts(guard: (options: TenantScoped) => void, undo: Undo[]): ContactStore {
    const store = this.stores.contacts;
    const tracked = <
      O extends TenantScoped & ({ contactId: string } | { contact: { id: string } }),
      R,
    >(
      write: (options: O) => Promise<R>,
    ) => {
      return async (options: O): Promise<R> => {
        guard(options);
        const contactId = 'contactId' in options ? options.contactId : options.contact.id;
        const previous = store.peek(options.tenantId, contactId);
        const result = await write(options);
        undo.push(() => store.restore(options.tenantId, contactId, previous));
        return result;
      };
    };
    return {
      get: guarded(guard, (options) => store.get(options)),
      findByPhone: guarded(guard, (options) => store.findByPhone(options)),
      findByEmail: guarded(guard, (options) => store.findByEmail(options)),
      list: guarded(guard, (options) => store.list(options)),
      upsert: tracked((options) => store.upsert(options)),
      setDnd: tracked((options) => store.setDnd(options)),
      delete: tracked((options) => store.delete(options)),
    };
  }

  private audit(guard: (options: TenantScoped) => void, undo: Undo[]): AuditLog {
    const store = this.stores.audit;
    return {
      query: guarded(guard, (options) => store.query(options)),
      append: async (options) => {
        guard(options);
        const { event, created } = store.appendTracked(options.tenantId, options.event);
        if (created) undo.push(() => store.remove(options.tenantId, event.id));
        return copy(event);
      },
    };
  }

  private outbox(guard: (options: TenantScoped) => void, undo: Undo[]): Outbox {
    const store = this.stores.outbox;
    return {
      enqueue: async (options) => {
        guard(options);
        const results = store.enqueueTracked(options);
        for (const { entry, created } of results) {
          if (created) undo.push(() => store.remove(options.tenantId, entry.id));
        }
        return results.map(({ entry }) => copy(entry));
      },
      claim: (options) => store.claim(options),
      ack: guarded(guard, (options) => store.ack(options)),
      fail: guarded(guard, (options) => store.fail(options)),
      list: guarded(guard, (options) => store.list(options)),
      retryDeadLetter: guarded(guard, (options) => store.retryDeadLetter(options)),
    };
  }
}

function guarded<O extends TenantScoped, R>(
  guard: (options: TenantScoped) => void,
  call: (options: O) => Promise<R>,
): (options: O) => Promise<R> {
  return async (options) => {
    guard(options);
    return call(options);
  };
}

/**
 * Creates an in-memory unit of work over memory stores.
 *
 * @example
 * ```ts
 * const unitOfWork = createMemoryUnitOfWork({ conversations, contacts, audit, outbox });
 * await unitOfWork.run(tenantId, async (tx) => { await tx.audit.append({ tenantId, event }); });
 * ```
 */
export function createMemoryUnitOfWork(options: MemoryUnitOfWorkOptions): MemoryUnitOfWork {
  return new MemoryUnitOfWork(options);
}
