/**
 * Associated-data contexts that bind each PII ciphertext to its row (tenant + record key), so a
 * ciphertext copied onto another record or tenant fails to decrypt. Ids only, never PII.
 *
 * @internal
 */
export const piiContext = {
  /** `contacts.pii` of one contact. */
  contact: (tenantId: string, contactId: string): string => `contacts:${tenantId}:${contactId}`,
  /** `conversations.pii` of one contact's conversation. */
  conversation: (tenantId: string, contactId: string): string =>
    `conversations:${tenantId}:${contactId}`,
  /** `inbox.payload` of one accepted event. */
  inbox: (tenantId: string, messageId: string): string => `inbox:${tenantId}:${messageId}`,
  /** `outbox.action` of one entry. */
  outbox: (tenantId: string, entryId: string): string => `outbox:${tenantId}:${entryId}`,
} as const;
