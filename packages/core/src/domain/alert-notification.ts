import { z } from 'zod';

/** Alert severities, as a zod enum. */
export const alertSeveritySchema = z.enum(['info', 'warning', 'critical']);

/** Severity of an alert. */
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

/** Zod schema for one notification sent through a `Notifier` channel. */
export const alertNotificationSchema = z.object({
  /** Alert rule id, e.g. `sla_violation`. */
  ruleId: z.string().min(1),
  /** Severity. */
  severity: alertSeveritySchema,
  /**
   * `firing` for a new, repeated or escalated alert, `resolved` when it clears, `acknowledged` when an operator
   * took it (channels with an upstream incident, such as PagerDuty and Opsgenie, acknowledge it there).
   */
  status: z.enum(['firing', 'resolved', 'acknowledged']),
  /** Stable identity of the alert instance (rule + labels); channels use it to dedupe. */
  fingerprint: z.string().min(1),
  /** One-line title. No PII. */
  title: z.string().min(1),
  /** Longer description. No PII. */
  message: z.string(),
  /** When the alert fired, epoch ms. */
  firedAt: z.number().int().nonnegative(),
  /** When it resolved, epoch ms. */
  resolvedAt: z.number().int().nonnegative().optional(),
  /** Escalation level, 1–3. */
  escalationLevel: z.number().int().min(1).default(1),
  /** Metric that triggered the alert. */
  metric: z
    .object({
      /** Metric name, e.g. `error_rate`. */
      name: z.string(),
      /** Observed value. */
      value: z.number(),
      /** Threshold the rule compares against. */
      threshold: z.number().optional(),
    })
    .optional(),
  /** Extra labels (tenant, bot, …). */
  labels: z.record(z.string(), z.string()).default({}),
  /** Link to the dashboard or runbook. */
  url: z.string().optional(),
  /** When it was acknowledged, epoch ms (status `acknowledged`). */
  acknowledgedAt: z.number().int().nonnegative().optional(),
  /** Who acknowledged it: an operator id, not PII (status `acknowledged`). */
  acknowledgedBy: z.string().optional(),
  /** Extra human-readable fields (summary, description, runbook_url, …). No PII. */
  annotations: z.record(z.string(), z.string()).optional(),
});

/** One alert notification, delivered to a channel by a `Notifier`. */
export type AlertNotification = z.infer<typeof alertNotificationSchema>;
