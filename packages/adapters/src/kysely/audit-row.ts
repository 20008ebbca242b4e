import { EnterpriseHubError, auditEventSchema, type AuditEvent } from '@enterprisehub/core';
import { definedFields } from './defined-fields';
import type { Insertable, Selectable } from 'kysely';
import type { AuditLogTable } from './database';
import { toMillis } from './store-context';

/** Row values of an audit event (its data stays clear: audit data holds ids and codes, never raw PII). @internal */
export function auditToRow(event: AuditEvent): Insertable<AuditLogTable> {
  return {
    tenant_id: event.tenantId,
    event_id: event.id,
    contact_id: event.contactId ?? null,
    type: event.type,
    actor: JSON.stringify(event.actor),
    bot: event.bot ?? null,
    at: event.at,
    correlation_id: event.correlationId ?? null,
    data: JSON.stringify(event.data),
  };
}

/** Rebuilds and validates an audit event from its row. @internal */
export function rowToAudit(row: Selectable<AuditLogTable>): AuditEvent {
  const parsed = auditEventSchema.safeParse(
    definedFields({
      id: row.event_id,
      tenantId: row.tenant_id,
      contactId: row.contact_id,
      type: row.type,
      actor: row.actor,
      bot: row.bot,
      at: toMillis(row.at),
      correlationId: row.correlation_id,
      data: row.data,
    }),
  );
  if (!parsed.success) {
    throw new EnterpriseHubError({
      code: 'STORE_CORRUPT',
      message: 'A stored audit event failed validation on read.',
      cause: parsed.error,
      details: { eventId: row.event_id },
    });
  }
  return parsed.data;
}
