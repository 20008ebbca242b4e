import type { BotDecision, LeadFacts, MessageChannel } from '@enterprisehub/core';
import type { BotTurnPlan } from '../engines/bot-engine';
import { mergeFacts } from '../extraction/merge-facts';
import type { HistoryMessage } from '../intent/question-context';
import { createTemplateRenderer, joinParts } from '../templates/template-renderer';
import { fieldUpdates, stageMove } from './crm-writeback';
import { setStage } from './escalation';
import { fairHousingAnswer } from './fair-housing-answer';
import { handoffStep } from './handoff-step';
import type { OrchestratorContext } from './orchestrator-context';
import { wordReply } from './reply-wording';
import { scoreStep } from './score-step';
import { sendThroughGuard } from './send-boundary';
import { recordTemplateOutcome } from './template-outcomes';
import { addActions, addAudit, addEvent, type TurnDraft } from './turn-draft';
import type { ReplySource } from './turn-result';

/** Names of facts whose value differs between two fact sets. */
export function changedFactNames(before: LeadFacts, after: LeadFacts): string[] {
  return Object.keys(after).filter(
    (name) =>
      JSON.stringify(before[name as keyof LeadFacts]?.value) !==
      JSON.stringify(after[name as keyof LeadFacts]?.value),
  );
}

function applyPlan(draft: TurnDraft, plan: BotTurnPlan): void {
  const { state } = draft;
  if (plan.stage !== undefined) setStage(draft, plan.stage);
  for (const [name, value] of Object.entries(plan.attributes)) {
    if (value === null) delete state.attributes[name];
    else state.attributes[name] = value;
  }
  if (plan.nextQuestion !== undefined && !state.askedQuestions.includes(plan.nextQuestion))
    state.askedQuestions.push(plan.nextQuestion);
  if (plan.crmActions.some((action) => action.type === 'createOpportunity'))
    state.attributes['opportunityCreated'] = true;
  if (plan.stage === 'qualified' && state.qualifiedAt === undefined) state.qualifiedAt = draft.now;
}

/**
 * Steps 4–6 for one inbound message: decode intent, extract and merge facts, let the handoff governor move the
 * contact, score, run the active bot, word the reply (LLM mode, rules fallback), write facts, score and stage back
 * to the CRM, record the bot decision, and send the reply through the compliance guard. @internal
 */
export async function botTurn(
  ctx: OrchestratorContext,
  draft: TurnDraft,
  input: {
    text: string;
    channel: MessageChannel;
    messageId: string;
    history: HistoryMessage[];
    firstName?: string | undefined;
  },
): Promise<void> {
  const services = ctx.services(draft.tenant);
  const { state, tenant, contactId } = draft;
  const started = ctx.clock.now();
  const call = { tenantId: tenant.id, contactId, history: input.history };
  const intent = await services.decoder.decode(input.text, call);
  draft.decisions.push({
    type: 'intent',
    intent: intent.intent,
    confidence: intent.confidence,
    signals: intent.signals,
  });
  addEvent(draft, 'intent.decoded', {
    contactId,
    intent: intent.intent,
    confidence: intent.confidence,
  });
  const extraction = await services.extractor.extractWithProvenance(input.text, {
    ...call,
    intent: intent.intent,
  });
  const before = state.facts;
  state.facts = mergeFacts(before, extraction.facts, {
    sourceMessageId: input.messageId,
    confidence: extraction.confidence,
    extractedAt: draft.now,
  });
  const changedFacts = changedFactNames(before, state.facts);
  const previousBot = state.activeBot;
  const previousStage = state.stage;
  const handoff = await handoffStep(ctx, draft, { intent, changedFacts });
  const previousScore = scoreStep(ctx, draft, services);
  const templates = createTemplateRenderer({ tenant, contactId, overrides: services.templates });
  const plan = await services.engines[state.activeBot].turn({
    tenant,
    state,
    firstName: input.firstName ?? draft.contact?.firstName,
    text: input.text,
    channel: input.channel,
    intent,
    changedFacts,
    handoff,
    now: draft.now,
    templates,
    listings: ctx.ports.listings,
    crm: ctx.crmFor(tenant.id),
    signal: undefined,
  });
  const fairHousing = fairHousingAnswer(input.text, services.inboundFairHousing);
  if (fairHousing !== undefined) plan.reasons.push('fair_housing_question');
  const worded = await wordReply(ctx, draft, {
    services,
    plan,
    text: joinParts(fairHousing, plan.reply),
  });
  const source: ReplySource =
    worded.source === 'rules' && extraction.mode === 'rules_fallback' ? 'fallback' : worded.source;
  applyPlan(draft, plan);
  if (plan.action === 'book_appointment') recordTemplateOutcome(draft, 'booked');
  state.turnCount += 1;
  addActions(draft, ...plan.crmActions);
  const fields = fieldUpdates({
    facts: state.facts,
    changedFacts,
    score: state.score,
    previousScore,
    activeBot: state.activeBot,
    previousBot,
  });
  if (Object.keys(fields).length > 0) addActions(draft, { type: 'updateCustomFields', fields });
  const move = stageMove({
    stage: state.stage,
    previous: previousStage,
    hasOpportunity: state.attributes['opportunityCreated'] === true,
    actions: plan.crmActions,
  });
  if (move) addActions(draft, move);
  const durationMs = ctx.clock.now() - started;
  const decision: BotDecision = {
    bot: plan.bot,
    contactId,
    messageId: input.messageId,
    intent: { kind: intent.intent, confidence: intent.confidence },
    action: plan.action,
    ...(worded.text ? { reply: worded.text } : {}),
    ...(plan.nextQuestion ? { nextQuestion: plan.nextQuestion } : {}),
    factsUpdated: changedFacts,
    ...(state.score ? { score: state.score } : {}),
    crmActions: draft.actions,
    source: source === 'system' ? 'rules' : source,
    reasons: plan.reasons,
    durationMs,
  };
  draft.decisions.push({ type: 'bot', decision });
  addAudit(draft, {
    type: 'bot.decision',
    bot: plan.bot,
    data: {
      action: plan.action,
      nextQuestion: plan.nextQuestion ?? null,
      factsUpdated: changedFacts,
      score: state.score?.value ?? null,
      temperature: state.score?.temperature ?? null,
      source: decision.source,
      reasons: plan.reasons,
      replyLength: worded.text.length,
      crmActions: draft.actions.map((action) => action.type),
      templates: templates.used.map((use) => `${use.key}:${use.variant}`),
      extraction: extraction.mode,
      durationMs,
    },
  });
  draft.templates.push(...templates.used);
  if (worded.text.trim().length > 0)
    await sendThroughGuard(ctx, draft, {
      text: worded.text,
      channel: input.channel,
      bot: plan.bot,
      source,
    });
  const qualifiedNow = previousStage !== 'qualified' && state.stage === 'qualified';
  addEvent(draft, 'bot.turn.completed', {
    contactId,
    bot: plan.bot,
    operation: qualifiedNow ? 'full_qualification' : 'process',
    durationMs: ctx.clock.now() - draft.started,
    success: true,
  });
}
