import { z } from 'zod';
import { messageChannelSchema } from './message';

const base = {
  /** Unique per intended effect; executing the same key twice has one effect. */
  idempotencyKey: z.string().min(1),
  /** CRM contact id the action applies to. */
  contactId: z.string().min(1),
};

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/** Zod schema for a CRM action, a discriminated union on `type`; names are logical, resolved via the tenant mapping. */
export const crmActionSchema = z.discriminatedUnion('type', [
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('sendMessage'),
    ...base,
    /** Channel to send on. */
    channel: messageChannelSchema,
    /** Text to send. PII-bearing; never logged. */
    body: z.string().min(1),
    /** Id of the outbound message in our conversation state (so delivery can be correlated). */
    messageId: z.string().optional(),
    /** Email subject, for `Email`. */
    subject: z.string().optional(),
  }),
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('addTags'),
    ...base,
    /** Tags to add. */
    tags: z.array(z.string().min(1)).min(1),
  }),
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('removeTags'),
    ...base,
    /** Tags to remove. */
    tags: z.array(z.string().min(1)).min(1),
  }),
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('updateCustomFields'),
    ...base,
    /** Logical field name → value; the tenant's `ghl.customFields` maps names to GHL field ids. */
    fields: z.record(z.string(), fieldValue),
  }),
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('moveOpportunityStage'),
    ...base,
    /** Logical stage name from the tenant's `ghl.pipeline.stages`. */
    stage: z.string().min(1),
    /** Opportunity to move; when omitted, the contact's open opportunity in the tenant pipeline. */
    opportunityId: z.string().optional(),
  }),
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('createOpportunity'),
    ...base,
    /** Opportunity name, e.g. `Buyer lead: 3 bd in Cedar Park`. */
    name: z.string().min(1),
    /** Logical stage name from the tenant's `ghl.pipeline.stages`. */
    stage: z.string().min(1),
    /** Expected deal value, USD. */
    monetaryValueUsd: z.number().nonnegative().optional(),
  }),
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('createAppointment'),
    ...base,
    /** ISO 8601 start with offset. */
    startTime: z.string().min(1),
    /** ISO 8601 end with offset. */
    endTime: z.string().min(1),
    /** Appointment title, e.g. `Showing: 1200 Example Trl`. */
    title: z.string().min(1),
    /** Calendar id; defaults to the tenant's `ghl.calendarId`. */
    calendarId: z.string().optional(),
    /** Free-text address or meeting location. */
    address: z.string().optional(),
  }),
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('addToWorkflow'),
    ...base,
    /** Logical workflow name from the tenant's `ghl.workflows`. */
    workflow: z.string().min(1),
  }),
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('addNote'),
    ...base,
    /** Note text (no PII beyond what the CRM already holds). */
    body: z.string().min(1),
  }),
  z.object({
    /** Action kind (the discriminator). */
    type: z.literal('setDnd'),
    ...base,
    /** Turn DND on (opt-out) or off (opt back in). */
    enabled: z.boolean(),
    /** Channels to change; all channels when omitted. */
    channels: z.array(messageChannelSchema).optional(),
  }),
]);

/** A CRM action the bots ask the CRM to perform, delivered through the outbox and `CrmGateway`. */
export type CrmAction = z.infer<typeof crmActionSchema>;

/** The `type` discriminator of a {@link CrmAction}. */
export type CrmActionType = CrmAction['type'];

/** The {@link CrmAction} variant with the given `type`. */
export type CrmActionOf<T extends CrmActionType> = Extract<CrmAction, { type: T }>;
