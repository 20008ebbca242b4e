import { describe, expect, it } from 'vitest';
import { normalizeText, simplifyText } from './normalize-text';

describe('normalizeText', () => {
  it.each([
    ['Lookin to by a hous 🏠', 'looking to buy a house'],
    ['tryna find a crib', 'trying to find a house'],
    ['wanna sel my place', 'want to sell my place'],
    ['we r looking 2 purchase', 'we are looking to purchase'],
    ['lookin 4 a 3/2 w/ a pool', 'looking for a 3/2 with a pool'],
    ['Purchse a prperty', 'purchase a property'],
    ['relocatin from chicago', 'relocating from chicago'],
    ['Budget 5OOk', 'budget 500k'],
    ['Pre-approved — ready', 'pre approved , ready'],
  ])('normalises %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('leaves real words that sit one edit away from key words alone', () => {
    expect(normalizeText('telling you about the horse, remodel planned')).toBe('telling you about the horse, remodel planned');
  });

  it('strips accents, curly quotes and pictographs', () => {
    expect(simplifyText('Café ’n  👍🏼 “stuff”')).toBe(`cafe 'n "stuff"`);
  });
});
