import type { Contact, LifecycleStage } from '../domain/contact';
import type { MessageChannel } from '../domain/message';
import type { TenantScoped } from './tenant-scoped';

/** Blind-index hashes (HMAC of the normalised value) used to find a contact by phone or email without decrypting. */
export interface ContactLookupHashes {
  /** Blind index of the E.164 phone. */
  phoneHash?: string;
  /** Blind index of the normalised email. */
  emailHash?: string;
}

/** Filters for {@link ContactStore.list}. */
export interface ContactListOptions extends TenantScoped {
  /** Only contacts in this lifecycle stage. */
  lifecycleStage?: LifecycleStage;
  /** Only contacts updated at or after this time, epoch ms. */
  updatedSince?: number;
  /** Maximum results; default 100. Ordered by contact id. */
  limit?: number;
  /** Return contacts with ids strictly greater than this (pagination). */
  afterId?: string;
}

/**
 * Port: contact profiles per tenant. Adapters encrypt PII (phone, email, names) at rest; lookup by phone/email goes
 * through blind-index hashes computed by the caller, so the store never needs plaintext to search.
 */
export interface ContactStore {
  /** The contact, or `undefined`. */
  get(options: TenantScoped & { contactId: string }): Promise<Contact | undefined>;
  /**
   * Inserts or replaces the contact (keyed by `contact.id`) and its lookup hashes; returns it as stored.
   * Throws `TENANT_MISMATCH` when `contact.tenantId` differs from `tenantId`.
   */
  upsert(
    options: TenantScoped & { contact: Contact; lookup?: ContactLookupHashes },
  ): Promise<Contact>;
  /** The contact whose phone blind index equals `phoneHash`, or `undefined`. */
  findByPhone(options: TenantScoped & { phoneHash: string }): Promise<Contact | undefined>;
  /** The contact whose email blind index equals `emailHash`, or `undefined`. */
  findByEmail(options: TenantScoped & { emailHash: string }): Promise<Contact | undefined>;
  /**
   * Turns DND on or off for all channels (no `channels`) or the given channels; returns the updated contact or
   * `undefined` when it does not exist. Idempotent.
   */
  setDnd(
    options: TenantScoped & { contactId: string; enabled: boolean; channels?: MessageChannel[] },
  ): Promise<Contact | undefined>;
  /** Lists the tenant's contacts matching the filters. */
  list(options: ContactListOptions): Promise<Contact[]>;
  /** Deletes a contact and its lookup hashes (erasure requests); returns whether one existed. */
  delete(options: TenantScoped & { contactId: string }): Promise<boolean>;
}
