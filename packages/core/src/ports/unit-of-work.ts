import type { AuditLog } from './audit-log';
import type { ContactStore } from './contact-store';
import type { ConversationStore } from './conversation-store';
import type { Outbox } from './outbox';

/** The stores available inside a unit of work; writes through them commit together or not at all. */
export interface Transaction {
  /** Conversation state. */
  conversations: ConversationStore;
  /** Contacts. */
  contacts: ContactStore;
  /** Audit log. */
  audit: AuditLog;
  /** Outbox (enqueue CRM actions with the state that produced them). */
  outbox: Outbox;
}

/**
 * Port: a transaction seam so state + audit + outbox commit together.
 *
 * @example
 * ```ts
 * await unitOfWork.run(tenantId, async (tx) => {
 *   const result = await tx.conversations.compareAndSet({ tenantId, state, expectedVersion });
 *   if (result.kind === 'conflict') throw conflictError; // rolls everything back
 *   await tx.audit.append({ tenantId, event });
 *   await tx.outbox.enqueue({ tenantId, actions });
 * });
 * ```
 */
export interface UnitOfWork {
  /**
   * Runs `work` in one transaction scoped to `tenantId`; commits when it resolves, rolls back every write made
   * through `tx` when it throws (and rethrows). Returns what `work` returns.
   */
  run<T>(tenantId: string, work: (tx: Transaction) => Promise<T>): Promise<T>;
}
