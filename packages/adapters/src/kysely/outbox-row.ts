import { EnterpriseHubError, outboxEntrySchema, type OutboxEntry } from '@enterprisehub/core';
import { definedFields } from './defined-fields';
import type { Selectable } from 'kysely';
import type { OutboxTable } from './database';
import type { PiiCodec } from './pii-codec';
import { toMillis, toOptionalMillis } from './store-context';
import { piiContext } from './pii-context';

/** Rebuilds and validates an outbox entry from its row (decrypting the action). @internal */
export function rowToOutboxEntry(row: Selectable<OutboxTable>, pii: PiiCodec): OutboxEntry {
  const parsed = outboxEntrySchema.safeParse(
    definedFields({
      id: row.entry_id,
      tenantId: row.tenant_id,
      contactId: row.contact_id,
      action: pii.open(row.action, 'outbox action', piiContext.outbox(row.tenant_id, row.entry_id)),
      status: row.status,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      nextAttemptAt: toMillis(row.next_attempt_at),
      leaseExpiresAt: toOptionalMillis(row.lease_expires_at),
      leaseToken: row.lease_token,
      lastError: row.last_error,
      externalId: row.external_id,
      skipReason: row.skip_reason,
      createdAt: toMillis(row.created_at),
      updatedAt: toMillis(row.updated_at),
    }),
  );
  if (!parsed.success) {
    throw new EnterpriseHubError({
      code: 'STORE_CORRUPT',
      message: 'A stored outbox entry failed validation on read.',
      cause: parsed.error,
      details: { entryId: row.entry_id },
    });
  }
  return parsed.data;
}

/** Orders entries as a claim returns them: oldest due first, then enqueue order. @internal */
export function byDueThenSeq(a: Selectable<OutboxTable>, b: Selectable<OutboxTable>): number {
  return (
    toMillis(a.next_attempt_at) - toMillis(b.next_attempt_at) || toMillis(a.seq) - toMillis(b.seq)
  );
}
