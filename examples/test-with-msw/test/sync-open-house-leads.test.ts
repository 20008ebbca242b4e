/**
 * A consumer's CI test: the real GHL client against the fake GHL, served by msw exactly where the client sends
 * its requests (https://services.leadconnectorhq.com). No GHL account, no network.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGhlClient } from '@enterprisehub/ghl';
import {
  createFakeGhl,
  createGhlHandlers,
  type CreateFakeGhlOptions,
  type FakeGhl,
} from '@enterprisehub/ghl/testing';
import { syncOpenHouseLeads, type OpenHouseSignIn } from '../src/sync-open-house-leads.js';

const server = setupServer();
let fake: FakeGhl;
/** Each test starts from an empty GHL: a fresh fake, served by msw until `resetHandlers`. */
const useFakeGhl = (options: CreateFakeGhlOptions = {}): void => {
  fake = createFakeGhl(options);
  server.use(...createGhlHandlers(fake));
};
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const signIns: OpenHouseSignIn[] = [
  {
    name: 'Ada Lovelace',
    phone: '+15125550100',
    email: 'ada@example.com',
    property: '12 Oak Hollow Dr',
  },
  { name: 'Grace Hopper', phone: '+15125550101', property: '12 Oak Hollow Dr' },
];

const client = (options: { retry?: false } = {}) =>
  createGhlClient({
    locationId: fake.locationId,
    accessToken: 'pit-test-token',
    ...options,
    ...(options.retry === false ? {} : { retry: { baseDelayMs: 5, maxDelayMs: 20 } }),
  });

describe('syncOpenHouseLeads against the fake GHL', () => {
  it('creates, tags and annotates every lead with GHL’s real wire format', async () => {
    useFakeGhl();

    const outcomes = await syncOpenHouseLeads(client(), signIns);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'created']);
    const contacts = [...fake.state.contacts.values()];
    expect(contacts).toHaveLength(2);
    expect(contacts.every((contact) => (contact['tags'] as string[]).includes('open-house'))).toBe(
      true,
    );
    expect([...fake.state.notes.values()].map((note) => note['body'])).toContain(
      'Signed in at the open house at 12 Oak Hollow Dr.',
    );
    // every request carried the Version header GHL's spec declares for its operation (the fake answers 401 otherwise)
    expect(fake.calls.every((call) => call.status < 400)).toBe(true);
  });

  it('updates instead of duplicating when the same visitor signs in twice', async () => {
    useFakeGhl();
    await syncOpenHouseLeads(client(), signIns.slice(0, 1));

    const [again] = await syncOpenHouseLeads(client(), signIns.slice(0, 1));

    expect(again?.status).toBe('updated');
    expect(fake.state.contacts.size).toBe(1);
  });

  it('rides out a 429 storm: the client waits and retries, nothing is lost', async () => {
    useFakeGhl({ limits: { burstMax: 100, burstIntervalMs: 200 } }); // short windows keep the test fast
    fake.scenarios.rateLimitStorm(3, { operation: 'POST /contacts/upsert' });

    const outcomes = await syncOpenHouseLeads(client(), signIns);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'created']);
    expect(fake.calls.filter((call) => call.status === 429)).toHaveLength(3);
  });

  it('reports a GHL outage per lead as a retryable failure instead of throwing the batch away', async () => {
    useFakeGhl();
    fake.scenarios.serverError({ operation: 'POST /contacts/upsert', count: 1 });

    const outcomes = await syncOpenHouseLeads(client({ retry: false }), signIns);

    expect(outcomes.filter((outcome) => outcome.status === 'failed')).toEqual([
      { status: 'failed', code: 'GHL_UNAVAILABLE', retryable: true },
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'created')).toHaveLength(1);
  });

  it('reports a revoked token as GHL_UNAUTHORIZED (not retryable)', async () => {
    useFakeGhl({ acceptAnyToken: false });

    const outcomes = await syncOpenHouseLeads(client({ retry: false }), signIns.slice(0, 1));

    expect(outcomes).toEqual([{ status: 'failed', code: 'GHL_UNAUTHORIZED', retryable: false }]);
  });
});
