/** What the cost guard allows for LLM calls right now: `normal`, `degrade` (cheaper model), `stop` (rules only). */
export type LlmCostMode = 'normal' | 'degrade' | 'stop';

/** The cost guard's verdict for one tenant. */
export interface LlmCostVerdict {
  /** Mode for the next model call. */
  mode: LlmCostMode;
}

/**
 * Port: the LLM spend guard the bots consult before every model call. `createCostGuard` from
 * `@enterprisehub/observability` satisfies it ($50/h degrade, $100/h stop by default); any object with a matching
 * `check` works.
 */
export interface LlmCostGuard {
  /** The current verdict for the tenant (sync or async). */
  check(options: { tenantId: string }): LlmCostVerdict | Promise<LlmCostVerdict>;
}
