import { z } from 'zod';

/**
 * Zod schema of a label matcher (Alertmanager style): `isRegex` matches a fully anchored regular expression,
 * `isEqual: false` negates. A label the alert does not carry has the value `''`.
 */
export const labelMatcherSchema = z
  .object({
    /** Label name, e.g. `alertname`, `severity`, `bot`. */
    name: z.string().min(1).max(100),
    /** Value (or regular expression when `isRegex`). */
    value: z.string().max(1000),
    /** Treat `value` as a regular expression anchored at both ends. */
    isRegex: z.boolean().default(false),
    /** `false` inverts the match (`!=` or `!~`). */
    isEqual: z.boolean().default(true),
  })
  .superRefine((matcher, context) => {
    if (!matcher.isRegex) return;
    try {
      new RegExp(`^(?:${matcher.value})$`);
    } catch {
      context.addIssue({ code: 'custom', path: ['value'], message: 'invalid regular expression' });
    }
  });

/** One label matcher of a silence or inhibition rule. */
export type LabelMatcher = z.output<typeof labelMatcherSchema>;

/** True when one matcher accepts the labels. */
export function matchesLabel(
  matcher: LabelMatcher,
  labels: Readonly<Record<string, string>>,
): boolean {
  const actual = labels[matcher.name] ?? '';
  const hit = matcher.isRegex
    ? new RegExp(`^(?:${matcher.value})$`).test(actual)
    : actual === matcher.value;
  return hit === matcher.isEqual;
}

/**
 * True when every matcher accepts the labels (an empty list matches nothing, so a silence can never mute
 * everything by accident).
 *
 * @example
 * ```ts
 * matchesAllLabels([{ name: 'alertname', value: 'sla_violation', isRegex: false, isEqual: true }], alert.labels);
 * ```
 */
export function matchesAllLabels(
  matchers: readonly LabelMatcher[],
  labels: Readonly<Record<string, string>>,
): boolean {
  return matchers.length > 0 && matchers.every((matcher) => matchesLabel(matcher, labels));
}
