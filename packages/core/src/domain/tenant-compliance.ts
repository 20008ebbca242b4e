import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24h)');

/** Default keywords that opt a contact out (CTIA / TCPA practice). */
export const DEFAULT_OPT_OUT_KEYWORDS: readonly string[] = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
];

/** Zod schema for a tenant's compliance settings. */
export const complianceSettingsSchema = z.object({
  /** Quiet hours in the lead's time zone: no outbound messages from `start` until `end` (HH:MM). */
  quietHours: z
    .object({
      /** Enforce quiet hours. */
      enabled: z.boolean().default(true),
      /** Start of the quiet period, HH:MM (24 h), lead's local time. */
      start: clockTime,
      /** End of the quiet period, HH:MM (24 h); may be earlier than `start` (spans midnight). */
      end: clockTime,
    })
    .default({ enabled: true, start: '21:00', end: '08:00' }),
  /** AI disclosure added to the first bot message of a conversation. */
  aiDisclosure: z
    .object({
      /** Add the disclosure. */
      enabled: z.boolean().default(true),
      /** Disclosure text. */
      text: z.string().min(1),
    })
    .default({
      enabled: true,
      text: "I'm an AI assistant for the team; a licensed agent is always available.",
    }),
  /** Brokerage identity for disclosures. */
  brokerage: z
    .object({
      /** Brokerage legal name. */
      name: z.string().min(1),
      /** License number (TREC in Texas). */
      licenseNumber: z.string().min(1),
    })
    .optional(),
  /** Texas TREC notices (Information About Brokerage Services + Consumer Protection Notice). */
  trecNotice: z
    .object({
      /** Send the notices on first contact. */
      enabled: z.boolean().default(false),
      /** Link to the Information About Brokerage Services form. */
      url: z.string().optional(),
    })
    .default({ enabled: false }),
  /** Fair-housing guard on outgoing text (steering, protected classes). */
  fairHousing: z
    .object({
      /** Check outgoing text for steering and protected-class language. */
      enabled: z.boolean().default(true),
    })
    .default({ enabled: true }),
  /** Consent rules. */
  consent: z
    .object({
      /** Require recorded express consent before the first outbound SMS. */
      requireSmsConsent: z.boolean().default(false),
      /** Words that opt a contact out (case-insensitive, whole message). */
      optOutKeywords: z.array(z.string().min(1)).default([...DEFAULT_OPT_OUT_KEYWORDS]),
      /** Words that opt a contact back in. */
      optInKeywords: z.array(z.string().min(1)).default(['START', 'UNSTOP']),
      /** The one confirmation sent after an opt-out. */
      optOutConfirmation: z
        .string()
        .default(
          'You have been unsubscribed and will not receive more messages. Reply START to resubscribe.',
        ),
    })
    .default({
      requireSmsConsent: false,
      optOutKeywords: [...DEFAULT_OPT_OUT_KEYWORDS],
      optInKeywords: ['START', 'UNSTOP'],
      optOutConfirmation:
        'You have been unsubscribed and will not receive more messages. Reply START to resubscribe.',
    }),
});

/** Compliance settings of a tenant: quiet hours, AI disclosure, brokerage/TREC, fair housing, consent. */
export type ComplianceSettings = z.infer<typeof complianceSettingsSchema>;
