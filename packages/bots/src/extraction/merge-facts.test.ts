import { leadFactsSchema, type LeadFacts } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { mergeFacts } from './merge-facts';

describe('mergeFacts', () => {
  it('tags each fact with its source message, confidence and time, and validates as core LeadFacts', () => {
    const facts = mergeFacts({}, { budgetMax: 600_000, areas: ['Round Rock'], propertyCondition: 'fixer_upper', motivation: 'divorce' }, {
      sourceMessageId: 'm1',
      confidence: 0.9,
      extractedAt: 1_000,
    });
    expect(facts.budgetMax).toEqual({ value: 600_000, sourceMessageId: 'm1', confidence: 0.9, extractedAt: 1_000 });
    expect(leadFactsSchema.parse(facts)).toEqual(facts);
  });

  it('lets a later answer update a field and keeps fields an unrelated message did not mention', () => {
    const first = mergeFacts({}, { budgetMax: 600_000, bedrooms: 3 }, { sourceMessageId: 'm1', confidence: 0.95 });
    const second = mergeFacts(first, { budgetMax: 700_000 }, { sourceMessageId: 'm2', confidence: 0.9 });
    const third = mergeFacts(second, {}, { sourceMessageId: 'm3', confidence: 0.9 });
    expect(third.budgetMax).toMatchObject({ value: 700_000, sourceMessageId: 'm2' });
    expect(third.bedrooms).toMatchObject({ value: 3, sourceMessageId: 'm1' });
    expect(first.budgetMax?.value).toBe(600_000);
  });

  it('keeps a firm answer over a much weaker guess, using per-field confidence', () => {
    const firm = mergeFacts({}, { timelineMonths: 3 }, { sourceMessageId: 'm1', confidence: 0.95 });
    const guessed = mergeFacts(firm, { timelineMonths: 12, bedrooms: 2 }, { sourceMessageId: 'm2', confidence: { timelineMonths: 0.5 } });
    expect(guessed.timelineMonths).toMatchObject({ value: 3, sourceMessageId: 'm1' });
    expect(guessed.bedrooms).toMatchObject({ value: 2, confidence: 0.7 });
  });

  it('accumulates areas and must-haves without duplicates', () => {
    const first = mergeFacts({}, { areas: ['Round Rock'], mustHaves: ['pool'] }, { confidence: 0.9 });
    const second = mergeFacts(first, { areas: ['Leander', 'Round Rock'], mustHaves: ['garage'] }, { confidence: 0.5 });
    expect(second.areas?.value).toEqual(['Round Rock', 'Leander']);
    expect(second.mustHaves?.value).toEqual(['pool', 'garage']);
  });

  it('drops a stored budget bound that the new answer contradicts', () => {
    const range: LeadFacts = mergeFacts({}, { budgetMin: 500_000, budgetMax: 600_000 }, { confidence: 0.9 });
    const lowered = mergeFacts(range, { budgetMax: 400_000 }, { confidence: 0.9 });
    expect(lowered.budgetMin).toBeUndefined();
    expect(lowered.budgetMax?.value).toBe(400_000);
    const raised = mergeFacts(range, { budgetMin: 700_000 }, { confidence: 0.9 });
    expect(raised.budgetMax).toBeUndefined();
  });
});
