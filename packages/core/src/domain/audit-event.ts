import { z } from 'zod';
import { botNameSchema } from './bot-name';
import { jsonObjectSchema } from './json-value';

/** Well-known audit event types; others are allowed if they match `area.verb` in lower snake case. */
export const AUDIT_EVENT_TYPES = [
  'bot.decision',
  'handoff.completed',
  'handoff.blocked',
  'compliance.blocked',
  'compliance.rewritten',
  'compliance.deferred',
  'contact.opted_out',
  'contact.escalated',
  'data.accessed',
  'llm.called',
  'crm.action_enqueued',
  'admin.action',
] as const;

/** Zod schema for the actor behind an audit event. */
export const auditActorSchema = z.object({
  /** Kind of actor. */
  kind: z.enum(['bot', 'system', 'user', 'lead', 'api_key']),
  /** Non-PII identifier (bot name, user id, API key id). */
  id: z.string().optional(),
});

/** Who caused an audit event. */
export type AuditActor = z.infer<typeof auditActorSchema>;

/** Zod schema for one append-only audit record. */
export const auditEventSchema = z.object({
  /** Unique id; appending the same id twice stores one record. */
  id: z.string().min(1),
  /** Owning tenant. */
  tenantId: z.string().min(1),
  /** Contact concerned, if any. */
  contactId: z.string().optional(),
  /** Event type, e.g. `bot.decision` (see {@link AUDIT_EVENT_TYPES}). */
  type: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/),
  /** Who did it. */
  actor: auditActorSchema,
  /** Bot involved, if any. */
  bot: botNameSchema.optional(),
  /** When it happened, epoch ms. */
  at: z.number().int().nonnegative(),
  /** Correlates records of one inbound message / request. */
  correlationId: z.string().optional(),
  /** Structured details (no raw PII: ids, codes, reasons, scores). */
  data: jsonObjectSchema.default({}),
});

/** One append-only audit record: a bot decision, handoff, data access, compliance block, … */
export type AuditEvent = z.infer<typeof auditEventSchema>;
