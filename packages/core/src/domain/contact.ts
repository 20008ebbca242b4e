import { z } from 'zod';
import { messageChannelSchema } from './message';

/** Lifecycle stages a contact moves through, as a zod enum. */
export const lifecycleStageSchema = z.enum([
  'new',
  'engaged',
  'qualified',
  'nurture',
  'dormant',
  'appointment_set',
  'handed_off',
  'closed',
  'opted_out',
]);

/** Where a contact is in its lifecycle (`dormant` = no activity for 48 hours, `opted_out` = DND after STOP). */
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;

/** Zod schema for a contact's do-not-disturb settings. */
export const contactDndSchema = z.object({
  /** Do not contact on any channel. */
  all: z.boolean().default(false),
  /** Channels the contact must not be contacted on (in addition to `all`). */
  channels: z.array(messageChannelSchema).default([]),
});

/** Do-not-disturb settings of a contact: globally or per channel. */
export type ContactDnd = z.infer<typeof contactDndSchema>;

/** Zod schema for a CRM contact (a lead) as EnterpriseHub sees it. */
export const contactSchema = z.object({
  /** Tenant that owns the contact. */
  tenantId: z.string().min(1),
  /** CRM contact id (the GHL contact id). */
  id: z.string().min(1),
  /** First name. PII. */
  firstName: z.string().optional(),
  /** Last name. PII. */
  lastName: z.string().optional(),
  /** Phone, ideally E.164. PII: encrypted at rest, never logged. */
  phone: z.string().optional(),
  /** Email. PII: encrypted at rest, never logged. */
  email: z.string().optional(),
  /** CRM tags. */
  tags: z.array(z.string()).default([]),
  /** Do-not-disturb settings. */
  dnd: contactDndSchema.default({ all: false, channels: [] }),
  /** Lifecycle stage. */
  lifecycleStage: lifecycleStageSchema.default('new'),
  /** Lead source (e.g. `Zillow`, `website`, `facebook-ad`). */
  source: z.string().optional(),
  /** IANA time zone of the contact, when known (quiet hours use it; else the tenant's). */
  timeZone: z.string().optional(),
  /** When the contact was first seen, epoch ms. */
  createdAt: z.number().int().nonnegative(),
  /** When the record last changed, epoch ms. */
  updatedAt: z.number().int().nonnegative(),
  /** Last inbound or outbound activity, epoch ms. */
  lastActivityAt: z.number().int().nonnegative().optional(),
});

/** A CRM contact (lead): profile, PII, tags, DND and lifecycle stage. */
export type Contact = z.infer<typeof contactSchema>;
