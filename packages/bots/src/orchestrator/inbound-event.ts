import { EnterpriseHubError, messageChannelSchema, type MessageChannel } from '@enterprisehub/core';
import { z } from 'zod';

/** Lower-case spellings of every channel: `sms` → `SMS`, `live_chat` and `livechat` → `LiveChat`. */
const CHANNELS: ReadonlyMap<string, MessageChannel> = new Map(
  messageChannelSchema.options.flatMap((channel): [string, MessageChannel][] => [
    [channel.toLowerCase(), channel],
    [channel.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase(), channel],
  ]),
);

const channelSchema = z.string().transform((value, context): MessageChannel => {
  const channel = CHANNELS.get(
    value
      .trim()
      .toLowerCase()
      .replace(/^type_/, ''),
  );
  if (channel === undefined) {
    context.addIssue({ code: 'custom', message: 'unknown channel' });
    return z.NEVER;
  }
  return channel;
});

/**
 * Zod schema of an inbound message in CRM-neutral words: the reference server maps GHL's `InboundMessage` webhook to
 * it; any other source can too. Channels are matched case-insensitively (`sms`, `SMS`, `TYPE_SMS`).
 */
export const inboundMessageEventSchema = z.object({
  /** Tenant the message belongs to. */
  tenantId: z.string().min(1),
  /** CRM contact id of the lead. */
  contactId: z.string().min(1),
  /** Stable message id (the CRM's); the same id twice is one message. */
  messageId: z.string().min(1),
  /** Channel it came on; replies go back on it. */
  channel: channelSchema,
  /** Message text (may be empty for attachments only). PII-bearing; never logged. */
  body: z.string(),
  /** When the message was received, epoch ms. */
  receivedAt: z.number().int().nonnegative(),
  /** CRM conversation id, when known. */
  conversationId: z.string().min(1).optional(),
  /** Contact details from the CRM, when the source has them (first contact). PII; never logged. */
  contact: z
    .object({
      /** First name (greetings). */
      firstName: z.string().optional(),
      /** Last name. */
      lastName: z.string().optional(),
      /** Phone, ideally E.164. */
      phone: z.string().optional(),
      /** Email. */
      email: z.string().optional(),
      /** IANA time zone (quiet hours). */
      timeZone: z.string().optional(),
    })
    .optional(),
});

/** An inbound message from a lead, CRM-neutral (the input of `BotOrchestrator.handleInbound`). */
export type InboundMessageEvent = z.output<typeof inboundMessageEventSchema>;

/** What callers may pass as an inbound message (channel as any known spelling). */
export type InboundMessageInput = z.input<typeof inboundMessageEventSchema>;

/**
 * Parses an inbound message event.
 *
 * @throws An {@link EnterpriseHubError} with `VALIDATION_FAILED` naming the first bad field (never its value).
 */
export function parseInboundMessageEvent(input: unknown): InboundMessageEvent {
  const parsed = inboundMessageEventSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
  throw new EnterpriseHubError({
    code: 'VALIDATION_FAILED',
    message: `The inbound message event is invalid (field ${field || '(root)'}).`,
    details: { field },
  });
}
