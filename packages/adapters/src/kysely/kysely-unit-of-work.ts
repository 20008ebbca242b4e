import type { Transaction, UnitOfWork } from '@enterprisehub/core';
import { KyselyAuditLog } from './kysely-audit-log';
import { KyselyContactStore } from './kysely-contact-store';
import { KyselyConversationStore } from './kysely-conversation-store';
import { KyselyOutbox } from './kysely-outbox';
import { runInTransaction } from './run-in-transaction';
import type { KyselyStoreContext } from './store-context';

/** The stores a {@link KyselyUnitOfWork} hands to its work: the core transaction stores, Kysely-typed. */
export interface KyselyTransaction extends Transaction {
  /** Conversation state, inside the transaction. */
  conversations: KyselyConversationStore;
  /** Contacts, inside the transaction. */
  contacts: KyselyContactStore;
  /** Audit log, inside the transaction. */
  audit: KyselyAuditLog;
  /** Outbox, inside the transaction. */
  outbox: KyselyOutbox;
}

/**
 * `UnitOfWork` on Kysely: one database transaction for state + audit + outbox. The stores
 * handed to `work` are bound to that transaction and to `tenantId` (a call for another tenant
 * throws `TENANT_MISMATCH`); when `work` throws, every write is rolled back and the error rethrown.
 * Inside `work`, use only the `tx` stores: on PGlite the transaction holds the single session.
 */
export class KyselyUnitOfWork implements UnitOfWork {
  readonly #context: KyselyStoreContext;

  /** Creates the unit of work over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext) {
    this.#context = context;
  }

  /** Runs `work` in one transaction bound to `tenantId`; commits on success, rolls back and rethrows on error (`UnitOfWork.run`). */
  async run<T>(tenantId: string, work: (tx: KyselyTransaction) => Promise<T>): Promise<T> {
    return runInTransaction(this.#context, 'unitOfWork.run', (trx) => {
      const context: KyselyStoreContext = { ...this.#context, db: trx, scopeTenantId: tenantId };
      return work({
        conversations: new KyselyConversationStore(context),
        contacts: new KyselyContactStore(context),
        audit: new KyselyAuditLog(context),
        outbox: new KyselyOutbox(context),
      });
    });
  }
}
