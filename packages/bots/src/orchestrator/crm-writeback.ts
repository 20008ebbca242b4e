import type {
  ConversationStage,
  CrmAction,
  LeadFacts,
  LeadScore,
  Tenant,
} from '@enterprisehub/core';
import type { CrmActionDraft } from '../engines/bot-engine';

/** Logical custom-field names the bots write, per lead fact (map them to GHL field ids in `tenant.ghl.customFields`). */
export const FACT_FIELD_NAMES: Readonly<Partial<Record<keyof LeadFacts, string>>> = {
  budgetMin: 'budget_min',
  budgetMax: 'budget_max',
  bedrooms: 'bedrooms',
  bathrooms: 'bathrooms',
  propertyType: 'property_type',
  areas: 'preferred_areas',
  timelineMonths: 'timeline_months',
  preApproved: 'pre_approved',
  lender: 'lender',
  cashBuyer: 'cash_buyer',
  mustHaves: 'must_haves',
  hasHomeToSell: 'has_home_to_sell',
  propertyAddress: 'property_address',
  propertyCondition: 'property_condition',
  priceExpectation: 'price_expectation',
  motivation: 'motivation',
};

/** Logical opportunity stage for a conversation stage (moves are written only after an opportunity exists). */
export const OPPORTUNITY_STAGE_FOR: Readonly<Partial<Record<ConversationStage, string>>> = {
  qualifying: 'qualifying',
  qualified: 'qualified',
  appointment_set: 'appointment_set',
  nurturing: 'nurture',
  dormant: 'dormant',
};

type FieldValue = string | number | boolean | string[] | null;

/** Custom-field updates for the facts that changed, plus score, temperature and active bot when they changed. */
export function fieldUpdates(input: {
  facts: LeadFacts;
  changedFacts: readonly string[];
  score?: LeadScore | undefined;
  previousScore?: LeadScore | undefined;
  activeBot: string;
  previousBot: string;
}): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const name of input.changedFacts) {
    const field = FACT_FIELD_NAMES[name as keyof LeadFacts];
    const value: unknown = input.facts[name as keyof LeadFacts]?.value;
    if (field === undefined || value === undefined) continue;
    fields[field] = Array.isArray(value) ? value.map(String) : (value as FieldValue);
  }
  if (
    input.score &&
    (input.score.value !== input.previousScore?.value ||
      input.score.temperature !== input.previousScore.temperature)
  ) {
    fields['lead_score'] = input.score.value;
    fields['lead_temperature'] = input.score.temperature;
  }
  if (input.activeBot !== input.previousBot) fields['active_bot'] = input.activeBot;
  return fields;
}

/** Opportunity stage move for a stage change, unless an action this turn already puts the deal there. */
export function stageMove(options: {
  stage: ConversationStage;
  previous: ConversationStage;
  hasOpportunity: boolean;
  actions: readonly CrmActionDraft[];
}): CrmActionDraft | undefined {
  const logical = OPPORTUNITY_STAGE_FOR[options.stage];
  if (!logical || options.stage === options.previous || !options.hasOpportunity) return undefined;
  const already = options.actions.some(
    (action) =>
      (action.type === 'moveOpportunityStage' || action.type === 'createOpportunity') &&
      action.stage === logical,
  );
  return already ? undefined : { type: 'moveOpportunityStage', stage: logical };
}

/**
 * Keeps only the CRM actions the tenant's GHL mapping can resolve: when the tenant maps custom fields, pipeline stages
 * or workflows, names it does not map are dropped (an unmapped field is removed from `updateCustomFields`); a tenant
 * with no mapping of a kind (dry-run and demo tenants) gets every logical name, so the outbox shows them all.
 */
export function filterByMapping(actions: readonly CrmAction[], tenant: Tenant): CrmAction[] {
  const { customFields, pipeline, workflows } = tenant.ghl;
  const mapsFields = Object.keys(customFields).length > 0;
  const mapsWorkflows = Object.keys(workflows).length > 0;
  return actions.flatMap((action): CrmAction[] => {
    if (action.type === 'updateCustomFields' && mapsFields) {
      const fields = Object.fromEntries(
        Object.entries(action.fields).filter(([name]) => customFields[name] !== undefined),
      );
      return Object.keys(fields).length > 0 ? [{ ...action, fields }] : [];
    }
    if (
      (action.type === 'moveOpportunityStage' || action.type === 'createOpportunity') &&
      pipeline
    ) {
      return pipeline.stages[action.stage] !== undefined ? [action] : [];
    }
    if (action.type === 'addToWorkflow' && mapsWorkflows)
      return workflows[action.workflow] !== undefined ? [action] : [];
    return [action];
  });
}
