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
import { computeCma, type Cma } from './cma';
import { formatList, formatLocalTime, formatNumber, formatUsd } from './format';
import { factValue, markAsked, nextQuestion, SELLER_QUESTIONS } from './question-plan';

const SQFT =
  /(\d{1,2}(?:,\d{3})|\d{3,5}|\d(?:\.\d)?\s?k)\s*(?:sq\.?\s?f(?:ee|oo)?t|sq\.?\s?ft|sqft|square\s?f(?:ee|oo)t|sf)\b/i;

/** Square footage stated in a message (`2,100 sq ft`, `1.8k sqft`), or a bare number answering the size question. */
export function readSquareFeet(text: string, askedSize: boolean): number | undefined {
  const match = SQFT.exec(text);
  const raw = match?.[1] ?? (askedSize ? /\b(\d{1,2},\d{3}|\d{3,5})\b/.exec(text)?.[1] : undefined);
  if (raw === undefined) return undefined;
  const compact = raw.replace(/[,\s]/g, '').toLowerCase();
  const value = compact.endsWith('k') ? Number(compact.slice(0, -1)) * 1000 : Number(compact);
  return Number.isFinite(value) && value >= 300 && value <= 30_000 ? value : undefined;
}

function listingSpec(context: BotTurnContext): AppointmentSpec {
  const address = factValue(context.state.facts, 'propertyAddress');
  return {
    kind: 'listing',
    title: `Listing appointment${address ? `: ${address}` : ''}`,
    address,
    offerKey: 'seller.offer_appointment',
    noSlotsKey: 'seller.no_slots',
    bookedKey: 'seller.booked',
  };
}

function describeCma(context: BotTurnContext, cma: Cma, area: string): string {
  const comps = cma.comps
    .slice(0, 4)
    .map(
      (comp) =>
        `${comp.address} sold ${formatUsd(comp.soldPriceUsd)}${comp.squareFeet ? ` (${formatNumber(comp.squareFeet)} sq ft)` : ''}`,
    );
  const text = context.templates.render('seller.cma', {
    count: cma.comps.length,
    area,
    ppsf: cma.medianPricePerSqft === undefined ? 'n/a' : `$${cma.medianPricePerSqft}`,
    estimate: formatUsd(cma.estimateUsd),
    low: formatUsd(cma.lowUsd),
    high: formatUsd(cma.highUsd),
    comps: formatList(comps, 'and'),
  }).text;
  const hoped = factValue(context.state.facts, 'priceExpectation');
  if (hoped === undefined || (hoped >= cma.lowUsd && hoped <= cma.highUsd)) return text;
  const side = hoped > cma.highUsd ? 'above' : 'below';
  return `${text} Your ${formatUsd(hoped)} figure is ${side} that range; ${context.tenant.agent.name} can walk you through pricing options.`;
}

async function valuation(context: BotTurnContext, plan: BotTurnPlan): Promise<string> {
  const { state, listings, tenant } = context;
  const area = factValue(state.facts, 'areas')?.[0];
  const sqft = state.attributes['subjectSqft'];
  const cma =
    listings && area
      ? await computeCma({
          listings,
          tenantId: tenant.id,
          now: context.now,
          signal: context.signal,
          subject: {
            area,
            squareFeet: typeof sqft === 'number' ? sqft : undefined,
            bedrooms: factValue(state.facts, 'bedrooms'),
            propertyType: factValue(state.facts, 'propertyType'),
            condition: factValue(state.facts, 'propertyCondition'),
          },
        })
      : undefined;
  plan.stage = 'qualified';
  plan.attributes['cmaDone'] = true;
  let text: string;
  if (cma && area) {
    text = describeCma(context, cma, area);
    plan.keepVerbatim.push(
      formatUsd(cma.estimateUsd),
      formatUsd(cma.lowUsd),
      formatUsd(cma.highUsd),
    );
    plan.attributes['cmaEstimateUsd'] = cma.estimateUsd;
    plan.reasons.push(`cma:${cma.method}:${cma.comps.length}`);
    plan.crmActions.push(
      {
        type: 'updateCustomFields',
        fields: { cma_estimate: cma.estimateUsd, cma_low: cma.lowUsd, cma_high: cma.highUsd },
      },
      {
        type: 'addNote',
        body: `CMA by the seller bot: about ${formatUsd(cma.estimateUsd)} (${formatUsd(cma.lowUsd)}–${formatUsd(cma.highUsd)}), ${cma.method === 'price_per_sqft' ? `median $${cma.medianPricePerSqft ?? 0}/sq ft adjusted for size, ` : ''}condition x${cma.conditionAdjustment}. Comps: ${cma.comps.map((comp) => comp.id).join(', ')}.`,
      },
    );
  } else {
    text = context.templates.render('seller.no_cma').text;
    plan.reasons.push('cma_unavailable');
  }
  return joinParts(text, await offerAppointment(context, plan, listingSpec(context)));
}

/**
 * The Seller bot (professional advisor, market expert): asks address, area, size, condition, timeline, motivation
 * and price expectation one at a time, then sends a CMA from sold comps (median $/sq ft adjusted for size and
 * condition, with the comps used) and offers a listing appointment from the calendar.
 *
 * @example
 * ```ts
 * const plan = await createSellerBot().turn(context); // plan.reply: "Great, … What's the address of the home …?"
 * ```
 */
export function createSellerBot(): BotEngine {
  return {
    name: 'seller',
    async turn(context) {
      const plan = emptyPlan('seller');
      const { state, templates } = context;
      const sqft = readSquareFeet(context.text, state.attributes['lastQuestion'] === 'ask.size');
      if (sqft !== undefined) {
        plan.attributes['subjectSqft'] = sqft;
        state.attributes['subjectSqft'] = sqft;
      }
      const started = state.attributes['seller.started'] === true;
      const changed = context.changedFacts.length > 0 || sqft !== undefined;
      const opener = started
        ? changed
          ? templates.acknowledge(state.turnCount)
          : undefined
        : joinParts(firstContactGreeting(context), templates.render('seller.intro').text);
      if (!started) {
        plan.attributes['seller.started'] = true;
        plan.crmActions.push({
          type: 'createOpportunity',
          name: 'Seller lead: listing consultation',
          stage: 'qualifying',
        });
      }
      let body: string | undefined;
      if (offeredSlots(context).length > 0) {
        body = answerAppointment(context, plan, listingSpec(context))?.reply;
      } else if (state.stage === 'appointment_set') {
        const at = state.attributes['appointmentAt'];
        body = templates.render('wrap.booked', {
          time:
            typeof at === 'number'
              ? formatLocalTime(at, context.tenant.timeZone)
              : 'your appointment',
        }).text;
      } else if (state.attributes['cmaDone'] === true) {
        body = templates.render('wrap.general').text;
      }
      if (body === undefined) {
        const question = nextQuestion(SELLER_QUESTIONS, state);
        if (question) {
          markAsked(plan, state, question.key);
          plan.stage = 'qualifying';
          body = templates.render(question.key).text;
        } else {
          body = await valuation(context, plan);
        }
      }
      plan.reply = joinParts(opener, body);
      return plan;
    },
  };
}
