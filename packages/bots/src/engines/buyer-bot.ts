import type { LeadFacts } from '@enterprisehub/core';
import { joinParts } from '../templates/template-renderer';
import {
  answerAppointment,
  offerAppointment,
  offeredSlots,
  type AppointmentSpec,
} from './appointment-flow';
import {
  emptyPlan,
  firstContactGreeting,
  type BotEngine,
  type BotTurnContext,
  type BotTurnPlan,
} from './bot-engine';
import { formatLocalTime } from './format';
import { describeMatch, matchListings } from './listing-matcher';
import { chooseListing, offeredListings, type OfferedListing } from './listing-choice';
import { BUYER_QUESTIONS, factValue, markAsked, nextQuestion } from './question-plan';

const CRITERIA_FACTS = new Set([
  'budgetMax',
  'budgetMin',
  'areas',
  'bedrooms',
  'mustHaves',
  'propertyType',
]);
function showingSpec(listing: OfferedListing): AppointmentSpec {
  return {
    kind: 'showing',
    title: `Showing: ${listing.address}`,
    address: `${listing.address}, ${listing.area}`,
    offerKey: 'buyer.offer_showing',
    noSlotsKey: 'buyer.no_slots',
    bookedKey: 'buyer.booked',
    vars: { listing: listing.address },
  };
}

function showingListing(context: BotTurnContext): OfferedListing | undefined {
  const id = context.state.attributes['showingListingId'];
  return offeredListings(context).find((listing) => listing.id === id);
}

async function presentMatches(context: BotTurnContext, plan: BotTurnPlan): Promise<string> {
  const { listings, tenant, templates, state } = context;
  plan.stage = state.stage === 'appointment_set' ? state.stage : 'qualified';
  if (!listings) {
    plan.reasons.push('no_listing_source');
    return templates.render('wrap.general').text;
  }
  const matches = await matchListings({
    listings,
    tenantId: tenant.id,
    facts: state.facts,
    signal: context.signal,
  });
  if (matches.length === 0) {
    plan.reasons.push('no_matches');
    plan.attributes['offeredListings'] = null;
    return templates.render('buyer.no_matches').text;
  }
  const lines = matches.map(describeMatch);
  plan.keepVerbatim.push(...lines);
  plan.attributes['offeredListings'] = JSON.stringify(
    matches.map(({ listing }) => ({
      id: listing.id,
      address: listing.address,
      area: listing.area,
    })),
  );
  plan.attributes['lastQuestion'] = 'buyer.matches';
  plan.attributes['showingRequested'] = null;
  plan.nextQuestion = 'buyer.matches';
  plan.reasons.push(`matched_listings:${matches.length}`);
  plan.crmActions.push({
    type: 'addNote',
    body: `Buyer bot sent ${matches.length} matching listings: ${matches.map(({ listing }) => listing.id).join(', ')}.`,
  });
  return templates.render('buyer.matches', { count: matches.length, listings: lines.join('\n') })
    .text;
}

async function afterMatches(
  context: BotTurnContext,
  plan: BotTurnPlan,
): Promise<string | undefined> {
  const offered = offeredListings(context);
  if (offered.length === 0) return undefined;
  const choice = chooseListing(context.text, offered);
  if (choice === 'declined') {
    plan.reasons.push('listings_declined');
    return context.templates.render('buyer.decline').text;
  }
  if (choice === 'accept' && offered.length > 1)
    return context.templates.render('buyer.pick_listing').text;
  const listing = offered[choice === 'accept' ? 0 : (choice ?? -1)];
  if (!listing) return undefined;
  plan.attributes['showingListingId'] = listing.id;
  return offerAppointment(context, plan, showingSpec(listing));
}

function criteriaChanged(context: BotTurnContext): boolean {
  return context.changedFacts.some((name) => CRITERIA_FACTS.has(name));
}

/** The buyer's remaining qualification or the booked-appointment wrap-up. */
async function qualify(context: BotTurnContext, plan: BotTurnPlan): Promise<string> {
  const question = nextQuestion(BUYER_QUESTIONS, context.state);
  if (question) {
    markAsked(plan, context.state, question.key);
    plan.stage = 'qualifying';
    return context.templates.render(question.key).text;
  }
  return presentMatches(context, plan);
}

function summaryOf(facts: LeadFacts): string {
  const budget = factValue(facts, 'budgetMax');
  const bedrooms = factValue(facts, 'bedrooms');
  const areas = factValue(facts, 'areas') ?? [];
  return [
    bedrooms ? `${bedrooms} bd` : undefined,
    areas.length > 0 ? `in ${areas.join('/')}` : undefined,
    budget ? `up to $${Math.round(budget / 1000)}k` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The Buyer bot (consultative, market-savvy): asks budget, pre-approval or cash, areas, bedrooms, must-haves and
 * timeline one at a time (never an answered one), sends the best three listings with reasons, offers showing times
 * from the calendar and books the one the lead picks.
 *
 * @example
 * ```ts
 * const plan = await createBuyerBot().turn(context); // plan.reply: 'Thanks! Which areas are you most interested in?'
 * ```
 */
export function createBuyerBot(): BotEngine {
  return {
    name: 'buyer',
    async turn(context) {
      const plan = emptyPlan('buyer');
      const { state, templates } = context;
      const started = state.attributes['buyer.started'] === true;
      const opener = started
        ? context.changedFacts.length > 0
          ? templates.acknowledge(state.turnCount)
          : undefined
        : joinParts(firstContactGreeting(context), templates.render('buyer.intro').text);
      if (!started) {
        plan.attributes['buyer.started'] = true;
        const summary = summaryOf(state.facts);
        plan.crmActions.push({
          type: 'createOpportunity',
          name: `Buyer lead${summary ? `: ${summary}` : ''}`,
          stage: 'qualifying',
        });
      }
      let body: string | undefined;
      const pendingShowing = showingListing(context);
      if (offeredSlots(context).length > 0 && pendingShowing && !criteriaChanged(context)) {
        body = answerAppointment(context, plan, showingSpec(pendingShowing))?.reply;
      } else if (state.attributes['showingRequested'] === true && !criteriaChanged(context)) {
        body = templates.render('wrap.general').text;
      } else if (state.stage === 'appointment_set' && !criteriaChanged(context)) {
        const at = state.attributes['appointmentAt'];
        body = templates.render('wrap.booked', {
          time:
            typeof at === 'number'
              ? formatLocalTime(at, context.tenant.timeZone)
              : 'your appointment',
        }).text;
      } else if (state.attributes['offeredListings'] !== undefined && !criteriaChanged(context)) {
        body = await afterMatches(context, plan);
      }
      body ??= await qualify(context, plan);
      plan.reply = joinParts(opener, body);
      return plan;
    },
  };
}
