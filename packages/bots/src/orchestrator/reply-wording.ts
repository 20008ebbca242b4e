import { toEnterpriseHubError, type LeadFacts } from '@enterprisehub/core';
import type { BotTurnPlan } from '../engines/bot-engine';
import { writeReplyWithLlm } from '../llm/llm-reply-writer';
import type { OrchestratorContext } from './orchestrator-context';
import type { TenantServices } from './tenant-services';
import { addEvent, type TurnDraft } from './turn-draft';
import type { ReplySource } from './turn-result';

const PRIVATE_FACTS = new Set(['phone', 'email', 'propertyAddress']);

/** Known facts as `name=value` pairs for the model (contact details only as "known"). */
export function knownFactsLine(facts: LeadFacts): string {
  return Object.entries(facts)
    .filter(([, fact]) => fact !== undefined)
    .map(([name, fact]) => {
      const value: unknown = fact?.value;
      if (PRIVATE_FACTS.has(name)) return `${name}=(known)`;
      return `${name}=${Array.isArray(value) ? value.join('/') : String(value)}`;
    })
    .join('; ');
}

/**
 * LLM mode: the model rewords the rules engine's reply in the tenant's voice. Any failure (cost guard, timeout,
 * rate limit, bad or ungrounded output) falls back to the rules text, so a lead never gets silence. @internal
 */
export async function wordReply(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  input: { services: TenantServices; plan: BotTurnPlan; text: string },
): Promise<{ text: string; source: ReplySource }> {
  const { services, plan, text } = input;
  if (text.trim().length === 0 || services.llm === undefined) return { text, source: 'rules' };
  const tenantId = draft.tenant.id;
  const deadline =
    ctx.budgets.deadline(tenantId, draft.contactId) ?? ctx.clock.now() + ctx.settings.turnTimeoutMs;
  try {
    const worded = await writeReplyWithLlm({
      llm: services.llm,
      tenant: draft.tenant,
      bot: plan.bot,
      draft: text,
      keepVerbatim: plan.keepVerbatim,
      knownFacts: knownFactsLine(draft.state.facts),
      nextQuestion: plan.nextQuestion,
      history: draft.state.messages,
      contactId: draft.contactId,
      timeoutMs: Math.max(1, deadline - ctx.clock.now()),
    });
    const mode = ctx.budgets.mode(tenantId, draft.contactId);
    draft.decisions.push({
      type: 'llm',
      outcome: 'used',
      model: worded.model,
      ...(mode ? { mode } : {}),
    });
    return { text: worded.text, source: 'llm' };
  } catch (error) {
    const code = toEnterpriseHubError(error).code;
    const mode = ctx.budgets.mode(tenantId, draft.contactId);
    draft.decisions.push({
      type: 'llm',
      outcome: 'fallback',
      errorCode: code,
      ...(mode ? { mode } : {}),
    });
    if (code !== 'LLM_BUDGET_EXHAUSTED') addEvent(draft, 'error.raised', { code, bot: plan.bot });
    return { text, source: 'fallback' };
  }
}
