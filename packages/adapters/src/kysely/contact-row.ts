import { EnterpriseHubError, contactSchema, type Contact } from '@enterprisehub/core';
import type { Insertable, Selectable } from 'kysely';
import type { ContactsTable } from './database';
import type { PiiCodec } from './pii-codec';
import { piiContext } from './pii-context';

/** Contact fields that are PII: sealed into the `pii` column, never stored in `data`. */
export const PII_CONTACT_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'address'] as const;

const PII_FIELDS = new Set<string>(PII_CONTACT_FIELDS);

/** Splits a contact into row columns: PII sealed, everything else in `data`. @internal */
export function contactToRow(
  contact: Contact,
  pii: PiiCodec,
): Omit<Insertable<ContactsTable>, 'tenant_id' | 'contact_id' | 'phone_hash' | 'email_hash'> {
  const { tenantId: _tenant, id: _id, ...rest } = contact;
  const publicFields: Record<string, unknown> = {};
  const secretFields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    (PII_FIELDS.has(name) ? secretFields : publicFields)[name] = value;
  }
  return {
    pii:
      Object.keys(secretFields).length === 0
        ? null
        : pii.seal(secretFields, piiContext.contact(contact.tenantId, contact.id)),
    lifecycle_stage: contact.lifecycleStage,
    data: JSON.stringify(publicFields),
    created_at: contact.createdAt,
    updated_at: contact.updatedAt,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Rebuilds and validates a contact from its row; a row that fails validation throws `STORE_CORRUPT`. @internal */
export function rowToContact(row: Selectable<ContactsTable>, pii: PiiCodec): Contact {
  const secret =
    row.pii === null
      ? {}
      : asRecord(pii.open(row.pii, 'contact', piiContext.contact(row.tenant_id, row.contact_id)));
  const parsed = contactSchema.safeParse({
    ...asRecord(row.data),
    ...secret,
    tenantId: row.tenant_id,
    id: row.contact_id,
  });
  if (!parsed.success) {
    throw new EnterpriseHubError({
      code: 'STORE_CORRUPT',
      message: 'A stored contact failed validation on read.',
      cause: parsed.error,
    });
  }
  return parsed.data;
}
