import { EnterpriseHubError, type LlmClient } from '@enterprisehub/core';
import type { CostGuard } from './cost-guard';

/** Options for {@link withCostGuard}. */
export interface WithCostGuardOptions {
  /** The spend guard asked before every call. */
  guard: CostGuard;
  /**
   * Cheaper model used while the guard says `degrade` (e.g. `tenant.llm.fallbackModel`). Without one,
   * `degrade` behaves like `stop`: the call is refused and the bot's rules engine answers.
   */
  fallbackModel?: string | ((tenantId: string) => string | undefined);
}

/**
 * Wraps an `LlmClient` so the cost guard is enforced where the money is spent: in `degrade` mode the
 * call goes to the fallback model, in `stop` mode it is refused with `LLM_BUDGET_EXHAUSTED` — which
 * every bot already treats as "answer with the rules engine". Spend itself is recorded by
 * `withLlmTracing({ costGuard })`, so wrap the traced client.
 *
 * @throws An {@link EnterpriseHubError} with `LLM_BUDGET_EXHAUSTED` (not retryable) when the guard refuses the call.
 * @example
 * ```ts
 * const llm = withCostGuard(withLlmTracing(anthropic, { costGuard: guard }), { guard, fallbackModel: 'claude-haiku-4-5' });
 * ```
 */
export function withCostGuard(client: LlmClient, options: WithCostGuardOptions): LlmClient {
  return {
    async complete(request) {
      const state = options.guard.check({ tenantId: request.tenantId });
      if (state.mode === 'normal') return client.complete(request);
      const fallback =
        typeof options.fallbackModel === 'function'
          ? options.fallbackModel(request.tenantId)
          : options.fallbackModel;
      if (state.mode === 'degrade' && fallback !== undefined)
        return client.complete({ ...request, model: fallback });
      throw new EnterpriseHubError({
        code: 'LLM_BUDGET_EXHAUSTED',
        message: `LLM spend limit reached (${state.limitedBy ?? 'deployment'} ${state.mode}); answering without the model.`,
        retryable: false,
        details: {
          mode: state.mode,
          limitedBy: state.limitedBy ?? 'deployment',
          retryAfterMs: state.retryAfterMs,
        },
      });
    },
  };
}
