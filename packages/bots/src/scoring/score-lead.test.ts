import { DEMO_TENANT, EnterpriseHubError, leadScoreSchema } from '@enterprisehub/core';
import { buildFact } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createFactExtractor } from '../extraction/fact-extractor';
import { scoreLead, toLeadScore } from './score-lead';
import { temperatureFor } from './scoring-weights';

const market = DEMO_TENANT.market;
const HOUR = 3_600_000;

describe('scoreLead', () => {
  it('scores a pre-approved buyer moving within a month with a fitting budget as hot, with every reason', () => {
    const result = scoreLead({
      facts: { preApproved: true, timelineMonths: 1, budgetMax: 450_000 },
      market,
    });
    expect(result).toEqual({
      score: 8,
      temperature: 'hot',
      reasons: [
        { factor: 'base', delta: 2, detail: 'lead reached out' },
        { factor: 'financing', delta: 2, detail: 'pre-approved for a mortgage' },
        { factor: 'timeline', delta: 3, detail: 'moving within a month' },
        { factor: 'budget_fit', delta: 1, detail: 'budget $450k fits the entry band' },
      ],
    });
  });

  it('scores a lead with nothing known as cold, and clamps to 1..10', () => {
    expect(scoreLead({ facts: {}, market })).toMatchObject({ score: 2, temperature: 'cold' });
    expect(scoreLead({ facts: { timelineMonths: 24, budgetMax: 100_000 }, market }).score).toBe(1);
    const everything = scoreLead({
      facts: {
        cashBuyer: true,
        timelineMonths: 0,
        budgetMax: 1_500_000,
        motivation: 'relocation',
        areas: ['Downtown'],
        bedrooms: 3,
      },
      market,
      activity: { medianReplyMinutes: 5 },
    });
    expect(everything).toMatchObject({ score: 10, temperature: 'hot' });
    expect(everything.reasons.find((reason) => reason.factor === 'budget_fit')?.detail).toBe(
      'budget $1.5M fits the luxury band',
    );
  });

  it('lands a pre-approved buyer with a fitting budget but no timeline in warm', () => {
    expect(scoreLead({ facts: { preApproved: true, budgetMax: 600_000 }, market })).toMatchObject({
      score: 5,
      temperature: 'warm',
    });
  });

  it('penalises a budget below the market entry price and a buyer who must sell first', () => {
    const result = scoreLead({ facts: { budgetMax: 200_000, hasHomeToSell: true }, market });
    expect(result.reasons).toContainEqual({
      factor: 'budget_fit',
      delta: -1,
      detail: "budget $200k below the market's entry price ($300k)",
    });
    expect(result.reasons).toContainEqual({
      factor: 'financing',
      delta: -0.5,
      detail: 'needs to sell a current home first',
    });
    expect(result.score).toBe(1);
  });

  it('scores sellers on readiness instead of financing', () => {
    const result = scoreLead({
      facts: {
        priceExpectation: 550_000,
        propertyAddress: '12 Oak St',
        timelineMonths: 2,
        motivation: 'divorce',
      },
      market,
    });
    expect(result.reasons.map((reason) => reason.factor)).toEqual([
      'base',
      'seller_readiness',
      'seller_readiness',
      'timeline',
      'motivation',
      'completeness',
    ]);
    expect(result).toMatchObject({ score: 8, temperature: 'hot' });
    expect(result.reasons.at(-1)).toEqual({
      factor: 'completeness',
      delta: 0.5,
      detail: '4 of 6 key facts known',
    });
    expect(JSON.stringify(result)).not.toContain('Oak');
  });

  it('rewards fast replies and penalises 48 hours of silence', () => {
    const facts = { preApproved: true, budgetMax: 450_000 };
    const now = 1_000 * HOUR;
    expect(scoreLead({ facts, market, activity: { medianReplyMinutes: 10 } }).score).toBe(6);
    expect(scoreLead({ facts, market, activity: { medianReplyMinutes: 60 } }).score).toBe(6);
    expect(scoreLead({ facts, market, activity: { medianReplyMinutes: 2000 } }).score).toBe(4);
    expect(
      scoreLead({
        facts,
        market,
        activity: { lastInboundAt: now - 49 * HOUR, medianReplyMinutes: 5 },
        now,
      }).reasons,
    ).toContainEqual({
      factor: 'responsiveness',
      delta: -1,
      detail: 'no reply for 48 hours',
    });
  });

  it('weighs motivation: strong +1, moderate +0.5, other 0', () => {
    const delta = (motivation: string): number | undefined =>
      scoreLead({ facts: { motivation }, market }).reasons.find(
        (reason) => reason.factor === 'motivation',
      )?.delta;
    expect(delta('relocation')).toBe(1);
    expect(delta('financial_distress')).toBe(1);
    expect(delta('first_home')).toBe(0.5);
    expect(delta('other')).toBeUndefined();
  });

  it('accepts core LeadFacts with provenance and gives the same result as plain values', () => {
    const plain = scoreLead({
      facts: { cashBuyer: true, timelineMonths: 3, areas: ['Cedar Park'] },
      market,
    });
    const wrapped = scoreLead({
      facts: {
        cashBuyer: buildFact(true),
        timelineMonths: buildFact(3),
        areas: buildFact(['Cedar Park']),
      },
      market,
    });
    expect(wrapped).toEqual(plain);
  });

  it('scores the output of the fact extractor', async () => {
    const facts = await createFactExtractor({ market }).extract(
      "We're pre-approved for 500k and need to move in 2 months",
    );
    const result = scoreLead({ facts, market });
    expect(result).toMatchObject({ score: 7, temperature: 'warm' });
    expect(result.reasons.map((reason) => reason.factor)).toEqual([
      'base',
      'financing',
      'timeline',
      'budget_fit',
    ]);
  });

  it('uses tenant thresholds and weights', () => {
    const facts = { preApproved: true, timelineMonths: 1, budgetMax: 450_000 };
    expect(scoreLead({ facts, market, thresholds: { hot: 9 } }).temperature).toBe('warm');
    expect(scoreLead({ facts, market, weights: { preApproved: 0 } })).toMatchObject({
      score: 6,
      temperature: 'warm',
    });
  });

  it('rejects inconsistent thresholds', () => {
    expect(() => scoreLead({ facts: {}, market, thresholds: { hot: 4, warm: 5 } })).toThrow(
      EnterpriseHubError,
    );
    expect(() => temperatureFor(5, { hot: 11 })).toThrow(/warm < hot/);
  });

  it('is deterministic', () => {
    const input = {
      facts: { preApproved: true, timelineMonths: 5, budgetMax: 720_000, motivation: 'upsizing' },
      market,
    };
    expect(scoreLead(input)).toEqual(scoreLead(input));
  });
});

describe('toLeadScore', () => {
  it('produces a valid core LeadScore with signed reason strings', () => {
    const score = toLeadScore(
      scoreLead({ facts: { preApproved: true, timelineMonths: 1 }, market }),
      1234,
    );
    expect(leadScoreSchema.parse(score)).toEqual({
      value: 7,
      temperature: 'warm',
      reasons: ['pre-approved for a mortgage (+2)', 'moving within a month (+3)'],
      scoredAt: 1234,
    });
  });
});
