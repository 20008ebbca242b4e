import type { ConversationStage, Tenant } from '@enterprisehub/core';
import { quietHoursEnd } from '../compliance/quiet-hours';
import {
  continuationJobId,
  DORMANT_AFTER_MS,
  MAX_SCHEDULE_AHEAD_MS,
  DORMANT_CHECK_JOB,
  dormantJobId,
  NURTURE_DAYS,
  NURTURE_FOLLOW_UP_JOB,
  nurtureJobId,
} from './bot-jobs';
import type { PlannedJob } from './job-scheduler';

const DAY_MS = 86_400_000;

/** Stages in which the bots stop nurturing (the lead opted out, a human took over, or the deal moved on). */
export const NO_NURTURE_STAGES: ReadonlySet<ConversationStage> = new Set([
  'opted_out',
  'escalated',
  'closed',
  'appointment_set',
]);

/** Stages that count as "mid-qualification" for the 48-hour dormancy rule. */
export const QUALIFYING_STAGES: ReadonlySet<ConversationStage> = new Set([
  'new',
  'qualifying',
  'qualified',
  'scheduling',
]);

/**
 * Moves `at` out of the tenant's quiet hours in the lead's time zone (to the end of the quiet period, 8 am local by
 * default), so a follow-up planned 3 days after an 11 pm reply goes out at 8 am.
 */
export function outsideQuietHours(
  at: number,
  tenant: Tenant,
  timeZone: string | undefined,
): number {
  const quiet = tenant.compliance.quietHours;
  if (!quiet.enabled) return at;
  return (
    quietHoursEnd({
      now: at,
      timeZone: timeZone ?? tenant.timeZone,
      window: { start: quiet.start, end: quiet.end },
    }) ?? at
  );
}

/** Input of {@link planNurture}. */
export interface NurturePlanInput {
  /** Tenant (quiet hours). */
  tenant: Tenant;
  /** Contact. */
  contactId: string;
  /** The lead's last reply, epoch ms: the anchor of the cadence. */
  lastInboundAt: number;
  /** Conversation stage after the turn. */
  stage: ConversationStage;
  /** Lead's time zone; the tenant's when unknown. */
  timeZone?: string | undefined;
}

/** The follow-up job for one day of the cadence, due `day` days after the anchor (out of quiet hours). */
export function followUpJob(input: {
  tenant: Tenant;
  contactId: string;
  anchorAt: number;
  day: number;
  timeZone?: string | undefined;
  now?: number;
}): PlannedJob {
  const { tenant, contactId, anchorAt, day } = input;
  const dueAt = outsideQuietHours(anchorAt + day * DAY_MS, tenant, input.timeZone);
  return {
    name: NURTURE_FOLLOW_UP_JOB,
    jobId: nurtureJobId(contactId, day),
    runAt: Math.min(dueAt, (input.now ?? anchorAt) + MAX_SCHEDULE_AHEAD_MS),
    payload: { contactId, day, anchorAt, dueAt },
    orderingKey: contactId,
  };
}

/** The cadence day after `day` (3 → 7 → 30), or `undefined` after the last. */
export function nextNurtureDay(day: number): number | undefined {
  return NURTURE_DAYS.find((candidate) => candidate > day);
}

/**
 * The follow-up jobs for a contact after the lead replied: the first nurture follow-up (day 3; each follow-up
 * schedules the next, day 7 then day 30, all anchored on this reply and moved out of quiet hours) and, when the lead
 * is mid-qualification, the 48-hour dormancy check. Job ids are per contact and step, so scheduling again after the
 * next reply replaces them; no jobs for stages in {@link NO_NURTURE_STAGES}.
 *
 * @example
 * ```ts
 * planNurture({ tenant, contactId: 'c1', lastInboundAt: now, stage: 'qualifying' });
 * // [dormant check at +48 h, follow-up at +3 d]
 * ```
 */
export function planNurture(input: NurturePlanInput): PlannedJob[] {
  const { tenant, contactId, lastInboundAt, stage } = input;
  if (NO_NURTURE_STAGES.has(stage)) return [];
  const jobs: PlannedJob[] = [];
  if (QUALIFYING_STAGES.has(stage)) {
    jobs.push({
      name: DORMANT_CHECK_JOB,
      jobId: dormantJobId(contactId),
      runAt: lastInboundAt + DORMANT_AFTER_MS,
      payload: { contactId, anchorAt: lastInboundAt },
      orderingKey: contactId,
    });
  }
  const first = NURTURE_DAYS[0];
  jobs.push(
    followUpJob({
      tenant,
      contactId,
      anchorAt: lastInboundAt,
      day: first,
      timeZone: input.timeZone,
    }),
  );
  return jobs;
}

/** Ids of every nurture and dormancy job of a contact (to cancel them on opt-out, escalation or booking). */
export function nurtureJobIds(contactId: string): string[] {
  const followUps = NURTURE_DAYS.map((day) => nurtureJobId(contactId, day));
  return [dormantJobId(contactId), ...followUps, ...followUps.map(continuationJobId)];
}
