import type { BotName } from '../domain/bot-name';
import { contactSchema, type Contact } from '../domain/contact';
import { conversationStateSchema, type ConversationState } from '../domain/conversation-state';
import type { Fact } from '../domain/lead-facts';
import { leadScoreSchema, type LeadScore } from '../domain/lead-score';
import { messageSchema, type Message } from '../domain/message';
import { tenantSchema, type Tenant, type TenantInput } from '../domain/tenant';
import { MANUAL_CLOCK_EPOCH } from './manual-clock';

let counter = 0;

/** A fresh id with a prefix (`c_1`, `msg_2`, …); unique within the process. */
export function nextTestId(prefix: string): string {
  counter += 1;
  return `${prefix}_${counter}`;
}

/**
 * Builds a valid tenant (Austin-like market, all bots enabled); `overrides` are applied before validation.
 *
 * @example
 * ```ts
 * const tenant = buildTenant({ id: 'acme', ghlLocationId: 'loc_acme' });
 * ```
 */
export function buildTenant(overrides: Partial<TenantInput> = {}): Tenant {
  const id = overrides.id ?? nextTestId('tenant');
  return tenantSchema.parse({
    id,
    ghlLocationId: `loc_${id}`,
    agencyName: 'Test Realty',
    agent: { name: 'Jorge', voice: { tone: 'friendly' } },
    timeZone: 'America/Chicago',
    market: {
      name: 'Austin, TX',
      state: 'TX',
      areas: [
        { name: 'Downtown', aliases: ['dt', 'downtown austin'] },
        { name: 'Cedar Park', aliases: ['cedar pk'] },
        { name: 'Round Rock', aliases: ['rr'] },
      ],
      priceBands: [
        { name: 'entry', minUsd: 300_000, maxUsd: 500_000 },
        { name: 'mid', minUsd: 500_000, maxUsd: 1_000_000 },
        { name: 'luxury', minUsd: 1_000_000 },
      ],
    },
    ...overrides,
  });
}

/** Builds a valid contact (tenant `t1` unless overridden). */
export function buildContact(overrides: Partial<Contact> = {}): Contact {
  return contactSchema.parse({
    tenantId: 't1',
    id: nextTestId('c'),
    firstName: 'Alex',
    lastName: 'Rivera',
    phone: '+15125550100',
    email: 'alex@example.com',
    createdAt: MANUAL_CLOCK_EPOCH,
    updatedAt: MANUAL_CLOCK_EPOCH,
    ...overrides,
  });
}

/** Builds a valid inbound SMS from the lead. */
export function buildMessage(overrides: Partial<Message> = {}): Message {
  const direction = overrides.direction ?? 'inbound';
  return messageSchema.parse({
    id: nextTestId('msg'),
    contactId: 'c1',
    direction,
    channel: 'SMS',
    author: direction === 'inbound' ? 'lead' : 'bot',
    body: 'Hi, I am looking for a 3 bedroom house in Cedar Park.',
    createdAt: MANUAL_CLOCK_EPOCH,
    ...overrides,
  });
}

/** Builds a new (never stored, version 0) conversation state with the lead bot active. */
export function buildConversationState(
  overrides: Partial<ConversationState> = {},
): ConversationState {
  return conversationStateSchema.parse({
    tenantId: 't1',
    contactId: nextTestId('c'),
    activeBot: 'lead' satisfies BotName,
    stage: 'new',
    createdAt: MANUAL_CLOCK_EPOCH,
    updatedAt: MANUAL_CLOCK_EPOCH,
    version: 0,
    ...overrides,
  });
}

/** Builds a lead score; temperature follows the value (8+ hot, 5+ warm) unless overridden. */
export function buildLeadScore(overrides: Partial<LeadScore> = {}): LeadScore {
  const value = overrides.value ?? 6;
  return leadScoreSchema.parse({
    value,
    temperature: value >= 8 ? 'hot' : value >= 5 ? 'warm' : 'cold',
    reasons: [],
    scoredAt: MANUAL_CLOCK_EPOCH,
    ...overrides,
  });
}

/** Builds one fact with confidence 1 (override with `extra`). */
export function buildFact<T>(value: T, extra: Partial<Omit<Fact<T>, 'value'>> = {}): Fact<T> {
  return { value, confidence: 1, ...extra };
}
