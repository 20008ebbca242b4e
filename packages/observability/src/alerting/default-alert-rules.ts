import { alertRuleSchema, type AlertRule, type AlertRuleInput } from './alert-rule';

const MINUTE = 60_000;

const SEED_RULES: AlertRuleInput[] = [
  {
    id: 'sla_violation',
    name: 'SLA violation',
    description:
      'P95 response time is over the SLA target (lead 2000 ms, buyer and seller 2500 ms).',
    severity: 'critical',
    metric: '{bot}_bot.response_time_p95',
    operator: 'gt',
    threshold: 2500,
    overrides: [{ match: { bot: 'lead' }, threshold: 2000 }],
    window: '1h',
    minSamples: 20,
    cooldownMs: 5 * MINUTE,
    channels: ['email', 'slack', 'webhook'],
    annotations: { runbook: 'docs/alerting.md#sla_violation' },
  },
  {
    id: 'high_error_rate',
    name: 'High error rate',
    description: 'More than 5% of bot operations failed (above 1% is a warning).',
    severity: 'critical',
    metric: 'error_rate',
    operator: 'gt',
    threshold: 0.05,
    warningThreshold: 0.01,
    minSamples: 20,
    cooldownMs: 5 * MINUTE,
    channels: ['email', 'slack', 'webhook'],
    annotations: { runbook: 'docs/alerting.md#high_error_rate' },
  },
  {
    id: 'low_cache_hit_rate',
    name: 'Low cache hit rate',
    description: 'Fewer than 50% of cache reads were hits.',
    severity: 'warning',
    metric: 'cache_hit_rate',
    operator: 'lt',
    threshold: 0.5,
    minSamples: 50,
    cooldownMs: 10 * MINUTE,
    channels: ['slack'],
    annotations: { runbook: 'docs/alerting.md#low_cache_hit_rate' },
  },
  {
    id: 'handoff_failure',
    name: 'Handoff failures',
    description: 'Handoff success rate is under 95%.',
    severity: 'critical',
    metric: 'handoff.failure_rate',
    operator: 'gt',
    threshold: 0.05,
    minSamples: 20,
    cooldownMs: 5 * MINUTE,
    channels: ['email', 'slack'],
    annotations: { runbook: 'docs/alerting.md#handoff_failure' },
  },
  {
    id: 'bot_unresponsive',
    name: 'Bot unresponsive',
    description: 'An inbound message has waited 5 minutes without any bot response.',
    severity: 'critical',
    metric: 'bot.last_response_age_ms',
    operator: 'gte',
    threshold: 5 * MINUTE,
    minSamples: 1,
    cooldownMs: 10 * MINUTE,
    channels: ['email', 'slack', 'webhook'],
    annotations: { runbook: 'docs/alerting.md#bot_unresponsive' },
  },
  {
    id: 'circular_handoff_spike',
    name: 'Circular handoff spike',
    description: 'More than 10 handoffs were blocked as circular in the last hour.',
    severity: 'warning',
    metric: 'handoff.circular_blocked_count',
    operator: 'gt',
    threshold: 10,
    window: '1h',
    minSamples: 0,
    cooldownMs: 10 * MINUTE,
    channels: ['slack'],
    annotations: { runbook: 'docs/alerting.md#circular_handoff_spike' },
  },
  {
    id: 'rate_limit_breach',
    name: 'Rate limit breach',
    description: 'More than 10% of outbound calls hit a rate limit.',
    severity: 'warning',
    metric: 'rate_limit.error_rate',
    operator: 'gt',
    threshold: 0.1,
    minSamples: 20,
    cooldownMs: 5 * MINUTE,
    channels: ['slack'],
    annotations: { runbook: 'docs/alerting.md#rate_limit_breach' },
  },
];

/**
 * The seven default alert rules of the seed specification (sla_violation, high_error_rate, low_cache_hit_rate,
 * handoff_failure, bot_unresponsive, circular_handoff_spike, rate_limit_breach), validated and frozen.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = Object.freeze(
  SEED_RULES.map((rule) => Object.freeze(alertRuleSchema.parse(rule))),
);

/**
 * An optional rule (not among the seven defaults): the LLM provider fails more than half of its calls. Together
 * with {@link DEFAULT_INHIBITION_RULES} it mutes SLA alerts while the provider is down.
 */
export const LLM_PROVIDER_DOWN_RULE: AlertRule = Object.freeze(
  alertRuleSchema.parse({
    id: 'llm_provider_down',
    name: 'LLM provider down',
    description: 'More than half of the model calls failed; bots answer with the rules engine.',
    severity: 'critical',
    metric: 'llm.error_rate',
    operator: 'gt',
    threshold: 0.5,
    minSamples: 5,
    cooldownMs: 10 * MINUTE,
    channels: ['email', 'slack', 'webhook'],
  } satisfies AlertRuleInput),
);
