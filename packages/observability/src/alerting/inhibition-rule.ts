import { z } from 'zod';
import { labelMatcherSchema, matchesAllLabels } from './label-matcher';

/**
 * Zod schema of an inhibition rule: while an alert matching `sourceMatchers` fires, alerts matching
 * `targetMatchers` are muted when they agree on the `equal` labels. A label the source alert does not carry
 * matches any value, so a deployment-wide source mutes the targets of every bot and tenant.
 */
export const inhibitionRuleSchema = z.object({
  /** Rule id. */
  id: z.string().min(1).max(100),
  /** Matchers of the muting (source) alert. */
  sourceMatchers: z.array(labelMatcherSchema).min(1),
  /** Matchers of the muted (target) alerts. */
  targetMatchers: z.array(labelMatcherSchema).min(1),
  /** Labels source and target must share (when the source carries them). */
  equal: z.array(z.string().min(1)).default([]),
});

/** An inhibition rule. */
export type InhibitionRule = z.output<typeof inhibitionRuleSchema>;

/** Inhibition rule as accepted by the engine (defaults filled in by validation). */
export type InhibitionRuleInput = z.input<typeof inhibitionRuleSchema>;

/** Default inhibition: a firing `llm_provider_down` mutes `sla_violation` alerts of the same bot and tenant. */
export const DEFAULT_INHIBITION_RULES: readonly InhibitionRule[] = Object.freeze([
  inhibitionRuleSchema.parse({
    id: 'llm_down_mutes_sla',
    sourceMatchers: [{ name: 'alertname', value: 'llm_provider_down' }],
    targetMatchers: [{ name: 'alertname', value: 'sla_violation' }],
    equal: ['bot', 'tenantId'],
  } satisfies InhibitionRuleInput),
]);

/** An alert as seen by inhibition: its identity and full label set. */
export interface InhibitionCandidate {
  /** Alert fingerprint. */
  readonly fingerprint: string;
  /** Labels including `alertname` and `severity`. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Options for {@link findInhibitors}. */
export interface FindInhibitorsOptions {
  /** Inhibition rules. */
  rules: readonly InhibitionRule[];
  /** The alert that may be muted. */
  target: InhibitionCandidate;
  /** Alerts currently firing (the possible sources). */
  firing: readonly InhibitionCandidate[];
}

/** Fingerprints of the firing alerts that inhibit `target` (empty when it is not inhibited). */
export function findInhibitors(options: FindInhibitorsOptions): string[] {
  const { rules, target, firing } = options;
  const inhibitors = new Set<string>();
  for (const rule of rules) {
    if (!matchesAllLabels(rule.targetMatchers, target.labels)) continue;
    for (const source of firing) {
      if (source.fingerprint === target.fingerprint) continue;
      if (!matchesAllLabels(rule.sourceMatchers, source.labels)) continue;
      const agrees = rule.equal.every((name) => {
        const value = source.labels[name];
        return value === undefined || value === target.labels[name];
      });
      if (agrees) inhibitors.add(source.fingerprint);
    }
  }
  return [...inhibitors];
}
