import { DEMO_TENANT } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import type { HistoryMessage } from '../intent/question-context';
import { createAreaMatcher } from '../market/area-matcher';
import { extractedFactsSchema } from './extracted-facts';
import { extractFactsWithRules } from './rules-extractor';

const areaMatcher = createAreaMatcher(DEMO_TENANT.market);
const JAN_15 = Date.parse('2026-01-15T18:00:00Z');
const extract = (text: string, history?: HistoryMessage[], now = JAN_15) =>
  extractFactsWithRules(text, { now, timeZone: 'America/Chicago', areaMatcher, history }).facts;
const asked = (question: string): HistoryMessage[] => [{ direction: 'outbound', body: question }];

describe('extractFactsWithRules', () => {
  it.each([
    ['3 bed 2 bath', { bedrooms: 3, bathrooms: 2 }],
    ['3br', { bedrooms: 3 }],
    ['three bedrooms, two baths', { bedrooms: 3, bathrooms: 2 }],
    ['a 3/2 in hutto', { bedrooms: 3, bathrooms: 2 }],
    ['3bd/2ba min', { bedrooms: 3, bathrooms: 2 }],
    ['4-5br', { bedrooms: 4 }],
    ['2.5 baths', { bathrooms: 2.5 }],
    ['trading up: sell our 3br and buy a 4br', { bedrooms: 4 }],
  ])('reads rooms from %s', (text, expected) => {
    expect(extract(text)).toMatchObject(expected);
  });

  it('reads a bare count as the answer to a bedroom question, and ignores unrelated counts', () => {
    expect(extract('3', asked('How many bedrooms do you need?')).bedrooms).toBe(3);
    expect(extract('i have 3 kids and 2 dogs')).toEqual({});
    expect(extract('3 car garage').bedrooms).toBeUndefined();
  });

  it.each([
    ['ASAP', 0],
    ['within 6 months', 6],
    ['3-6 months', 6],
    ['by August', 7],
    ['next spring', 3],
    ['sometime next year', 12],
    ['in a couple months', 2],
    ['by the end of the year', 11],
    ['no rush, maybe in a year or two', 24],
    ['moving for work in 6 weeks', 1],
    ['We want to be in by Christmas', 11],
  ])('reads a timeline from %s (clock: 15 Jan)', (text, months) => {
    expect(extract(text, asked('When are you hoping to move?')).timelineMonths).toBe(months);
  });

  it('counts calendar phrases from the injected clock in the tenant time zone', () => {
    const october = Date.parse('2026-10-05T15:00:00Z');
    expect(extract('by August', undefined, october).timelineMonths).toBe(10);
    expect(extract('next spring', undefined, october).timelineMonths).toBe(6);
    expect(extract('this spring', undefined, Date.parse('2026-04-10T15:00:00Z')).timelineMonths).toBe(0);
    expect(extract('next spring', undefined, Date.parse('2026-04-10T15:00:00Z')).timelineMonths).toBe(12);
  });

  it('does not read durations in the past or ages as timelines', () => {
    expect(extract("we've been here 10 years").timelineMonths).toBeUndefined();
    expect(extract('the roof is about 2 years old').timelineMonths).toBeUndefined();
    expect(extract('call me tomorrow at 3').timelineMonths).toBeUndefined();
  });

  it('normalises phones to E.164 and emails to lower case', () => {
    expect(extract('my number is 512.555.0111 and email is Jane.Doe@Gmail.com')).toEqual({
      phone: '+15125550111',
      email: 'jane.doe@gmail.com',
    });
    expect(extract('(512) 555 0143').phone).toBe('+15125550143');
    expect(extract('text me at +1 737 555 0188').phone).toBe('+17375550188');
    expect(extract('call me 5125550123').phone).toBe('+15125550123');
  });

  it('reads street addresses without swallowing prices or counts', () => {
    expect(extract('can you do a CMA for 123 Main St?').propertyAddress).toBe('123 Main St');
    expect(extract("it's 2201 S 1st Street, Austin TX 78704").propertyAddress).toBe('2201 S 1st Street');
    expect(extract('the house on 4201 Speedway').propertyAddress).toBe('4201 Speedway');
    expect(extract('3 car garage, 5 min drive to downtown').propertyAddress).toBeUndefined();
  });

  it('reads financing: pre-approval (pre-qualified counts), lender, cash and financed buyers', () => {
    expect(extract('pre approved w/ chase for 500k')).toMatchObject({ preApproved: true, lender: 'Chase' });
    expect(extract('pre-qualified for 425k').preApproved).toBe(true);
    expect(extract('not pre-approved yet').preApproved).toBe(false);
    expect(extract('yes', asked('Have you been pre-approved for a mortgage yet?')).preApproved).toBe(true);
    expect(extract('all cash, can close fast').cashBuyer).toBe(true);
    expect(extract("we'll be getting an FHA loan").cashBuyer).toBe(false);
    expect(extract('inherited a house, want to sell as-is for cash').cashBuyer).toBeUndefined();
  });

  it('reads property type, condition, must-haves and motivation', () => {
    expect(extract('looking for a townhome with a 2 car garage')).toEqual({ propertyType: 'townhouse', mustHaves: ['garage'] });
    expect(extract('house is move in ready, just remodeled').propertyCondition).toBe('move_in_ready');
    expect(extract('it needs some work, the kitchen is dated').propertyCondition).toBe('needs_work');
    expect(extract('total fixer upper, foundation issues').propertyCondition).toBe('fixer_upper');
    expect(extract('garage, backyard for the dogs, and good schools').mustHaves).toEqual(['garage', 'yard', 'good schools']);
    expect(extract("doesn't need a pool").mustHaves).toBeUndefined();
    expect(extract('getting divorced and need to sell the house').motivation).toBe('divorce');
    expect(extract('we lost our jobs and can’t keep up with the mortgage').motivation).toBe('financial_distress');
    expect(extract('trading up, need to sell ours first').hasHomeToSell).toBe(true);
  });

  it('returns values that satisfy the extracted-facts schema for messy input', () => {
    const facts = extract('Hi! Relocating from Seattle in June 🙂 4 bed/3 bath, 650k-750k, pre-approved w/ Wells Fargo, cedar park or leandr');
    expect(extractedFactsSchema.parse(facts)).toEqual(facts);
    expect(facts).toMatchObject({
      motivation: 'relocation',
      timelineMonths: 5,
      bedrooms: 4,
      bathrooms: 3,
      budgetMin: 650_000,
      budgetMax: 750_000,
      preApproved: true,
      lender: 'Wells Fargo',
      areas: ['Cedar Park', 'Leander'],
    });
  });
});
