import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGhlClient, GhlApiError } from '../index';
import { createFakeGhl, createGhlHandlers } from './index';

const fake = createFakeGhl();
const server = setupServer(...createGhlHandlers(fake), ...createGhlHandlers(fake, { baseUrl: 'https://ghl-proxy.example.com/' }));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('createGhlHandlers', () => {
  it('serves the real global fetch from the fake on GHL’s host', async () => {
    const client = createGhlClient({ locationId: fake.locationId, accessToken: 'pit-msw', retry: false });
    const { contact } = await client.contacts.upsert({ email: 'msw@example.com' });
    expect(fake.state.contacts.get(contact.id)).toMatchObject({ email: 'msw@example.com' });
    const call = fake.calls.at(-1);
    expect(call).toMatchObject({ operation: 'POST /contacts/upsert', authenticated: true, headers: { version: '2021-07-28' } });
    expect(JSON.stringify(call)).not.toContain('pit-msw');
  });

  it('serves another base URL (proxies)', async () => {
    const client = createGhlClient({ locationId: fake.locationId, accessToken: 'pit', baseUrl: 'https://ghl-proxy.example.com', retry: false });
    expect(await client.workflows.list()).toHaveLength(2);
  });

  it('turns a simulated network error into a failed fetch', async () => {
    fake.scenarios.networkError();
    const client = createGhlClient({ locationId: fake.locationId, accessToken: 'pit', retry: false });
    const error = await client.users.list().catch((caught: unknown) => caught);
    expect(GhlApiError.isGhlApiError(error) && error.status).toBeUndefined();
    expect(error).toMatchObject({ code: 'GHL_UNAVAILABLE' });
  });
});
