import { z } from 'zod';

/** Zod schema for one channel's DND setting as GHL sends it. */
export const ghlDndSettingSchema = z
  .object({ status: z.string(), message: z.string().nullish(), code: z.string().nullish() })
  .loose();

/** Zod schema for a GHL contact (`GetContectByIdSchema`); unknown fields are kept. */
export const ghlContactSchema = z
  .object({
    id: z.string(),
    locationId: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    name: z.string().nullish(),
    email: z.string().nullish(),
    phone: z.string().nullish(),
    timezone: z.string().nullish(),
    companyName: z.string().nullish(),
    source: z.string().nullish(),
    type: z.string().nullish(),
    assignedTo: z.string().nullish(),
    dnd: z.boolean().nullish(),
    dndSettings: z.record(z.string(), ghlDndSettingSchema).nullish(),
    tags: z.array(z.string()).nullish(),
    customFields: z.array(z.object({ id: z.string(), value: z.unknown() }).loose()).nullish(),
    dateAdded: z.string().nullish(),
    dateUpdated: z.string().nullish(),
  })
  .loose();

/** A GHL contact. PII (name, phone, email): never log it. */
export type GhlContact = z.infer<typeof ghlContactSchema>;

/** Zod schema for a contact note. */
export const ghlNoteSchema = z
  .object({ id: z.string(), body: z.string().nullish(), userId: z.string().nullish(), contactId: z.string().nullish(), dateAdded: z.string().nullish() })
  .loose();

/** A note on a contact. */
export type GhlNote = z.infer<typeof ghlNoteSchema>;

/** Zod schema for a contact task. */
export const ghlTaskSchema = z
  .object({
    id: z.string(),
    title: z.string().nullish(),
    body: z.string().nullish(),
    dueDate: z.string().nullish(),
    completed: z.boolean().nullish(),
    assignedTo: z.string().nullish(),
    contactId: z.string().nullish(),
  })
  .loose();

/** A task on a contact. */
export type GhlTask = z.infer<typeof ghlTaskSchema>;

/** Zod schema for an appointment as listed under a contact (`GetEventSchema`). */
export const ghlContactAppointmentSchema = z
  .object({
    id: z.string(),
    calendarId: z.string().nullish(),
    contactId: z.string().nullish(),
    title: z.string().nullish(),
    appointmentStatus: z.string().nullish(),
    startTime: z.string().nullish(),
    endTime: z.string().nullish(),
  })
  .loose();

/** An appointment listed under a contact. */
export type GhlContactAppointment = z.infer<typeof ghlContactAppointmentSchema>;

/** DND status per channel: `active` blocks the channel, `permanent` blocks it for good. */
export type GhlDndStatus = 'active' | 'inactive' | 'permanent';

/** DND settings per channel, as GHL accepts them. */
export type GhlDndSettings = Partial<
  Record<'Call' | 'Email' | 'SMS' | 'WhatsApp' | 'GMB' | 'FB', { status: GhlDndStatus; message?: string; code?: string }>
>;

/** A custom-field value to write: by field `id` (or `key`), with a string, number, list or file object. */
export interface GhlCustomFieldValue {
  /** GHL custom field id. */
  id: string;
  /** Field key such as `contact.lead_score` (alternative lookup). */
  key?: string;
  /** The value: text, number, options list (checkbox / multi-select) or a file object. */
  field_value: string | number | readonly string[] | Readonly<Record<string, unknown>>;
}

/** Fields a contact can be created, upserted or updated with (PII: never log them). */
export interface GhlContactInput {
  /** First name (PII). */
  firstName?: string;
  /** Last name (PII). */
  lastName?: string;
  /** Full name (PII) or record name. */
  name?: string;
  /** Email address (PII). */
  email?: string;
  /** Phone number, E.164 (PII). */
  phone?: string;
  /** Street address (PII). */
  address1?: string;
  /** City. */
  city?: string;
  /** State or region. */
  state?: string;
  /** Postal code. */
  postalCode?: string;
  /** Country code, e.g. `US`. */
  country?: string;
  /** Website URL. */
  website?: string;
  /** IANA time zone. */
  timezone?: string;
  /** Lead source, e.g. `Zillow`. */
  source?: string;
  /** Birth date, e.g. `1990-09-25` (PII). */
  dateOfBirth?: string;
  /** GHL user id of the owner. */
  assignedTo?: string;
  /** Tags; on create/upsert/update this replaces all tags (use addTags/removeTags to change some). */
  tags?: readonly string[];
  /** Custom field values by field id. */
  customFields?: readonly GhlCustomFieldValue[];
  /** Do-not-disturb on every channel. */
  dnd?: boolean;
  /** DND per channel. */
  dndSettings?: GhlDndSettings;
  /** Block inbound messages. */
  inboundDndSettings?: { all?: { status: 'active' | 'inactive'; message?: string } };
  /** Create and upsert only. */
  companyName?: string;
  /** Create and upsert only. */
  gender?: string;
}
