import { messageChannelSchema } from '@enterprisehub/core';
import { z } from 'zod';

/** Job name: an inbound message re-queued because its contact was busy (lock held). */
export const INBOUND_MESSAGE_JOB = 'bots.inbound-message';
/** Job name: a nurture follow-up on day 3, 7 or 30 after the lead's last reply. */
export const NURTURE_FOLLOW_UP_JOB = 'bots.nurture-follow-up';
/** Job name: the 48-hour dormancy check after the lead's last reply. */
export const DORMANT_CHECK_JOB = 'bots.dormant-check';
/** Job name: a reply deferred by quiet hours, sent when they end. */
export const DEFERRED_SEND_JOB = 'bots.deferred-send';

/** Every job name the orchestrator handles (`registerJobHandlers` registers all of them). */
export const BOT_JOB_NAMES = [
  INBOUND_MESSAGE_JOB,
  NURTURE_FOLLOW_UP_JOB,
  DORMANT_CHECK_JOB,
  DEFERRED_SEND_JOB,
] as const;

/** Name of a job the orchestrator handles. */
export type BotJobName = (typeof BOT_JOB_NAMES)[number];

/** The nurture cadence: follow-ups this many days after the lead's last reply. */
export const NURTURE_DAYS = [3, 7, 30] as const;

/** Silence after which a lead in mid-qualification is dormant, ms (48 hours). */
export const DORMANT_AFTER_MS = 48 * 60 * 60 * 1000;

/**
 * Furthest ahead a bot job is scheduled in one step, ms (20 days). In-process timers cannot wait longer than about
 * 24.8 days (Node's timer limit), so the day-30 follow-up first runs on day 20 and re-schedules itself for its due
 * time.
 */
export const MAX_SCHEDULE_AHEAD_MS = 20 * 24 * 60 * 60 * 1000;

/** Zod schema of a nurture follow-up job payload. */
export const nurtureJobSchema = z.object({
  /** Contact to follow up with. */
  contactId: z.string().min(1),
  /** Day of the cadence (3, 7 or 30). */
  day: z.number().int().positive(),
  /** The lead's last reply the follow-up was planned from, epoch ms; a newer reply makes the job obsolete. */
  anchorAt: z.number().int().nonnegative(),
  /** When the follow-up is due, epoch ms; a job that runs earlier re-schedules itself (long delays). */
  dueAt: z.number().int().nonnegative().optional(),
});

/** Payload of a nurture follow-up job. */
export type NurtureJobPayload = z.infer<typeof nurtureJobSchema>;

/** Zod schema of a dormancy check payload. */
export const dormantJobSchema = z.object({
  /** Contact to check. */
  contactId: z.string().min(1),
  /** The lead's last reply the check was planned from, epoch ms. */
  anchorAt: z.number().int().nonnegative(),
});

/** Payload of a dormancy check job. */
export type DormantJobPayload = z.infer<typeof dormantJobSchema>;

/** Zod schema of a deferred send payload. */
export const deferredSendJobSchema = z.object({
  /** Recipient. */
  contactId: z.string().min(1),
  /** Id of the outbound message recorded in the conversation. */
  messageId: z.string().min(1),
  /** Channel to send on. */
  channel: messageChannelSchema,
  /** The compliant text to send. PII-bearing; never logged. */
  text: z.string().min(1),
  /** Bot that wrote it. */
  bot: z.enum(['lead', 'buyer', 'seller']),
  /** Inbound message (or job) it answers, for correlation. */
  correlationId: z.string().min(1),
});

/** Payload of a deferred send job. */
export type DeferredSendJobPayload = z.infer<typeof deferredSendJobSchema>;

/** Job id of a contact's nurture follow-up for a day. */
export const nurtureJobId = (contactId: string, day: number): string =>
  `nurture:${contactId}:day${day}`;
/** Job id of a contact's dormancy check. */
export const dormantJobId = (contactId: string): string => `dormant:${contactId}`;
/** Job id of the continuation of a follow-up that was due beyond {@link MAX_SCHEDULE_AHEAD_MS}. */
export const continuationJobId = (jobId: string): string =>
  jobId.endsWith(':later') ? jobId : `${jobId}:later`;
