import type { z } from 'zod';
import {
  appointmentCreateEventSchema,
  appointmentUpdateEventSchema,
  contactCreateEventSchema,
  contactDeleteEventSchema,
  contactDndUpdateEventSchema,
  contactTagUpdateEventSchema,
  contactUpdateEventSchema,
  opportunityCreateEventSchema,
  opportunityStageUpdateEventSchema,
  opportunityStatusUpdateEventSchema,
  type AppointmentCreateEvent,
  type AppointmentUpdateEvent,
  type ContactCreateEvent,
  type ContactDeleteEvent,
  type ContactDndUpdateEvent,
  type ContactTagUpdateEvent,
  type ContactUpdateEvent,
  type OpportunityCreateEvent,
  type OpportunityStageUpdateEvent,
  type OpportunityStatusUpdateEvent,
} from './webhook-crm-events';
import {
  inboundMessageEventSchema,
  outboundMessageEventSchema,
  type InboundMessageEvent,
  type OutboundMessageEvent,
} from './webhook-message-event';

const SCHEMAS = {
  InboundMessage: inboundMessageEventSchema,
  OutboundMessage: outboundMessageEventSchema,
  ContactCreate: contactCreateEventSchema,
  ContactUpdate: contactUpdateEventSchema,
  ContactDelete: contactDeleteEventSchema,
  ContactDndUpdate: contactDndUpdateEventSchema,
  ContactTagUpdate: contactTagUpdateEventSchema,
  AppointmentCreate: appointmentCreateEventSchema,
  AppointmentUpdate: appointmentUpdateEventSchema,
  OpportunityCreate: opportunityCreateEventSchema,
  OpportunityStatusUpdate: opportunityStatusUpdateEventSchema,
  OpportunityStageUpdate: opportunityStageUpdateEventSchema,
} as const satisfies Record<KnownWebhookEventType, z.ZodType>;

/** A webhook of one of the event types {@link parseWebhookEvent} models. */
export type KnownWebhookEvent =
  | InboundMessageEvent
  | OutboundMessageEvent
  | ContactCreateEvent
  | ContactUpdateEvent
  | ContactDeleteEvent
  | ContactDndUpdateEvent
  | ContactTagUpdateEvent
  | AppointmentCreateEvent
  | AppointmentUpdateEvent
  | OpportunityCreateEvent
  | OpportunityStatusUpdateEvent
  | OpportunityStageUpdateEvent;

/** The GHL webhook event types {@link parseWebhookEvent} understands. */
export type KnownWebhookEventType = KnownWebhookEvent['type'];

/** The webhook event types {@link parseWebhookEvent} understands, as a list. */
export const KNOWN_WEBHOOK_EVENT_TYPES = Object.keys(SCHEMAS) as readonly KnownWebhookEventType[];

/** A webhook of a type we do not model (`NoteCreate`, `INSTALL`, …), passed through untouched. */
export interface UnknownWebhookEvent {
  type: 'unknown';
  /** The body's `type`, when it had one. */
  eventType: string | undefined;
  /** The body's `locationId`, when it had one. */
  locationId: string | undefined;
  /** The whole body. */
  payload: Record<string, unknown>;
}

/** A webhook of a known type whose body misses or mistypes required fields, or a body that is no JSON object. */
export interface InvalidWebhookEvent {
  type: 'invalid';
  /** The body's `type`, when it had one. */
  eventType: string | undefined;
  /** Field paths that failed, e.g. `contactId: expected string`; never field values. */
  issues: string[];
}

/** A parsed GHL webhook: one of the known events (discriminated on `type`), `unknown` or `invalid`. */
export type GhlWebhookEvent =
  | KnownWebhookEvent
  | UnknownWebhookEvent
  | InvalidWebhookEvent;

const isKnown = (type: string): type is KnownWebhookEventType => Object.hasOwn(SCHEMAS, type);

/**
 * Parses a GHL webhook body (already JSON-parsed, e.g. `verifyWebhookSignature(...).payload`) into a
 * discriminated union on `type`. Lenient, as GHL's own samples are inconsistent: unknown extra fields are
 * kept, unknown event types come back as `{ type: 'unknown' }`, and malformed bodies as
 * `{ type: 'invalid', issues }`. Never throws.
 *
 * @example
 * ```ts
 * const event = parseWebhookEvent(payload);
 * if (event.type === 'InboundMessage' && event.fromContact) await handle(event.contactId, event.body);
 * ```
 */
export function parseWebhookEvent(json: unknown): GhlWebhookEvent {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { type: 'invalid', eventType: undefined, issues: ['(root): expected a JSON object'] };
  }
  const payload = json as Record<string, unknown>;
  const eventType = typeof payload['type'] === 'string' ? payload['type'] : undefined;
  if (eventType === undefined || !isKnown(eventType)) {
    const locationId = typeof payload['locationId'] === 'string' ? payload['locationId'] : undefined;
    return { type: 'unknown', eventType, locationId, payload };
  }
  const result = SCHEMAS[eventType].safeParse(payload);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`);
  return { type: 'invalid', eventType, issues: [...new Set(issues)] };
}
