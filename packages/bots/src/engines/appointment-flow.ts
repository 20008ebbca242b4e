import type { FreeSlot } from '@enterprisehub/core';
import type { TemplateKey } from '../templates/default-templates';
import type { TemplateVars } from '../templates/template-renderer';
import type { BotTurnContext, BotTurnPlan } from './bot-engine';
import { chooseSlot, describeSlots, findFreeSlots, storedSlotsSchema } from './appointment-slots';
import { formatLocalTime } from './format';

/** What kind of appointment a bot offers and how it talks about it. */
export interface AppointmentSpec {
  /** `showing` (buyer) or `listing` (seller listing appointment). */
  kind: 'showing' | 'listing';
  /** Appointment title in the CRM, e.g. `Showing: 1803 Brushy Creek Rd`. */
  title: string;
  /** Where it takes place, when known. */
  address?: string | undefined;
  /** Template offering the slots (`{slots}` placeholder). */
  offerKey: TemplateKey;
  /** Template used when no slot is free (the agent follows up). */
  noSlotsKey: TemplateKey;
  /** Template confirming the booking (`{time}` placeholder). */
  bookedKey: TemplateKey;
  /** Extra template values (`listing`, …). */
  vars?: TemplateVars;
}

/** Attribute holding the offered slots (JSON). */
export const OFFERED_SLOTS = 'offeredSlots';

/** The time zone appointment times are shown in: the tenant's. */
const zoneOf = (context: BotTurnContext): string => context.tenant.timeZone;

/** The slots offered on an earlier turn, if any. */
export function offeredSlots(context: BotTurnContext): FreeSlot[] {
  const raw = context.state.attributes[OFFERED_SLOTS];
  if (typeof raw !== 'string') return [];
  try {
    const parsed = storedSlotsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * Offers up to three free calendar slots (from `CrmGateway.getFreeSlots`) and remembers them; without a CRM or free
 * slots, says the agent will follow up with times. Returns the reply text.
 */
export async function offerAppointment(
  context: BotTurnContext,
  plan: BotTurnPlan,
  spec: AppointmentSpec,
): Promise<string> {
  const { crm, tenant, templates } = context;
  const slots = crm
    ? await findFreeSlots({
        crm,
        tenantId: tenant.id,
        now: context.now,
        timeZone: zoneOf(context),
        calendarId: tenant.ghl.calendarId,
        signal: context.signal,
      })
    : [];
  if (slots.length === 0) {
    plan.reasons.push('no_free_slots');
    plan.attributes[OFFERED_SLOTS] = null;
    plan.attributes[`${spec.kind}Requested`] = true;
    plan.crmActions.push({
      type: 'addNote',
      body: `The lead would like a ${spec.kind === 'showing' ? 'showing' : 'listing appointment'}${spec.kind === 'showing' && spec.address ? ` of ${spec.address}` : ''}; no free calendar slots were found in the next days, please propose times.`,
    });
    return templates.render(spec.noSlotsKey, spec.vars).text;
  }
  plan.attributes[OFFERED_SLOTS] = JSON.stringify(slots);
  plan.attributes['lastQuestion'] = spec.offerKey;
  plan.nextQuestion = spec.offerKey;
  plan.stage = 'scheduling';
  plan.reasons.push(`offered_${spec.kind}_slots:${slots.length}`);
  const described = describeSlots(slots, zoneOf(context));
  plan.keepVerbatim.push(described);
  return templates.render(spec.offerKey, { ...spec.vars, slots: described }).text;
}

/**
 * Reads the lead's answer to offered slots: books the chosen slot (appointment, opportunity stage, note), or asks
 * again, or records a decline. Returns `undefined` when no slots were offered.
 */
export function answerAppointment(
  context: BotTurnContext,
  plan: BotTurnPlan,
  spec: AppointmentSpec,
): { outcome: 'booked' | 'declined' | 'unclear'; reply: string } | undefined {
  const slots = offeredSlots(context);
  if (slots.length === 0) return undefined;
  const zone = zoneOf(context);
  const choice = chooseSlot(context.text, slots, zone);
  if (choice === 'declined') {
    plan.attributes[OFFERED_SLOTS] = null;
    plan.reasons.push(`${spec.kind}_slots_declined`);
    return {
      outcome: 'declined',
      reply: context.templates.render(spec.noSlotsKey, spec.vars).text,
    };
  }
  const slot = choice === undefined ? undefined : slots[choice];
  if (!slot) {
    const described = describeSlots(slots, zone);
    plan.keepVerbatim.push(described);
    return {
      outcome: 'unclear',
      reply: context.templates.render('pick_slot', { slots: described }).text,
    };
  }
  const time = formatLocalTime(Date.parse(slot.startTime), zone);
  plan.crmActions.push(
    {
      type: 'createAppointment',
      startTime: slot.startTime,
      endTime: slot.endTime,
      title: spec.title,
      ...(context.tenant.ghl.calendarId ? { calendarId: context.tenant.ghl.calendarId } : {}),
      ...(spec.address ? { address: spec.address } : {}),
    },
    { type: 'moveOpportunityStage', stage: 'appointment_set' },
    { type: 'addNote', body: `${spec.title} booked by the ${plan.bot} bot for ${time} (${zone}).` },
  );
  plan.action = 'book_appointment';
  plan.stage = 'appointment_set';
  plan.attributes[OFFERED_SLOTS] = null;
  plan.attributes['appointmentAt'] = Date.parse(slot.startTime);
  plan.attributes['appointmentKind'] = spec.kind;
  plan.reasons.push(`${spec.kind}_booked`);
  plan.keepVerbatim.push(time);
  return {
    outcome: 'booked',
    reply: context.templates.render(spec.bookedKey, { ...spec.vars, time }).text,
  };
}
