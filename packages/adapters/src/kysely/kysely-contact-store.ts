import {
  contactSchema,
  toEnterpriseHubError,
  type Contact,
  type ContactListOptions,
  type ContactLookupHashes,
  type ContactStore,
  type MessageChannel,
  type TenantScoped,
} from '@enterprisehub/core';
import { contactToRow, rowToContact } from './contact-row';
import { storeCall } from './store-error';
import { assertRecordTenant, assertScope, type KyselyStoreContext } from './store-context';

/** Applies a DND change: no channels = all channels; returns the new settings. @internal */
export function applyDnd(
  current: Contact['dnd'],
  enabled: boolean,
  channels?: MessageChannel[],
): Contact['dnd'] {
  if (channels === undefined)
    return enabled ? { all: true, channels: current.channels } : { all: false, channels: [] };
  const next = new Set(current.channels);
  for (const channel of channels) {
    if (enabled) next.add(channel);
    else next.delete(channel);
  }
  return { all: current.all, channels: [...next] };
}

/**
 * `ContactStore` on Kysely: names, phone, email (and address) sealed in one ciphertext
 * column; `phone_hash` / `email_hash` blind indexes answer `findByPhone` / `findByEmail`.
 */
export class KyselyContactStore implements ContactStore {
  readonly #context: KyselyStoreContext;

  /** Creates the store over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext) {
    this.#context = context;
  }

  /** The contact, decrypted, or `undefined` (`ContactStore.get`). */
  async get(options: TenantScoped & { contactId: string }): Promise<Contact | undefined> {
    assertScope(this.#context, options.tenantId);
    return storeCall('contacts.get', async () => {
      const row = await this.#context.db
        .selectFrom('contacts')
        .selectAll()
        .where('tenant_id', '=', options.tenantId)
        .where('contact_id', '=', options.contactId)
        .executeTakeFirst({ signal: options.signal });
      return row === undefined ? undefined : rowToContact(row, this.#context.pii);
    });
  }

  /** Inserts or replaces the contact, sealing its PII; lookup hashes given win over stored ones, which win over keyring-derived ones (`ContactStore.upsert`). */
  async upsert(
    options: TenantScoped & { contact: Contact; lookup?: ContactLookupHashes },
  ): Promise<Contact> {
    const { tenantId, signal } = options;
    assertScope(this.#context, tenantId);
    assertRecordTenant(options.contact.tenantId, tenantId, 'contact');
    const parsed = contactSchema.safeParse({ ...options.contact, tenantId });
    if (!parsed.success) throw toEnterpriseHubError(parsed.error);
    const contact = parsed.data;
    // Precedence per hash: given in `lookup` > already stored > derived from the keyring.
    const given = options.lookup ?? {};
    const derived = this.#context.lookupHashes?.(contact) ?? {};
    const columns = contactToRow(contact, this.#context.pii);
    await storeCall('contacts.upsert', () =>
      this.#context.db
        .insertInto('contacts')
        .values({
          ...columns,
          tenant_id: tenantId,
          contact_id: contact.id,
          phone_hash: given.phoneHash ?? derived.phoneHash ?? null,
          email_hash: given.emailHash ?? derived.emailHash ?? null,
        })
        .onConflict((conflict) =>
          conflict.columns(['tenant_id', 'contact_id']).doUpdateSet((eb) => ({
            ...columns,
            phone_hash:
              given.phoneHash === undefined
                ? eb.fn.coalesce('contacts.phone_hash', 'excluded.phone_hash')
                : eb.ref('excluded.phone_hash'),
            email_hash:
              given.emailHash === undefined
                ? eb.fn.coalesce('contacts.email_hash', 'excluded.email_hash')
                : eb.ref('excluded.email_hash'),
          })),
        )
        .execute({ signal }),
    );
    return contact;
  }

  /** The contact whose phone blind index equals `phoneHash`, or `undefined` (`ContactStore.findByPhone`). */
  async findByPhone(options: TenantScoped & { phoneHash: string }): Promise<Contact | undefined> {
    return this.#findBy('phone_hash', options.phoneHash, options);
  }

  /** The contact whose email blind index equals `emailHash`, or `undefined` (`ContactStore.findByEmail`). */
  async findByEmail(options: TenantScoped & { emailHash: string }): Promise<Contact | undefined> {
    return this.#findBy('email_hash', options.emailHash, options);
  }

  /** Turns DND on or off, globally or per channel, under a row lock; `undefined` for an unknown contact (`ContactStore.setDnd`). */
  async setDnd(
    options: TenantScoped & { contactId: string; enabled: boolean; channels?: MessageChannel[] },
  ): Promise<Contact | undefined> {
    const { tenantId, contactId, signal } = options;
    assertScope(this.#context, tenantId);
    return storeCall('contacts.setDnd', async () => {
      const work = async (db: KyselyStoreContext['db']): Promise<Contact | undefined> => {
        const row = await db
          .selectFrom('contacts')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('contact_id', '=', contactId)
          .forUpdate()
          .executeTakeFirst({ signal });
        if (row === undefined) return undefined;
        const current = rowToContact(row, this.#context.pii);
        const next: Contact = {
          ...current,
          dnd: applyDnd(current.dnd, options.enabled, options.channels),
          updatedAt: this.#context.clock.now(),
        };
        const { data, updated_at } = contactToRow(next, this.#context.pii);
        await db
          .updateTable('contacts')
          .set({ data, updated_at })
          .where('tenant_id', '=', tenantId)
          .where('contact_id', '=', contactId)
          .execute({ signal });
        return next;
      };
      const db = this.#context.db;
      return db.isTransaction ? work(db) : db.transaction().execute(work);
    });
  }

  /** The tenant's contacts matching the filters, by id (`ContactStore.list`). */
  async list(options: ContactListOptions): Promise<Contact[]> {
    assertScope(this.#context, options.tenantId);
    return storeCall('contacts.list', async () => {
      let query = this.#context.db
        .selectFrom('contacts')
        .selectAll()
        .where('tenant_id', '=', options.tenantId);
      if (options.lifecycleStage !== undefined)
        query = query.where('lifecycle_stage', '=', options.lifecycleStage);
      if (options.updatedSince !== undefined)
        query = query.where('updated_at', '>=', options.updatedSince);
      if (options.afterId !== undefined) query = query.where('contact_id', '>', options.afterId);
      const rows = await query
        .orderBy('contact_id')
        .limit(options.limit ?? 100)
        .execute({ signal: options.signal });
      return rows.map((row) => rowToContact(row, this.#context.pii));
    });
  }

  /** Deletes the contact; returns whether one existed (`ContactStore.delete`). */
  async delete(options: TenantScoped & { contactId: string }): Promise<boolean> {
    assertScope(this.#context, options.tenantId);
    return storeCall('contacts.delete', async () => {
      const result = await this.#context.db
        .deleteFrom('contacts')
        .where('tenant_id', '=', options.tenantId)
        .where('contact_id', '=', options.contactId)
        .executeTakeFirst({ signal: options.signal });
      return result.numDeletedRows > 0n;
    });
  }

  async #findBy(
    column: 'phone_hash' | 'email_hash',
    hash: string,
    options: TenantScoped,
  ): Promise<Contact | undefined> {
    assertScope(this.#context, options.tenantId);
    return storeCall(`contacts.findBy${column === 'phone_hash' ? 'Phone' : 'Email'}`, async () => {
      const row = await this.#context.db
        .selectFrom('contacts')
        .selectAll()
        .where('tenant_id', '=', options.tenantId)
        .where(column, '=', hash)
        .orderBy('updated_at', 'desc')
        .orderBy('contact_id')
        .limit(1)
        .executeTakeFirst({ signal: options.signal });
      return row === undefined ? undefined : rowToContact(row, this.#context.pii);
    });
  }
}
