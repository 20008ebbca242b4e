import { describe, expect, it } from 'vitest';
import { buildConversationState, buildMessage, buildTenant } from '../testing/builders';
import { MAX_CONVERSATION_MESSAGES, appendMessage } from './conversation-state';
import { crmActionSchema } from './crm-action';
import { leadFactsSchema } from './lead-facts';
import { outboxBackoffMs } from './outbox-entry';
import { tenantSchema } from './tenant';
import { priceBandSchema } from './tenant-market';

describe('domain schemas', () => {
  it('tenant: applies compliance, LLM and mapping defaults', () => {
    const tenant = buildTenant();
    expect(tenant.compliance.quietHours).toEqual({ enabled: true, start: '21:00', end: '08:00' });
    expect(tenant.compliance.consent.optOutKeywords).toContain('STOP');
    expect(tenant.llm).toMatchObject({ enabled: false, hourlyLimitUsd: 50, emergencyStopUsd: 100 });
    expect(tenant.enabledBots).toEqual(['lead', 'buyer', 'seller']);
    expect(tenant.ghl.customFields).toEqual({});
  });

  it('tenant: rejects unknown time zones, bad quiet hours and bad ids', () => {
    const base = buildTenant();
    expect(tenantSchema.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
    const quiet = {
      ...base.compliance,
      quietHours: { enabled: true, start: '25:00', end: '08:00' },
    };
    expect(tenantSchema.safeParse({ ...base, compliance: quiet }).success).toBe(false);
    expect(tenantSchema.safeParse({ ...base, id: 'has space' }).success).toBe(false);
  });

  it('price band: max must exceed min; open-ended top band allowed', () => {
    expect(priceBandSchema.safeParse({ name: 'x', minUsd: 500, maxUsd: 100 }).success).toBe(false);
    expect(priceBandSchema.safeParse({ name: 'luxury', minUsd: 1_000_000 }).success).toBe(true);
  });

  it('lead facts: every fact carries a confidence between 0 and 1', () => {
    expect(
      leadFactsSchema.safeParse({
        budgetMax: { value: 500_000, confidence: 0.8, sourceMessageId: 'm1' },
      }).success,
    ).toBe(true);
    expect(leadFactsSchema.safeParse({ budgetMax: { value: 500_000 } }).success).toBe(false);
    expect(leadFactsSchema.safeParse({ bedrooms: { value: 3, confidence: 1.5 } }).success).toBe(
      false,
    );
  });

  it('crm action: discriminates on type and requires an idempotency key', () => {
    expect(
      crmActionSchema.safeParse({ type: 'addTags', contactId: 'c1', tags: ['x'] }).success,
    ).toBe(false);
    expect(
      crmActionSchema.safeParse({ type: 'teleport', contactId: 'c1', idempotencyKey: 'k' }).success,
    ).toBe(false);
    const parsed = crmActionSchema.parse({
      type: 'setDnd',
      contactId: 'c1',
      idempotencyKey: 'k',
      enabled: true,
    });
    expect(parsed.type === 'setDnd' && parsed.enabled).toBe(true);
  });

  it('appendMessage keeps the newest messages without mutating the state', () => {
    let state = buildConversationState();
    const original = state;
    for (let index = 0; index < MAX_CONVERSATION_MESSAGES + 3; index++)
      state = appendMessage(state, buildMessage({ id: `m${index}` }));
    expect(state.messages).toHaveLength(MAX_CONVERSATION_MESSAGES);
    expect(state.messages[0]?.id).toBe('m3');
    expect(original.messages).toHaveLength(0);
    expect(appendMessage(state, buildMessage(), 2).messages).toHaveLength(2);
  });

  it('outbox backoff doubles from 1 s and caps at 5 min', () => {
    expect([1, 2, 3, 4].map(outboxBackoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(outboxBackoffMs(50)).toBe(300_000);
  });
});
