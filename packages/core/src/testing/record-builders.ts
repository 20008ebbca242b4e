import { alertNotificationSchema, type AlertNotification } from '../domain/alert-notification';
import { auditEventSchema, type AuditEvent } from '../domain/audit-event';
import { botDecisionSchema, type BotDecision } from '../domain/bot-decision';
import { crmActionSchema, type CrmActionOf, type CrmActionType } from '../domain/crm-action';
import { listingSchema, type Listing } from '../domain/listing';
import {
  alertRecordSchema,
  metricSampleSchema,
  type AlertRecord,
  type MetricSample,
} from '../domain/metric-sample';
import { nextTestId } from './builders';
import { MANUAL_CLOCK_EPOCH } from './manual-clock';

const ACTION_TEMPLATES: {
  [K in CrmActionType]: Omit<CrmActionOf<K>, 'idempotencyKey' | 'contactId'>;
} = {
  sendMessage: {
    type: 'sendMessage',
    channel: 'SMS',
    body: 'Thanks! What area are you looking in?',
  },
  addTags: { type: 'addTags', tags: ['ai-qualified'] },
  removeTags: { type: 'removeTags', tags: ['new-lead'] },
  updateCustomFields: { type: 'updateCustomFields', fields: { lead_score: 7 } },
  moveOpportunityStage: { type: 'moveOpportunityStage', stage: 'qualified' },
  createOpportunity: { type: 'createOpportunity', name: 'Buyer lead', stage: 'new' },
  createAppointment: {
    type: 'createAppointment',
    startTime: '2026-01-02T15:00:00-06:00',
    endTime: '2026-01-02T15:30:00-06:00',
    title: 'Showing',
  },
  addToWorkflow: { type: 'addToWorkflow', workflow: 'nurture' },
  addNote: { type: 'addNote', body: 'Qualified by the buyer bot.' },
  setDnd: { type: 'setDnd', enabled: true },
};

/**
 * Builds a valid CRM action of the given type with a fresh idempotency key.
 *
 * @example
 * ```ts
 * const action = buildCrmAction('addTags', { contactId: 'c1', tags: ['hot'] });
 * ```
 */
export function buildCrmAction<K extends CrmActionType>(
  type: K,
  overrides: Partial<CrmActionOf<K>> = {},
): CrmActionOf<K> {
  const action = {
    idempotencyKey: nextTestId('idem'),
    contactId: 'c1',
    ...ACTION_TEMPLATES[type],
    ...overrides,
  };
  return crmActionSchema.parse(action) as CrmActionOf<K>;
}

/** Builds a valid audit event (a `bot.decision` for tenant `t1`). */
export function buildAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return auditEventSchema.parse({
    id: nextTestId('audit'),
    tenantId: 't1',
    contactId: 'c1',
    type: 'bot.decision',
    actor: { kind: 'bot', id: 'lead' },
    bot: 'lead',
    at: MANUAL_CLOCK_EPOCH,
    data: {},
    ...overrides,
  });
}

/** Builds a valid rules-engine reply decision of the lead bot. */
export function buildBotDecision(overrides: Partial<BotDecision> = {}): BotDecision {
  return botDecisionSchema.parse({
    bot: 'lead',
    contactId: 'c1',
    action: 'reply',
    reply: 'Great! Which area are you considering?',
    source: 'rules',
    ...overrides,
  });
}

/** Builds a valid active listing in Cedar Park. */
export function buildListing(overrides: Partial<Listing> = {}): Listing {
  return listingSchema.parse({
    id: nextTestId('mls'),
    address: '1200 Example Trl',
    area: 'Cedar Park',
    city: 'Cedar Park',
    priceUsd: 485_000,
    bedrooms: 3,
    bathrooms: 2,
    squareFeet: 1850,
    propertyType: 'single_family',
    status: 'active',
    features: ['garage'],
    listedAt: MANUAL_CLOCK_EPOCH,
    ...overrides,
  });
}

/** Builds a valid firing critical `sla_violation` notification. */
export function buildAlertNotification(
  overrides: Partial<AlertNotification> = {},
): AlertNotification {
  return alertNotificationSchema.parse({
    ruleId: 'sla_violation',
    severity: 'critical',
    status: 'firing',
    fingerprint: 'sla_violation:lead',
    title: 'Lead bot P95 over SLA',
    message: 'lead_bot.response_time_p95 is 2450 ms (target 2000 ms).',
    firedAt: MANUAL_CLOCK_EPOCH,
    metric: { name: 'lead_bot.response_time_p95', value: 2450, threshold: 2000 },
    ...overrides,
  });
}

/** Builds a valid firing alert record. */
export function buildAlertRecord(overrides: Partial<AlertRecord> = {}): AlertRecord {
  return alertRecordSchema.parse({
    id: nextTestId('alert'),
    ruleId: 'high_error_rate',
    fingerprint: 'high_error_rate',
    severity: 'critical',
    status: 'firing',
    message: 'error_rate is 7% (threshold 5%).',
    value: 0.07,
    firedAt: MANUAL_CLOCK_EPOCH,
    ...overrides,
  });
}

/** Builds a valid metric sample (`error_rate` = 0.01). */
export function buildMetricSample(overrides: Partial<MetricSample> = {}): MetricSample {
  return metricSampleSchema.parse({
    name: 'error_rate',
    value: 0.01,
    at: MANUAL_CLOCK_EPOCH,
    ...overrides,
  });
}
