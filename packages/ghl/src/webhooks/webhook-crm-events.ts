import { z } from 'zod';

/** Accepts the value, `null` or nothing; `null` becomes `undefined` (GHL sends both for "no value"). */
const lenient = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

const stamp = { timestamp: lenient(z.string()), webhookId: lenient(z.string()) };

const dndSetting = z.object({ status: lenient(z.string()), message: lenient(z.string()), code: lenient(z.string()) }).loose();

const contactFields = {
  locationId: z.string().min(1),
  /** The contact id. */
  id: z.string().min(1),
  firstName: lenient(z.string()),
  lastName: lenient(z.string()),
  name: lenient(z.string()),
  email: lenient(z.string()),
  phone: lenient(z.string()),
  companyName: lenient(z.string()),
  source: lenient(z.string()),
  dateAdded: lenient(z.string()),
  dnd: lenient(z.boolean()),
  /** Per channel (`SMS`, `Email`, `Call`, `WhatsApp`, `GMB`, `FB`): `{ status: active|inactive|permanent }`. */
  dndSettings: lenient(z.record(z.string(), dndSetting)),
  /** The whole tag list (not a diff). */
  tags: lenient(z.array(z.string())),
  assignedTo: lenient(z.string()),
  customFields: lenient(z.array(z.object({ id: z.string(), value: z.unknown() }).loose())),
  ...stamp,
};

const contactEvent = <T extends string>(type: T) => z.object({ type: z.literal(type), ...contactFields }).loose();

/** Zod schema for a `ContactCreate` webhook. */
export const contactCreateEventSchema = contactEvent('ContactCreate');
/** Zod schema for a `ContactUpdate` webhook. */
export const contactUpdateEventSchema = contactEvent('ContactUpdate');
/** Zod schema for a `ContactDelete` webhook. */
export const contactDeleteEventSchema = contactEvent('ContactDelete');
/** Zod schema for a `ContactDndUpdate` webhook (carries `dnd` and `dndSettings`). */
export const contactDndUpdateEventSchema = contactEvent('ContactDndUpdate');
/** Zod schema for a `ContactTagUpdate` webhook (carries the whole tag list). */
export const contactTagUpdateEventSchema = contactEvent('ContactTagUpdate');

const appointment = z
  .object({
    id: z.string().min(1),
    calendarId: lenient(z.string()),
    contactId: lenient(z.string()),
    groupId: lenient(z.string()),
    title: lenient(z.string()),
    address: lenient(z.string()),
    appointmentStatus: lenient(z.string()),
    assignedUserId: lenient(z.string()),
    users: lenient(z.array(z.string())),
    notes: lenient(z.string()),
    source: lenient(z.string()),
    startTime: lenient(z.string()),
    endTime: lenient(z.string()),
    dateAdded: lenient(z.string()),
    dateUpdated: lenient(z.string()),
  })
  .loose();

const appointmentEvent = <T extends string>(type: T) =>
  z.object({ type: z.literal(type), locationId: z.string().min(1), appointment, ...stamp }).loose();

/** Zod schema for an `AppointmentCreate` webhook. */
export const appointmentCreateEventSchema = appointmentEvent('AppointmentCreate');
/** Zod schema for an `AppointmentUpdate` webhook. */
export const appointmentUpdateEventSchema = appointmentEvent('AppointmentUpdate');

const opportunityEvent = <T extends string>(type: T) =>
  z
    .object({
      type: z.literal(type),
      locationId: z.string().min(1),
      /** The opportunity id. */
      id: z.string().min(1),
      contactId: lenient(z.string()),
      name: lenient(z.string()),
      pipelineId: lenient(z.string()),
      pipelineStageId: lenient(z.string()),
      status: lenient(z.string()),
      monetaryValue: lenient(z.number()),
      assignedTo: lenient(z.string()),
      source: lenient(z.string()),
      dateAdded: lenient(z.string()),
      ...stamp,
    })
    .loose();

/** Zod schema for an `OpportunityCreate` webhook. */
export const opportunityCreateEventSchema = opportunityEvent('OpportunityCreate');
/** Zod schema for an `OpportunityStatusUpdate` webhook. */
export const opportunityStatusUpdateEventSchema = opportunityEvent('OpportunityStatusUpdate');
/** Zod schema for an `OpportunityStageUpdate` webhook. */
export const opportunityStageUpdateEventSchema = opportunityEvent('OpportunityStageUpdate');

/** A `ContactCreate` webhook. */
export type ContactCreateEvent = z.infer<typeof contactCreateEventSchema>;
/** A `ContactUpdate` webhook. */
export type ContactUpdateEvent = z.infer<typeof contactUpdateEventSchema>;
/** A `ContactDelete` webhook. */
export type ContactDeleteEvent = z.infer<typeof contactDeleteEventSchema>;
/** A `ContactDndUpdate` webhook. */
export type ContactDndUpdateEvent = z.infer<typeof contactDndUpdateEventSchema>;
/** A `ContactTagUpdate` webhook. */
export type ContactTagUpdateEvent = z.infer<typeof contactTagUpdateEventSchema>;
/** An `AppointmentCreate` webhook. */
export type AppointmentCreateEvent = z.infer<typeof appointmentCreateEventSchema>;
/** An `AppointmentUpdate` webhook. */
export type AppointmentUpdateEvent = z.infer<typeof appointmentUpdateEventSchema>;
/** An `OpportunityCreate` webhook. */
export type OpportunityCreateEvent = z.infer<typeof opportunityCreateEventSchema>;
/** An `OpportunityStatusUpdate` webhook. */
export type OpportunityStatusUpdateEvent = z.infer<typeof opportunityStatusUpdateEventSchema>;
/** An `OpportunityStageUpdate` webhook. */
export type OpportunityStageUpdateEvent = z.infer<typeof opportunityStageUpdateEventSchema>;
