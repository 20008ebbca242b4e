/**
 * Realistic lead conversations for `--leads N`: buyers, sellers and both, in Austin-area neighbourhoods, with varied
 * phrasing, budgets, timelines and financing. Seeded, so a run can be repeated.
 */

/** The kind of lead a script plays. */
export type LeadKind = 'buyer' | 'seller' | 'mixed';

/** One generated lead: its kind and the messages it sends, one after each bot reply. */
export interface LeadScript {
  kind: LeadKind;
  messages: string[];
}

/** Austin areas (the demo tenant's market). */
export const AUSTIN_AREAS = [
  'Round Rock',
  'Cedar Park',
  'Pflugerville',
  'Georgetown',
  'Leander',
  'Mueller',
  'East Austin',
  'Hyde Park',
  'Dripping Springs',
  'West Lake Hills',
  'Circle C',
  'Avery Ranch',
  'Hutto',
  'Buda',
] as const;

/** A small seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

const BUYER_OPENERS = [
  'Hi! I want to buy a {beds} bed in {area} under {budget}',
  "We're looking for a {beds} bedroom home in {area}, budget around {budget}",
  'Looking to purchase a house in {area}. {beds} beds, max {budget}',
  'hey, saw your listing. we want to buy in {area}, {beds}br, up to {budget}',
  'Relocating to Austin for work, want to buy a {beds} bed around {area} under {budget}',
];
const SELLER_OPENERS = [
  "I'm thinking about selling my house in {area}. What could it be worth?",
  'We want to sell our {beds} bed home in {area}, hoping to get around {price}',
  'How much is my home in {area} worth? Considering listing it',
  'Need to sell my place in {area} soon, {beds} bedrooms',
];
const MIXED_OPENERS = [
  'We need to sell our house in {area} and buy something bigger in {area2}',
  'Looking to sell my condo in {area} and buy a {beds} bed in {area2} under {budget}',
];
const TIMELINES = [
  'We want to move in the next 2 months',
  'Timeline is about 3 months',
  'Hoping to be in by the summer, so roughly 4 months',
  'ASAP honestly, within 30 days',
  'No rush, maybe 6 months',
];
const FINANCING = [
  "We're pre-approved with our lender",
  'Already pre-approved for {budget}',
  'Paying cash',
  'Not pre-approved yet, need to talk to a lender',
];
const SELLER_DETAILS = [
  'It is {beds} beds, 2 baths, updated kitchen. We would list in about 60 days',
  'House is in good condition, new roof last year. Want to sell within 3 months',
  "Needs some work but it's a big lot. We're relocating so timing matters, 2 months",
];
const EXTRAS = [
  'Good schools matter a lot to us',
  'Need a yard for the dog',
  'A home office would be great',
  'Would love something close to the lake',
];

/** Generates `count` lead scripts (roughly 50% buyers, 30% sellers, 20% both). */
export function generateLeads(count: number, seed = 1): LeadScript[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const roll = random();
    const kind: LeadKind = roll < 0.5 ? 'buyer' : roll < 0.8 ? 'seller' : 'mixed';
    const values = {
      area: pick(random, AUSTIN_AREAS),
      area2: pick(random, AUSTIN_AREAS),
      beds: String(2 + Math.floor(random() * 3)),
      budget: `${350 + 25 * Math.floor(random() * 14)}k`,
      price: `${400 + 25 * Math.floor(random() * 16)}k`,
    };
    const say = (templates: readonly string[]) => fill(pick(random, templates), values);
    const messages =
      kind === 'buyer'
        ? [say(BUYER_OPENERS), say(FINANCING), say(TIMELINES), say(EXTRAS)]
        : kind === 'seller'
          ? [say(SELLER_OPENERS), say(SELLER_DETAILS), say(TIMELINES)]
          : [say(MIXED_OPENERS), say(TIMELINES), say(FINANCING)];
    const turns = 2 + Math.floor(random() * (messages.length - 1));
    return { kind, messages: messages.slice(0, turns) };
  });
}
