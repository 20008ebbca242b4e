import {
  EnterpriseHubError,
  type Clock,
  type LlmClient,
  type LlmRequest,
  type LlmResponse,
  type Tenant,
} from '@enterprisehub/core';
import type { LlmCostGuard, LlmCostMode } from './llm-cost-guard';

/** Options for {@link createGuardedLlmClient}. */
export interface GuardedLlmClientOptions {
  /** The real model client. */
  llm: LlmClient;
  /** Tenant whose model, fallback model and token cap apply. */
  tenant: Tenant;
  /** Time source for deadlines. */
  clock: Clock;
  /** Spend guard consulted before every call; without it every call runs in `normal` mode. */
  costGuard?: LlmCostGuard | undefined;
  /** Deadline (epoch ms) of the turn a call belongs to, looked up by the call's `metadata.contactId`. */
  deadlineFor?: (contactId: string | undefined) => number | undefined;
  /** Called with the mode used for each call (for decisions and audit). */
  onMode?: (mode: LlmCostMode, contactId: string | undefined) => void;
}

function budgetError(mode: LlmCostMode): EnterpriseHubError {
  return new EnterpriseHubError({
    code: 'LLM_BUDGET_EXHAUSTED',
    message:
      mode === 'stop'
        ? 'LLM calls are stopped by the cost guard.'
        : 'LLM spend is over the soft limit and no cheaper model is configured.',
    details: { mode },
  });
}

/**
 * Wraps an `LlmClient` with the bots' safety rails: the cost guard is asked before every call (`degrade` switches to
 * the tenant's `llm.fallbackModel` or refuses, `stop` refuses with `LLM_BUDGET_EXHAUSTED`), the tenant's model and
 * token cap are applied, and each call gets at most the time left in its turn (`LLM_TIMEOUT` when it runs over, even
 * if the client ignores `timeoutMs`). Callers treat every error as "use the rules engine".
 *
 * @example
 * ```ts
 * const guarded = createGuardedLlmClient({ llm, tenant, clock, costGuard, deadlineFor: () => turnDeadline });
 * const decoder = createIntentDecoder({ market: tenant.market, llm: guarded });
 * ```
 */
export function createGuardedLlmClient(options: GuardedLlmClientOptions): LlmClient {
  const { llm, tenant, clock, costGuard } = options;
  return {
    async complete<T = unknown>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
      const contactId = request.metadata?.contactId;
      const verdict = costGuard
        ? await costGuard.check({ tenantId: tenant.id })
        : { mode: 'normal' as const };
      const fallbackModel = tenant.llm.fallbackModel;
      if (verdict.mode === 'stop' || (verdict.mode === 'degrade' && fallbackModel === undefined)) {
        options.onMode?.(verdict.mode, contactId);
        throw budgetError(verdict.mode);
      }
      options.onMode?.(verdict.mode, contactId);
      const model =
        verdict.mode === 'degrade' ? fallbackModel : (request.model ?? tenant.llm.model);
      const deadline = options.deadlineFor?.(contactId);
      const left = deadline === undefined ? undefined : deadline - clock.now();
      if (left !== undefined && left <= 0) {
        throw new EnterpriseHubError({
          code: 'LLM_TIMEOUT',
          message: 'The turn has no time left for a model call.',
        });
      }
      const timeoutMs = Math.min(
        request.timeoutMs ?? Number.POSITIVE_INFINITY,
        left ?? Number.POSITIVE_INFINITY,
      );
      const controller = new AbortController();
      const onAbort = (): void => controller.abort(request.signal?.reason);
      request.signal?.addEventListener('abort', onAbort, { once: true });
      const call = llm.complete<T>({
        ...request,
        ...(model !== undefined ? { model } : {}),
        maxTokens: Math.min(
          request.maxTokens ?? tenant.llm.maxTokensPerTurn,
          tenant.llm.maxTokensPerTurn,
        ),
        ...(Number.isFinite(timeoutMs) ? { timeoutMs } : {}),
        signal: controller.signal,
      });
      if (!Number.isFinite(timeoutMs))
        return call.finally(() => request.signal?.removeEventListener('abort', onAbort));
      let timer: { cancel(): void } | undefined;
      const expired = new Promise<never>((_resolve, reject) => {
        timer = clock.setTimer(() => {
          controller.abort();
          reject(
            new EnterpriseHubError({
              code: 'LLM_TIMEOUT',
              message: 'The model call ran past the turn deadline.',
              details: { timeoutMs },
            }),
          );
        }, timeoutMs);
      });
      call.catch(() => undefined);
      try {
        return await Promise.race([call, expired]);
      } finally {
        timer?.cancel();
        request.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
