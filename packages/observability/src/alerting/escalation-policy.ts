import { alertSeveritySchema } from '@enterprisehub/core';
import { z } from 'zod';

/** Zod schema of one escalation level above level 1 (level 1 is the rule's own channels, at once). */
export const escalationLevelSchema = z.object({
  /** Level number, 2 or more. */
  level: z.number().int().min(2),
  /** Delay after the first (level-1) notification, ms. */
  afterMs: z.number().int().nonnegative(),
  /** Channels (notifier names or kinds) notified at this level. */
  channels: z.array(z.string().min(1)).min(1),
});

/** Zod schema of the escalation policy for unacknowledged alerts. */
export const escalationPolicySchema = z
  .object({
    /** Whether alerts escalate at all. */
    enabled: z.boolean().default(true),
    /** Severities that escalate; default only `critical`. */
    severities: z.array(alertSeveritySchema).default(['critical']),
    /** Levels above 1, in increasing `level` and `afterMs`. */
    levels: z.array(escalationLevelSchema).default([
      { level: 2, afterMs: 5 * 60_000, channels: ['email', 'slack', 'webhook'] },
      { level: 3, afterMs: 15 * 60_000, channels: ['pagerduty', 'opsgenie'] },
    ]),
  })
  .refine(
    (policy) =>
      policy.levels.every((current, index) => {
        const previous = policy.levels[index - 1];
        return !previous || (current.level > previous.level && current.afterMs >= previous.afterMs);
      }),
    { message: 'levels must increase in level and afterMs', path: ['levels'] },
  );

/** The escalation policy. */
export type EscalationPolicy = z.output<typeof escalationPolicySchema>;

/** Escalation policy as accepted by `createAlertEngine` (defaults filled in). */
export type EscalationPolicyInput = z.input<typeof escalationPolicySchema>;

/**
 * The seed ladder for unacknowledged critical alerts: level 1 at once (rule channels), level 2 after 5 minutes
 * (email + Slack + webhook), level 3 after 15 minutes (PagerDuty + Opsgenie).
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = escalationPolicySchema.parse({});
