import { z } from 'zod';
import { alertSeveritySchema } from './alert-notification';

/** Tenant id used for deployment-wide records (metrics, alerts) that belong to no single tenant. */
export const GLOBAL_TENANT_ID = '_global';

/** Zod schema for one metric sample. */
export const metricSampleSchema = z.object({
  /** Metric name, e.g. `lead_bot.response_time_p95`. */
  name: z.string().min(1),
  /** Value. */
  value: z.number(),
  /** Sample time, epoch ms. */
  at: z.number().int().nonnegative(),
  /** Labels (bot, operation, …). No PII. */
  labels: z.record(z.string(), z.string()).default({}),
});

/** One metric sample persisted by trackers. */
export type MetricSample = z.infer<typeof metricSampleSchema>;

/** Zod schema for one alert in the alert history. */
export const alertRecordSchema = z.object({
  /** Alert instance id. */
  id: z.string().min(1),
  /** Rule id, e.g. `sla_violation`. */
  ruleId: z.string().min(1),
  /** Fingerprint (rule + labels). */
  fingerprint: z.string().min(1),
  /** Severity. */
  severity: alertSeveritySchema,
  /** Lifecycle status. */
  status: z.enum(['firing', 'acknowledged', 'resolved']),
  /** PII-free message. */
  message: z.string(),
  /** Metric value that triggered it. */
  value: z.number().optional(),
  /** Current escalation level, 1–3. */
  escalationLevel: z.number().int().min(1).default(1),
  /** When it fired, epoch ms. */
  firedAt: z.number().int().nonnegative(),
  /** When it was acknowledged, epoch ms. */
  acknowledgedAt: z.number().int().nonnegative().optional(),
  /** Who acknowledged (user id, not PII). */
  acknowledgedBy: z.string().optional(),
  /** When it resolved, epoch ms. */
  resolvedAt: z.number().int().nonnegative().optional(),
  /** Labels (bot, tenant, …). No PII. */
  labels: z.record(z.string(), z.string()).default({}),
});

/** One alert in the alert history (firing, acknowledged or resolved). */
export type AlertRecord = z.infer<typeof alertRecordSchema>;
