import type { BotName } from '@enterprisehub/core';
import { buildHandoffContext, type HandoffContext } from '../handoff/handoff-context';
import type { Intent, IntentResult } from '../intent/rules-intent';
import type { OrchestratorContext } from './orchestrator-context';
import { addActions, addEvent, type TurnDraft } from './turn-draft';

/**
 * The bot an intent belongs with, when it is not the active one: buyer → Buyer bot, seller → Seller bot, both →
 * Seller bot (the sale usually comes first; buyer facts travel along). Browsing and unknown never move a contact.
 *
 * @example
 * ```ts
 * routeIntent('seller', 'buyer'); // 'seller'
 * routeIntent('both', 'seller'); // undefined (already there)
 * ```
 */
export function routeIntent(intent: Intent, active: BotName): BotName | undefined {
  const target: BotName | undefined =
    intent === 'buyer' ? 'buyer' : intent === 'seller' || intent === 'both' ? 'seller' : undefined;
  return target === active ? undefined : target;
}

/** Facts each question asks for: a message that answers the last question is an answer, not a change of mind. */
const QUESTION_FACTS: Readonly<Record<string, readonly string[]>> = {
  'ask.budget': ['budgetMax', 'budgetMin'],
  'ask.financing': ['preApproved', 'cashBuyer', 'lender'],
  'ask.areas': ['areas'],
  'ask.bedrooms': ['bedrooms'],
  'ask.must_haves': ['mustHaves'],
  'ask.timeline': ['timelineMonths'],
  'ask.address': ['propertyAddress'],
  'ask.property_area': ['areas'],
  'ask.size': ['bedrooms', 'bathrooms'],
  'ask.condition': ['propertyCondition'],
  'ask.motivation': ['motivation'],
  'ask.price': ['priceExpectation'],
};

/** Below this confidence, a specialist bot keeps a contact whose message answers its last question. */
const ANSWER_OVERRIDE_CONFIDENCE = 0.9;

/**
 * Step 4b: asks the handoff governor whether the contact should move to the bot its intent belongs with. An allowed
 * handoff switches the active bot, appends the record, tags the contact, writes the context summary as a CRM note
 * and returns the context (so the new bot never re-asks); a blocked one is recorded and the current bot keeps the
 * conversation. @internal
 */
export async function handoffStep(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  input: { intent: IntentResult; changedFacts: readonly string[] },
): Promise<HandoffContext | undefined> {
  const { state, tenant } = draft;
  const { intent } = input;
  const from = state.activeBot;
  const to = routeIntent(intent.intent, from);
  if (to === undefined) return undefined;
  const asked = state.attributes['lastQuestion'];
  const answered =
    typeof asked === 'string' &&
    (QUESTION_FACTS[asked] ?? []).some((fact) => input.changedFacts.includes(fact));
  if (from !== 'lead' && answered && intent.confidence < ANSWER_OVERRIDE_CONFIDENCE)
    return undefined;
  const decision = await ctx.governor.decide({
    tenantId: tenant.id,
    contactId: draft.contactId,
    from,
    to,
    confidence: intent.confidence,
    history: state.handoffs,
    enabledBots: tenant.enabledBots,
    reason: `intent:${intent.intent}`,
    correlationId: draft.correlationId,
  });
  if (decision.kind === 'blocked') {
    draft.decisions.push({
      type: 'handoff',
      outcome: 'blocked',
      from,
      to,
      confidence: intent.confidence,
      reason: decision.reason,
    });
    return undefined;
  }
  draft.decisions.push({
    type: 'handoff',
    outcome: 'allowed',
    from,
    to,
    confidence: intent.confidence,
  });
  const context = buildHandoffContext({
    from,
    to,
    facts: state.facts,
    score: state.score,
    confidence: intent.confidence,
  });
  state.activeBot = to;
  state.handoffs.push(decision.record);
  state.attributes['lastQuestion'] = '';
  addActions(
    draft,
    { type: 'addTags', tags: [`${to}-lead`] },
    { type: 'addNote', body: context.summary },
  );
  addEvent(draft, 'bot.turn.completed', {
    contactId: draft.contactId,
    bot: to,
    operation: 'handoff',
    durationMs: decision.durationMs,
    success: true,
  });
  return context;
}
