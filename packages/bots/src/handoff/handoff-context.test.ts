import { DEMO_TENANT } from '@enterprisehub/core';
import { buildFact, buildLeadScore } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { scoreLead } from '../scoring/score-lead';
import { buildHandoffContext } from './handoff-context';

describe('buildHandoffContext', () => {
  it('summarises what is known, lists what the new bot still needs, and carries the score', () => {
    const facts = {
      budgetMax: 600_000,
      preApproved: true,
      areas: ['Cedar Park', 'Round Rock'],
      timelineMonths: 2,
    };
    const context = buildHandoffContext({
      from: 'lead',
      to: 'buyer',
      facts,
      score: scoreLead({ facts, market: DEMO_TENANT.market }),
      confidence: 0.86,
    });
    expect(context).toEqual({
      from: 'lead',
      to: 'buyer',
      facts,
      score: { value: 8, temperature: 'hot' },
      answered: ['timelineMonths', 'budgetMax', 'areas', 'preApproved'],
      missing: ['bedrooms', 'mustHaves'],
      summary:
        'Handed from the lead bot to the buyer bot (intent confidence 0.86). Known: budget up to $600k, pre-approved, areas: Cedar Park, Round Rock, moving in about 2 months. Score 8/10 (hot). Still to ask: bedrooms, mustHaves.',
    });
  });

  it('treats a cash buyer as not needing pre-approval and a minimum budget as a budget', () => {
    const context = buildHandoffContext({
      from: 'seller',
      to: 'buyer',
      facts: { cashBuyer: true, budgetMin: 400_000 },
    });
    expect(context.missing).toEqual(['areas', 'bedrooms', 'timelineMonths', 'mustHaves']);
    expect(context.summary).toContain('budget from $400k, cash buyer');
  });

  it('accepts core LeadFacts and LeadScore, keeps provenance, and leaves PII out of the summary', () => {
    const facts = {
      propertyAddress: buildFact('742 Evergreen Terrace'),
      propertyCondition: buildFact('needs_work'),
      priceExpectation: buildFact(550_000),
      motivation: buildFact('divorce'),
      phone: buildFact('+15125550100'),
      email: buildFact('lead@example.com'),
    };
    const context = buildHandoffContext({
      from: 'lead',
      to: 'seller',
      facts,
      score: buildLeadScore({ value: 6, temperature: 'warm' }),
    });
    expect(context.facts.propertyAddress?.confidence).toBe(1);
    expect(context.score).toEqual({ value: 6, temperature: 'warm' });
    expect(context.missing).toEqual(['timelineMonths']);
    expect(context.summary).toContain(
      'property address on file, condition: needs work, hopes for $550k',
    );
    expect(context.summary).not.toMatch(/Evergreen|5550100|example\.com/);
  });

  it('says when nothing is known yet', () => {
    const context = buildHandoffContext({ from: 'buyer', to: 'seller', facts: {} });
    expect(context.summary).toBe(
      'Handed from the buyer bot to the seller bot. Nothing qualified yet. Still to ask: propertyAddress, propertyCondition, timelineMonths, motivation, priceExpectation.',
    );
    expect(context.answered).toEqual([]);
  });
});
