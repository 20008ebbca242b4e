import {
  EnterpriseHubError,
  MAX_CONVERSATION_MESSAGES,
  conversationStateSchema,
  type ConversationState,
} from '@enterprisehub/core';
import type { Insertable, Selectable } from 'kysely';
import type { ConversationsTable } from './database';
import type { PiiCodec } from './pii-codec';
import { piiContext } from './pii-context';

/** Lead facts that repeat PII (or free text that may): stored inside the encrypted column, never in `data`. */
export const PII_FACT_NAMES = [
  'phone',
  'email',
  'propertyAddress',
  'motivation',
  'lender',
] as const;

const PII_FACTS = new Set<string>(PII_FACT_NAMES);

/** Splits a state into row columns: messages and PII facts sealed, everything else in `data`. @internal */
export function conversationToRow(
  state: ConversationState,
  pii: PiiCodec,
): Omit<Insertable<ConversationsTable>, 'tenant_id' | 'contact_id' | 'version'> {
  const {
    tenantId: _tenant,
    contactId: _contact,
    version: _version,
    messages,
    facts,
    ...rest
  } = state;
  const publicFacts: Record<string, unknown> = {};
  const secretFacts: Record<string, unknown> = {};
  for (const [name, fact] of Object.entries(facts)) {
    if (fact === undefined) continue;
    (PII_FACTS.has(name) ? secretFacts : publicFacts)[name] = fact;
  }
  const trimmed = messages.slice(-MAX_CONVERSATION_MESSAGES);
  return {
    active_bot: state.activeBot,
    stage: state.stage,
    pii: pii.seal(
      { messages: trimmed, facts: secretFacts },
      piiContext.conversation(state.tenantId, state.contactId),
    ),
    data: JSON.stringify({ ...rest, facts: publicFacts }),
    created_at: state.createdAt,
    updated_at: state.updatedAt,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Rebuilds and validates a state from its row; a row that fails validation throws `STORE_CORRUPT`. @internal */
export function rowToConversation(
  row: Selectable<ConversationsTable>,
  pii: PiiCodec,
): ConversationState {
  const data = asRecord(row.data);
  const secret = asRecord(
    pii.open(row.pii, 'conversation', piiContext.conversation(row.tenant_id, row.contact_id)),
  );
  const parsed = conversationStateSchema.safeParse({
    ...data,
    facts: { ...asRecord(data['facts']), ...asRecord(secret['facts']) },
    messages: secret['messages'],
    tenantId: row.tenant_id,
    contactId: row.contact_id,
    version: row.version,
  });
  if (!parsed.success) {
    throw new EnterpriseHubError({
      code: 'STORE_CORRUPT',
      message: 'A stored conversation failed validation on read.',
      cause: parsed.error,
      details: { version: row.version },
    });
  }
  return parsed.data;
}
