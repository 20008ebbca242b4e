import { describe, expect, it } from 'vitest';
import { crmActionSchema, type CrmActionType } from '../domain/crm-action';
import { tenantSchema } from '../domain/tenant';
import {
  buildContact,
  buildConversationState,
  buildLeadScore,
  buildMessage,
  buildTenant,
} from './builders';
import {
  buildAlertNotification,
  buildAlertRecord,
  buildAuditEvent,
  buildBotDecision,
  buildCrmAction,
  buildListing,
  buildMetricSample,
} from './record-builders';

const ACTION_TYPES: CrmActionType[] = [
  'sendMessage',
  'addTags',
  'removeTags',
  'updateCustomFields',
  'moveOpportunityStage',
  'createOpportunity',
  'createAppointment',
  'addToWorkflow',
  'addNote',
  'setDnd',
];

describe('builders', () => {
  it('build valid objects with overrides applied', () => {
    expect(tenantSchema.parse(buildTenant({ id: 'acme' })).ghlLocationId).toBe('loc_acme');
    expect(buildContact({ tenantId: 't9' }).tenantId).toBe('t9');
    expect(buildMessage({ direction: 'outbound' }).author).toBe('bot');
    expect(buildConversationState({ activeBot: 'seller' })).toMatchObject({
      activeBot: 'seller',
      version: 0,
    });
    expect(buildLeadScore({ value: 9 }).temperature).toBe('hot');
    expect(buildLeadScore({ value: 2 }).temperature).toBe('cold');
    expect(buildAuditEvent().type).toBe('bot.decision');
    expect(buildBotDecision().source).toBe('rules');
    expect(buildListing({ bedrooms: 5 }).bedrooms).toBe(5);
    expect(buildAlertNotification().severity).toBe('critical');
    expect(buildAlertRecord().status).toBe('firing');
    expect(buildMetricSample({ value: 2 }).value).toBe(2);
  });

  it('give fresh ids on every call', () => {
    expect(buildContact().id).not.toBe(buildContact().id);
    expect(buildCrmAction('addNote').idempotencyKey).not.toBe(
      buildCrmAction('addNote').idempotencyKey,
    );
  });

  it.each(ACTION_TYPES)('buildCrmAction builds a valid %s', (type) => {
    const action = buildCrmAction(type, { contactId: 'c42' });
    expect(crmActionSchema.parse(action)).toEqual(action);
    expect(action).toMatchObject({ type, contactId: 'c42' });
  });
});
