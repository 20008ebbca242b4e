import { joinParts } from '../templates/template-renderer';
import {
  emptyPlan,
  firstContactGreeting,
  type BotEngine,
  type BotTurnContext,
  type BotTurnPlan,
} from './bot-engine';
import {
  factValue,
  hasFact,
  markAsked,
  nextQuestion,
  timesAsked,
  type QuestionSpec,
} from './question-plan';
import { formatList } from './format';

/** What the Lead bot asks a lead who is only browsing before offering market updates. */
const BROWSING_QUESTIONS: readonly QuestionSpec[] = [
  { key: 'ask.areas_browsing', answered: (state) => hasFact(state.facts, 'areas'), maxAsks: 1 },
  { key: 'ask.timeline', answered: (state) => hasFact(state.facts, 'timelineMonths'), maxAsks: 1 },
];

/** Basics the Lead bot captures itself when the Buyer or Seller bot is not enabled for the tenant. */
const BASIC_QUESTIONS: readonly QuestionSpec[] = [
  { key: 'ask.timeline', answered: (state) => hasFact(state.facts, 'timelineMonths') },
  { key: 'ask.areas', answered: (state) => hasFact(state.facts, 'areas'), maxAsks: 1 },
  {
    key: 'ask.budget',
    answered: (state) =>
      hasFact(state.facts, 'budgetMax') || hasFact(state.facts, 'priceExpectation'),
    maxAsks: 1,
  },
];

function ask(context: BotTurnContext, plan: BotTurnPlan, spec: QuestionSpec): string {
  markAsked(plan, context.state, spec.key);
  return context.templates.render(spec.key).text;
}

function browsing(context: BotTurnContext, plan: BotTurnPlan): string {
  const { state, templates } = context;
  const intro =
    state.attributes['lead.browsing'] === true ? undefined : templates.render('lead.browsing').text;
  plan.attributes['lead.browsing'] = true;
  const question = nextQuestion(BROWSING_QUESTIONS, state);
  if (question) return joinParts(intro, ask(context, plan, question));
  const areas = factValue(state.facts, 'areas') ?? [];
  plan.stage = 'nurturing';
  plan.action = 'schedule_follow_up';
  plan.reasons.push('browsing_to_nurture');
  plan.crmActions.push({ type: 'addTags', tags: ['nurture'] });
  if (context.tenant.ghl.workflows['nurture'] !== undefined)
    plan.crmActions.push({ type: 'addToWorkflow', workflow: 'nurture' });
  const forAreas = areas.length > 0 ? `for ${formatList(areas, 'and')}` : undefined;
  return joinParts(intro, templates.render('lead.nurture_offer', { forAreas }).text);
}

/**
 * The Lead bot (professional, knowledgeable, slightly conversational): greets a new lead in the tenant's voice
 * (the compliance guard adds the AI disclosure on first contact), finds out whether they want to buy, sell or both
 * (the orchestrator then hands them to the Buyer or Seller bot), keeps browsers warm with a couple of questions and a
 * nurture offer, and captures the basics itself when the specialist bot is not enabled.
 *
 * @example
 * ```ts
 * const plan = await createLeadBot().turn(context);
 * plan.reply; // 'Hi Maria! This is Jorge with Demo Austin Realty. Thanks for reaching out. Are you looking to buy a home, sell one, or both?'
 * ```
 */
export function createLeadBot(): BotEngine {
  return {
    name: 'lead',
    // eslint-disable-next-line @typescript-eslint/require-await -- the engine contract is async (other bots call ports)
    async turn(context) {
      const plan = emptyPlan('lead');
      const { state, templates, intent, tenant } = context;
      const greeting = firstContactGreeting(context);
      if (greeting === undefined && context.changedFacts.length > 0)
        plan.reasons.push('facts_captured');
      const opener =
        greeting ??
        (context.changedFacts.length > 0 ? templates.acknowledge(state.turnCount) : undefined);
      if (state.stage === 'new') plan.stage = 'qualifying';
      if (
        state.stage === 'nurturing' &&
        context.changedFacts.length === 0 &&
        intent.intent !== 'buyer' &&
        intent.intent !== 'seller' &&
        intent.intent !== 'both'
      ) {
        plan.action = 'no_reply';
        plan.reasons.push('nurturing_ack');
        return plan;
      }
      let body: string;
      if (
        intent.intent === 'browsing' ||
        (state.attributes['lead.browsing'] === true && intent.intent === 'unknown')
      ) {
        body = browsing(context, plan);
      } else if (intent.intent === 'unknown') {
        body =
          timesAsked(state, 'ask.intent') < 2
            ? ask(context, plan, { key: 'ask.intent', answered: () => false })
            : templates.render('wrap.general').text;
      } else {
        const wanted = intent.intent === 'buyer' ? 'buyer' : 'seller';
        if (tenant.enabledBots.includes(wanted)) {
          plan.reasons.push(`intent_unconfirmed:${intent.intent}`);
          body =
            timesAsked(state, 'lead.clarify') < 1
              ? ask(context, plan, { key: 'lead.clarify', answered: () => false })
              : templates.render('wrap.general').text;
        } else {
          plan.reasons.push(`bot_disabled:${wanted}`);
          const question = nextQuestion(BASIC_QUESTIONS, state);
          body = question ? ask(context, plan, question) : templates.render('wrap.general').text;
          if (!question) plan.stage = 'qualified';
        }
      }
      plan.reply = joinParts(opener, body);
      return plan;
    },
  };
}
