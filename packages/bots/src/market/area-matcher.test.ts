import { DEMO_TENANT, type Market } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { createAreaMatcher } from './area-matcher';
import { editDistance } from './edit-distance';
import { findPriceBand, marketFloorUsd, priceBandsForBudget } from './price-bands';

const matcher = createAreaMatcher(DEMO_TENANT.market);

describe('createAreaMatcher', () => {
  it.each([
    ['looking in Round Rock', ['Round Rock']],
    ['ROUND ROCK!!', ['Round Rock']],
    ['roundrock or cedar park', ['Round Rock', 'Cedar Park']],
    ['westlake please', ['West Lake Hills']],
    ['anything in pf?', ['Pflugerville']],
    ['pflugerville', ['Pflugerville']],
    ['atx downtown', ['Downtown']],
    ['the east side', ['East Austin']],
    ['SoCo area', ['South Congress']],
    ['lakeway/bee cave', ['Lakeway', 'Bee Cave']],
  ])('resolves names and aliases regardless of case and spacing: %s', (text, expected) => {
    expect(matcher.match(text)).toEqual(expected);
  });

  it.each([
    ['round rok', 'Round Rock'],
    ['ceder park', 'Cedar Park'],
    ['georgetwon', 'Georgetown'],
    ['pflugervile', 'Pflugerville'],
    ['hyde prk', 'Hyde Park'],
    ['dripping sprngs', 'Dripping Springs'],
  ])('tolerates small typos in longer names: %s', (text, expected) => {
    expect(matcher.match(text)).toEqual([expected]);
  });

  it('never fuzzy-matches short names or everyday words', () => {
    expect(matcher.match('minor repairs needed')).toEqual([]);
    expect(matcher.match("haven't talked to a lender")).toEqual([]);
    expect(matcher.match('hutt or kyl')).toEqual([]);
  });

  it('leaves out negated areas and people named like an area', () => {
    expect(matcher.match('not pflugerville, prefer round rock')).toEqual(['Round Rock']);
    expect(matcher.match('Hi, this is Kyle. Looking in Buda')).toEqual(['Buda']);
  });

  it('resolves a single name to its canonical form or undefined', () => {
    expect(matcher.resolve('west lake')).toBe('West Lake Hills');
    expect(matcher.resolve('Round Rok')).toBe('Round Rock');
    expect(matcher.resolve('Seattle')).toBeUndefined();
    expect(matcher.resolve('')).toBeUndefined();
  });

  it('uses the tenant market it is given, merging built-in aliases only into matching areas', () => {
    const market: Market = {
      name: 'Test',
      areas: [{ name: 'Westlake', aliases: [] }, { name: 'Maple Grove', aliases: ['the grove'] }],
      priceBands: [],
    };
    const custom = createAreaMatcher(market);
    expect(custom.match('west lake hills or the grove')).toEqual(['Westlake', 'Maple Grove']);
    expect(custom.match('round rock')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions, stopping early past the budget', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('georgetwon', 'georgetown')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});

describe('price bands', () => {
  it('finds the band of an amount with inclusive lower and exclusive upper bounds', () => {
    expect(findPriceBand(DEMO_TENANT.market, 300_000)?.name).toBe('entry');
    expect(findPriceBand(DEMO_TENANT.market, 500_000)?.name).toBe('mid');
    expect(findPriceBand(DEMO_TENANT.market, 2_500_000)?.name).toBe('luxury');
    expect(findPriceBand(DEMO_TENANT.market, 100_000)).toBeUndefined();
  });

  it('lists the bands a budget overlaps and the market floor', () => {
    const names = (budget: { budgetMin?: number; budgetMax?: number }) =>
      priceBandsForBudget(DEMO_TENANT.market, budget).map((band) => band.name);
    expect(names({ budgetMin: 450_000, budgetMax: 600_000 })).toEqual(['entry', 'mid']);
    expect(names({ budgetMax: 350_000 })).toEqual(['entry']);
    expect(names({ budgetMin: 1_200_000 })).toEqual(['luxury']);
    expect(names({})).toEqual([]);
    expect(marketFloorUsd(DEMO_TENANT.market)).toBe(300_000);
  });
});
