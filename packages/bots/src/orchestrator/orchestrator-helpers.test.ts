import { buildTenant, buildCrmAction } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { filterByMapping } from './crm-writeback';
import { routeIntent } from './handoff-step';
import { parseInboundMessageEvent } from './inbound-event';
import { nluHistory } from './nlu-history';

describe('routeIntent', () => {
  it('sends buyers to the Buyer bot and sellers and sell-and-buy leads to the Seller bot', () => {
    expect(routeIntent('buyer', 'lead')).toBe('buyer');
    expect(routeIntent('both', 'buyer')).toBe('seller');
    expect(routeIntent('both', 'seller')).toBeUndefined();
    expect(routeIntent('browsing', 'buyer')).toBeUndefined();
    expect(routeIntent('unknown', 'lead')).toBeUndefined();
  });
});

describe('nluHistory', () => {
  it('keeps only the questions of outbound messages', () => {
    expect(
      nluHistory([
        {
          direction: 'outbound',
          body: '1) 12 Oak St: $400k, 3 bedrooms\nWould you like to tour one? Texas law requires a notice: https://x',
        },
        { direction: 'inbound', body: '2' },
      ]),
    ).toEqual([
      { direction: 'outbound', body: 'Would you like to tour one?' },
      { direction: 'inbound', body: '2' },
    ]);
  });
});

describe('filterByMapping', () => {
  it('drops names a mapped tenant cannot resolve and keeps everything for unmapped (dry-run) tenants', () => {
    const actions = [
      buildCrmAction('updateCustomFields', { fields: { lead_score: 8, budget_max: 500_000 } }),
      buildCrmAction('moveOpportunityStage', { stage: 'dormant' }),
      buildCrmAction('addToWorkflow', { workflow: 'hot_lead' }),
      buildCrmAction('addTags', { tags: ['hot-lead'] }),
    ];
    const mapped = buildTenant({
      ghl: {
        customFields: { lead_score: 'cf1' },
        pipeline: { id: 'p1', stages: { qualified: 's1' } },
        workflows: { nurture: 'w1' },
      },
    });
    const kept = filterByMapping(actions, mapped);
    expect(kept.map((action) => action.type)).toEqual(['updateCustomFields', 'addTags']);
    expect(kept[0]?.type === 'updateCustomFields' && kept[0].fields).toEqual({ lead_score: 8 });
    expect(filterByMapping(actions, buildTenant())).toHaveLength(4);
  });
});

describe('parseInboundMessageEvent', () => {
  it('accepts channel spellings case-insensitively', () => {
    const base = { tenantId: 't', contactId: 'c', messageId: 'm', body: 'hi', receivedAt: 1 };
    expect(parseInboundMessageEvent({ ...base, channel: 'sms' }).channel).toBe('SMS');
    expect(parseInboundMessageEvent({ ...base, channel: 'TYPE_SMS' }).channel).toBe('SMS');
    expect(parseInboundMessageEvent({ ...base, channel: 'live_chat' }).channel).toBe('LiveChat');
    expect(() => parseInboundMessageEvent({ ...base, channel: 'fax' })).toThrow(/channel/);
  });
});
