import type {
  AuditActor,
  AuditEvent,
  Contact,
  ConversationState,
  JsonValue,
  OutboxEntry,
  TenantScoped,
} from '@enterprisehub/core';
import { KyselyAuditLog } from './kysely-audit-log';
import { KyselyContactStore } from './kysely-contact-store';
import { KyselyConversationStore } from './kysely-conversation-store';
import { rowToOutboxEntry } from './outbox-row';
import { runInTransaction } from './run-in-transaction';
import { storeCall } from './store-error';
import { toMillis, type KyselyStoreContext } from './store-context';
import { piiContext } from './pii-context';

/** Options of `exportContact` / `eraseContact`. */
export interface ContactDataRequest extends TenantScoped {
  /** Contact whose data is exported or erased. */
  contactId: string;
  /** Who asked (recorded in the audit event); default `{ kind: 'system' }`. */
  actor?: AuditActor;
  /** Correlates the audit event with the request that caused it. */
  correlationId?: string;
}

/** Everything stored about one contact, decrypted: the answer to a data-access request. */
export interface ContactExport {
  /** Tenant the data belongs to. */
  tenantId: string;
  /** Contact the export is about. */
  contactId: string;
  /** When the export was made, epoch ms. */
  exportedAt: number;
  /** Contact profile, if stored. */
  contact: Contact | undefined;
  /** Conversation state (with its recent messages), if stored. */
  conversation: ConversationState | undefined;
  /** CRM actions for the contact, any status, oldest first. */
  outbox: OutboxEntry[];
  /** Inbound events accepted for the contact (payloads whose `contactId` matches). */
  inbox: { id: string; seenAt: number; payload: JsonValue | undefined }[];
  /** Audit events about the contact, oldest first. */
  audit: AuditEvent[];
}

/** What `eraseContact` removed. */
export interface ContactErasure {
  /** Whether a contact profile was deleted. */
  contact: boolean;
  /** Whether a conversation state was deleted. */
  conversation: boolean;
  /** Outbox entries deleted (pending ones are never delivered). */
  outboxEntries: number;
  /** Inbox payloads cleared (the ids stay, so redelivered webhooks are still dropped). */
  inboxPayloads: number;
  /** Id of the `data.erased` audit event recorded in the same transaction. */
  auditEventId: string;
}

const EXPORT_LIMIT = 100_000;

/**
 * Per-contact export and erasure across every table (a right-to-access / right-to-delete
 * request). Both are audited. Erasure runs in one transaction; audit events are kept (they hold
 * ids and codes, never raw PII, and the log is append-only) and gain a `data.erased` record.
 */
export class KyselyContactData {
  readonly #context: KyselyStoreContext;

  /** Creates the service over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext) {
    this.#context = context;
  }

  /** Exports the contact's data, decrypted, and records a `data.accessed` audit event. */
  async exportContact(request: ContactDataRequest): Promise<ContactExport> {
    const { tenantId, contactId, signal } = request;
    const context = this.#context;
    return runInTransaction(context, 'contactData.export', async (trx) => {
      const scoped: KyselyStoreContext = { ...context, db: trx, scopeTenantId: tenantId };
      const contact = await new KyselyContactStore(scoped).get({ tenantId, contactId, signal });
      const conversation = await new KyselyConversationStore(scoped).get({
        tenantId,
        contactId,
        signal,
      });
      const outboxRows = await storeCall('contactData.export', () =>
        trx
          .selectFrom('outbox')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('contact_id', '=', contactId)
          .orderBy('seq')
          .execute({ signal }),
      );
      const inboxRows = await storeCall('contactData.export', () =>
        trx
          .selectFrom('inbox')
          .select(['message_id', 'seen_at', 'payload'])
          .where('tenant_id', '=', tenantId)
          .where('contact_id', '=', contactId)
          .orderBy('seen_at')
          .execute({ signal }),
      );
      const audit = await new KyselyAuditLog(scoped).query({
        tenantId,
        contactId,
        limit: EXPORT_LIMIT,
        signal,
      });
      await this.#audit(scoped, { request, type: 'data.accessed', data: { reason: 'export' } });
      return {
        tenantId,
        contactId,
        exportedAt: context.clock.now(),
        contact,
        conversation,
        outbox: outboxRows.map((row) => rowToOutboxEntry(row, context.pii)),
        inbox: inboxRows.map((row) => ({
          id: row.message_id,
          seenAt: toMillis(row.seen_at),
          payload:
            row.payload === null
              ? undefined
              : (context.pii.open(
                  row.payload,
                  'inbox payload',
                  piiContext.inbox(tenantId, row.message_id),
                ) as JsonValue),
        })),
        audit,
      };
    });
  }

  /** Erases the contact's data in one transaction and records a `data.erased` audit event. */
  async eraseContact(request: ContactDataRequest): Promise<ContactErasure> {
    const { tenantId, contactId, signal } = request;
    return runInTransaction(this.#context, 'contactData.erase', async (trx) => {
      const scoped: KyselyStoreContext = { ...this.#context, db: trx, scopeTenantId: tenantId };
      const contact = await new KyselyContactStore(scoped).delete({ tenantId, contactId, signal });
      const conversation = await new KyselyConversationStore(scoped).delete({
        tenantId,
        contactId,
        signal,
      });
      const outbox = await storeCall('contactData.erase', () =>
        trx
          .deleteFrom('outbox')
          .where('tenant_id', '=', tenantId)
          .where('contact_id', '=', contactId)
          .executeTakeFirst({ signal }),
      );
      const inbox = await storeCall('contactData.erase', () =>
        trx
          .updateTable('inbox')
          .set({ payload: null, contact_id: null })
          .where('tenant_id', '=', tenantId)
          .where('contact_id', '=', contactId)
          .executeTakeFirst({ signal }),
      );
      const erasure = {
        contact,
        conversation,
        outboxEntries: Number(outbox.numDeletedRows),
        inboxPayloads: Number(inbox.numUpdatedRows),
      };
      const event = await this.#audit(scoped, { request, type: 'data.erased', data: erasure });
      return { ...erasure, auditEventId: event.id };
    });
  }

  async #audit(
    context: KyselyStoreContext,
    {
      request,
      type,
      data,
    }: {
      request: ContactDataRequest;
      type: string;
      data: Record<string, string | number | boolean>;
    },
  ): Promise<AuditEvent> {
    return new KyselyAuditLog(context).append({
      tenantId: request.tenantId,
      event: {
        id: `aud_${globalThis.crypto.randomUUID()}`,
        tenantId: request.tenantId,
        contactId: request.contactId,
        type,
        actor: request.actor ?? { kind: 'system' },
        at: context.clock.now(),
        ...(request.correlationId === undefined ? {} : { correlationId: request.correlationId }),
        data,
      },
    });
  }
}
