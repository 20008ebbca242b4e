import { EnterpriseHubError } from '@enterprisehub/core';
import { alertRuleSchema, type AlertRule, type AlertRuleInput } from './alert-rule';
import { parseAlertingInput } from './validation-error';

/** Rule CRUD with validation; every stored rule is a frozen, validated copy. */
export interface RuleRegistry {
  /** All rules in insertion order. */
  list(): AlertRule[];
  /** One rule, or `undefined`. */
  get(id: string): AlertRule | undefined;
  /** Adds a rule; throws `ALERT_RULE_INVALID` or `ALERT_RULE_CONFLICT` (id taken). */
  add(input: AlertRuleInput): AlertRule;
  /** Replaces fields of a rule (id is immutable); throws `ALERT_RULE_NOT_FOUND` or `ALERT_RULE_INVALID`. */
  update(id: string, patch: Partial<AlertRuleInput>): AlertRule;
  /** Removes a rule; `false` when there was none. */
  remove(id: string): boolean;
}

const notFound = (id: string): EnterpriseHubError =>
  new EnterpriseHubError({
    code: 'ALERT_RULE_NOT_FOUND',
    message: `No alert rule ${id}.`,
    details: { ruleId: id },
  });

/** Creates a rule registry seeded with `rules` (validated; duplicates rejected). */
export function createRuleRegistry(rules: readonly AlertRuleInput[]): RuleRegistry {
  const byId = new Map<string, AlertRule>();
  const store = (input: unknown): AlertRule => {
    const rule = parseAlertingInput({ schema: alertRuleSchema, input, what: 'alert rule' });
    const frozen: AlertRule = Object.freeze({ ...rule });
    byId.set(frozen.id, frozen);
    return frozen;
  };
  const registry: RuleRegistry = {
    list: () => [...byId.values()],
    get: (id) => byId.get(id),
    add: (input) => {
      const id: unknown = (input as { id?: unknown }).id;
      if (typeof id === 'string' && byId.has(id)) {
        throw new EnterpriseHubError({
          code: 'ALERT_RULE_CONFLICT',
          message: `Alert rule ${id} already exists.`,
          details: { ruleId: id },
        });
      }
      return store(input);
    },
    update: (id, patch) => {
      const current = byId.get(id);
      if (!current) throw notFound(id);
      return store({ ...current, ...patch, id });
    },
    remove: (id) => byId.delete(id),
  };
  for (const rule of rules) registry.add(rule);
  return registry;
}
