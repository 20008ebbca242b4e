import { tenantSchema, type Tenant } from '../domain/tenant';

/** Id of the {@link DEMO_TENANT}. */
export const DEMO_TENANT_ID = 'demo';

/** GHL location id of the {@link DEMO_TENANT}. */
export const DEMO_LOCATION_ID = 'demo-location';

const area = (name: string, ...aliases: string[]) => ({ name, aliases });

/**
 * The default demo tenant for the embedded start: an Austin, TX agency (Jorge's team) with the market, price bands and
 * Texas compliance settings from ARCHITECTURE.md. Brokerage name and TREC license number are placeholders.
 */
export const DEMO_TENANT: Tenant = tenantSchema.parse({
  id: DEMO_TENANT_ID,
  ghlLocationId: DEMO_LOCATION_ID,
  agencyName: 'Demo Austin Realty',
  agent: {
    name: 'Jorge',
    voice: {
      tone: 'friendly',
      styleNotes: 'Short, warm texts. One question at a time. No emojis. Plain numbers ($450k).',
      signature: 'Jorge, Demo Austin Realty',
    },
  },
  timeZone: 'America/Chicago',
  enabledBots: ['lead', 'buyer', 'seller'],
  market: {
    name: 'Austin, TX',
    state: 'TX',
    areas: [
      area(
        'Downtown',
        'downtown austin',
        'dt',
        'dtx',
        'the warehouse district',
        'rainey street',
        'rainey',
      ),
      area('West Lake Hills', 'westlake', 'west lake', 'westlake hills', 'wlh'),
      area('Cedar Park', 'cedar pk', 'cp'),
      area('Round Rock', 'rr', 'roundrock'),
      area('Pflugerville', 'pflug', 'pf'),
      area('Georgetown', 'gtown', 'g-town'),
      area('Leander'),
      area('Dripping Springs', 'dripping', 'drippin'),
      area('Mueller', 'mueller district'),
      area('East Austin', 'east side', 'eastside', 'east cesar chavez'),
      area('South Congress', 'soco', 'south congress ave'),
      area('Hyde Park'),
      area('Zilker', 'barton hills'),
      area('Tarrytown'),
      area('Bee Cave', 'bee caves'),
      area('Lakeway'),
      area('Hutto'),
      area('Manor'),
      area('Kyle'),
      area('Buda'),
      area('Circle C', 'circle c ranch'),
      area('Steiner Ranch', 'steiner'),
      area('Avery Ranch'),
      area('North Austin', 'domain', 'the domain', 'north burnet'),
    ],
    priceBands: [
      { name: 'entry', minUsd: 300_000, maxUsd: 500_000 },
      { name: 'mid', minUsd: 500_000, maxUsd: 1_000_000 },
      { name: 'luxury', minUsd: 1_000_000 },
    ],
  },
  compliance: {
    quietHours: { enabled: true, start: '21:00', end: '08:00' },
    aiDisclosure: {
      enabled: true,
      text: "Quick note: I'm Jorge's AI assistant. A licensed agent from our team is always available if you'd like to talk to a person.",
    },
    brokerage: {
      name: 'Demo Austin Realty LLC (placeholder)',
      licenseNumber: 'TREC-0000000 (placeholder)',
    },
    trecNotice: {
      enabled: true,
      url: 'https://www.trec.texas.gov/forms/information-about-brokerage-services',
    },
    fairHousing: { enabled: true },
  },
  llm: { enabled: false, hourlyLimitUsd: 50, emergencyStopUsd: 100 },
  ghl: {
    customFields: {},
    workflows: {},
  },
});
