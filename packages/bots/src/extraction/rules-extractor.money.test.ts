import { DEMO_TENANT } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import type { HistoryMessage } from '../intent/question-context';
import { createAreaMatcher } from '../market/area-matcher';
import { extractFactsWithRules } from './rules-extractor';

const areaMatcher = createAreaMatcher(DEMO_TENANT.market);
const asked = (question: string): HistoryMessage[] => [{ direction: 'outbound', body: question }];
const money = (text: string, history?: HistoryMessage[]) => {
  const { facts } = extractFactsWithRules(text, { now: Date.UTC(2026, 0, 15), timeZone: 'America/Chicago', areaMatcher, history });
  return { budgetMin: facts.budgetMin, budgetMax: facts.budgetMax, priceExpectation: facts.priceExpectation };
};

describe('extractFactsWithRules: money', () => {
  it.each([
    ['budget is 600k', { budgetMax: 600_000 }],
    ['looking for something around $1.2M', { budgetMax: 1_200_000 }],
    ['we can do 1.2 million', { budgetMax: 1_200_000 }],
    ['up to half a million', { budgetMax: 500_000 }],
    ['between 400 and 500k', { budgetMin: 400_000, budgetMax: 500_000 }],
    ['somewhere between $350,000 and $425,000', { budgetMin: 350_000, budgetMax: 425_000 }],
    ['800k-1.1M', { budgetMin: 800_000, budgetMax: 1_100_000 }],
    ['under 450k', { budgetMax: 450_000 }],
    ['no more than 375 thousand', { budgetMax: 375_000 }],
    ['at least 300k', { budgetMin: 300_000 }],
    ['homes starting at 400k', { budgetMin: 400_000 }],
    ['low 500s', { budgetMin: 500_000, budgetMax: 550_000 }],
    ['somewhere in the 400s', { budgetMin: 400_000, budgetMax: 500_000 }],
    ['ideally 450 but could stretch to 500', { budgetMax: 500_000 }],
    ['pre-approved with Rocket Mortgage for 475k', { budgetMax: 475_000 }],
    ['$500k-$600k', { budgetMin: 500_000, budgetMax: 600_000 }],
    ['5-600k', { budgetMin: 500_000, budgetMax: 600_000 }],
    ['$1M+', { budgetMin: 1_000_000 }],
    ['$450,000.00 max', { budgetMax: 450_000 }],
  ])('reads a budget from %s', (text, expected) => {
    expect(money(text)).toEqual({ budgetMin: undefined, budgetMax: undefined, priceExpectation: undefined, ...expected });
  });

  it.each([
    ['around 500', "What's your budget for the new home?", { budgetMax: 500_000 }],
    ['600', "What's your budget?", { budgetMax: 600_000 }],
    ['1.5', 'What price range are you shopping in?', { budgetMax: 1_500_000 }],
    ['300 to 350', 'What price range feels comfortable?', { budgetMin: 300_000, budgetMax: 350_000 }],
    ['650', 'What are you hoping to get for your home?', { priceExpectation: 650_000 }],
    ['probably low 400s', 'What do you think your home is worth?', { priceExpectation: 400_000 }],
  ])('scales a bare answer %s to the question before it', (text, question, expected) => {
    expect(money(text, asked(question))).toEqual({ budgetMin: undefined, budgetMax: undefined, priceExpectation: undefined, ...expected });
  });

  it.each([
    'I pay $2,500/mo rent right now and want to buy',
    'rent is 2500 a month, want my payment to be similar',
    'we make about 180k a year combined',
    'monthly payment no more than 3000',
    'HOA is $85/month, taxes about 9k',
    'we owe about 200k on it, want to sell',
    'bought it for 310k in 2016, want to sell now',
    'saw a house listed at 525k on zillow, is it still available?',
    'built in 2005, 2,100 sqft, 4 bed',
    'about 1800 sq ft, around 20 minutes from downtown',
    'we have 60k saved for a down payment',
  ])('ignores amounts that are not a budget or price: %s', (text) => {
    expect(money(text)).toEqual({ budgetMin: undefined, budgetMax: undefined, priceExpectation: undefined });
  });

  it.each([
    ['Looking to sell. Hoping to get 600k', 600_000],
    ['want at least 550 for it', 550_000],
    ['Can you sell my house for 700k?', 700_000],
    ['we would list it around $875,000', 875_000],
    ['needs TLC but good bones. asking 380', 380_000],
  ])('reads a seller price expectation from %s', (text, expected) => {
    expect(money(text).priceExpectation).toBe(expected);
    expect(money(text).budgetMax).toBeUndefined();
  });

  it('splits a sell-and-buy message into price expectation and budget by clause', () => {
    expect(money('We want to sell our house for about 500k and buy a bigger one around 700k')).toEqual({
      budgetMin: undefined,
      budgetMax: 700_000,
      priceExpectation: 500_000,
    });
  });
});
