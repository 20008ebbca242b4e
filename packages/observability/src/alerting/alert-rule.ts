import { alertSeveritySchema } from '@enterprisehub/core';
import { z } from 'zod';

const OPERATOR_INPUTS = [
  'gt',
  'gte',
  'lt',
  'lte',
  'eq',
  'neq',
  '>',
  '>=',
  '<',
  '<=',
  '==',
  '!=',
] as const;

const OPERATOR_NAMES: Record<
  (typeof OPERATOR_INPUTS)[number],
  'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq'
> = {
  gt: 'gt',
  gte: 'gte',
  lt: 'lt',
  lte: 'lte',
  eq: 'eq',
  neq: 'neq',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
  '==': 'eq',
  '!=': 'neq',
};

/**
 * Comparison of a rule: `gt`, `gte`, `lt`, `lte`, `eq`, `neq`. The symbols `>`, `>=`, `<`, `<=`, `==`, `!=` are
 * accepted as input and normalised to these names.
 */
export const alertOperatorSchema = z
  .enum(OPERATOR_INPUTS)
  .transform((operator) => OPERATOR_NAMES[operator]);

/** Comparison operator of an alert rule. */
export type AlertOperator = z.output<typeof alertOperatorSchema>;

/** A duration such as `30s`, `5m`, `1h`, `7d` or `250ms`. */
export const durationSchema = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, 'expected a duration such as 5m or 1h');

const labelValueSchema = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string());

/** Per-series threshold override: the series whose labels include all of `match` use these thresholds. */
export const alertThresholdOverrideSchema = z.object({
  /** Labels the series must carry (e.g. `{ bot: 'lead' }`). */
  match: labelValueSchema,
  /** Threshold for the matched series. */
  threshold: z.number().finite(),
  /** Warning threshold for the matched series. */
  warningThreshold: z.number().finite().optional(),
});

/** One per-series threshold override of an alert rule. */
export type AlertThresholdOverride = z.output<typeof alertThresholdOverrideSchema>;

const ruleObjectSchema = z.object({
  /** Stable id, also the `alertname` label: lowercase letters, digits, `_`, `.`, `-`. */
  id: z.string().regex(/^[a-z][a-z0-9_.-]{0,99}$/, 'lowercase letters, digits, _ . - (max 100)'),
  /** Human-readable name used in notification titles. */
  name: z.string().min(1).max(200),
  /** Longer description added to notifications. No PII. */
  description: z.string().max(2000).optional(),
  /** Severity when `threshold` is crossed. */
  severity: alertSeveritySchema,
  /**
   * Metric name from the feed. May contain `{label}` placeholders that match one path segment and become
   * labels of the alert: `{bot}_bot.response_time_p95` yields one series per bot with a `bot` label.
   */
  metric: z.string().min(1).max(200),
  /** How the metric value is compared with the thresholds. */
  operator: alertOperatorSchema,
  /** Value at which the alert fires with the rule's `severity`. */
  threshold: z.number().finite(),
  /**
   * Optional earlier threshold at which the alert fires as `warning` (only for `critical` rules and the
   * `gt`/`gte`/`lt`/`lte` operators; it must lie on the healthy side of `threshold`).
   */
  warningThreshold: z.number().finite().optional(),
  /** Per-series thresholds (first match wins), e.g. a lower SLA for the lead bot. */
  overrides: z.array(alertThresholdOverrideSchema).max(50).default([]),
  /** Trailing window the metric should describe, handed to the source; e.g. `5m`. */
  window: durationSchema.default('5m'),
  /** How long the condition must hold before the alert fires (pending → firing), ms. */
  forMs: z.number().int().nonnegative().default(0),
  /** Minimum number of samples behind the value; below it the rule never fires (no pages at low traffic). */
  minSamples: z.number().int().nonnegative().default(1),
  /** Repeat interval: at most one firing notification per alert within this time, ms. */
  cooldownMs: z.number().int().nonnegative().default(300_000),
  /** Channels (notifier names or kinds) that receive level-1 notifications. */
  channels: z.array(z.string().min(1)).default([]),
  /** Static labels added to every alert of this rule (team, service, …). */
  labels: labelValueSchema.default({}),
  /** Static annotations (runbook_url, …) added to notifications. */
  annotations: z.record(z.string(), z.string()).default({}),
  /** Disabled rules are not evaluated and their alerts resolve. */
  enabled: z.boolean().default(true),
});

const isRangeOperator = (operator: AlertOperator): boolean =>
  operator !== 'eq' && operator !== 'neq';

/** Zod schema of an alert rule (rules are data; validated on every add or update). */
export const alertRuleSchema = ruleObjectSchema.superRefine((rule, context) => {
  const checkWarning = (
    threshold: number,
    warning: number | undefined,
    path: (string | number)[],
  ): void => {
    if (warning === undefined) return;
    if (rule.severity !== 'critical' || !isRangeOperator(rule.operator)) {
      context.addIssue({
        code: 'custom',
        path,
        message: 'warningThreshold needs a critical rule and gt/gte/lt/lte',
      });
      return;
    }
    const upward = rule.operator === 'gt' || rule.operator === 'gte';
    if (upward ? warning >= threshold : warning <= threshold) {
      context.addIssue({
        code: 'custom',
        path,
        message: 'warningThreshold must lie on the healthy side of threshold',
      });
    }
  };
  checkWarning(rule.threshold, rule.warningThreshold, ['warningThreshold']);
  rule.overrides.forEach((override, index) => {
    checkWarning(override.threshold, override.warningThreshold, [
      'overrides',
      index,
      'warningThreshold',
    ]);
  });
  if (rule.labels['alertname'] !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['labels', 'alertname'],
      message: 'alertname is the rule id',
    });
  }
});

/** A validated alert rule. */
export type AlertRule = z.output<typeof alertRuleSchema>;

/** Alert rule as accepted by `addRule` (defaults filled in by validation). */
export type AlertRuleInput = z.input<typeof alertRuleSchema>;
