import { describe, expect, it } from 'vitest';
import { ManualClock } from '@enterprisehub/core/testing';
import { createFakeGhl } from './create-fake-ghl';

const base = 'https://services.leadconnectorhq.com';
const headers = { authorization: 'Bearer pit', version: '2021-07-28', 'content-type': 'application/json' };

describe('createFakeGhl', () => {
  it('answers with GHL’s rate-limit headers and 429 once the window is spent', async () => {
    const clock = new ManualClock();
    const fake = createFakeGhl({ clock, limits: { burstMax: 2, burstIntervalMs: 1_000, dailyMax: 10 } });
    const get = () => fake.fetch(`${base}/workflows/?locationId=${fake.locationId}`, { headers });
    const first = await get();
    expect(Object.fromEntries([...first.headers].filter(([name]) => name.startsWith('x-ratelimit')))).toEqual({
      'x-ratelimit-limit-daily': '10',
      'x-ratelimit-daily-remaining': '9',
      'x-ratelimit-interval-milliseconds': '1000',
      'x-ratelimit-max': '2',
      'x-ratelimit-remaining': '1',
    });
    await get();
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    clock.advance(1_000);
    expect((await get()).status).toBe(200);
    expect(fake.rateLimitedCount).toBe(1);
  });

  it('answers 401 like GHL for a missing or wrong Version header and for an expired token', async () => {
    const fake = createFakeGhl();
    const url = `${base}/contacts/search/duplicate?locationId=${fake.locationId}&email=a@b.c`;
    const missing = await fake.fetch(url, { headers: { authorization: 'Bearer pit' } });
    expect([missing.status, ((await missing.json()) as { message: string }).message]).toEqual([401, 'version header was not found.']);
    expect((await fake.fetch(url, { headers: { ...headers, version: '2021-04-15' } })).status).toBe(401);
    fake.scenarios.expireToken('pit');
    expect((await fake.fetch(url, { headers })).status).toBe(401);
  });

  it('rejects properties an operation does not accept with 422, like GHL', async () => {
    const fake = createFakeGhl();
    const response = await fake.fetch(`${base}/contacts/upsert`, { method: 'POST', headers, body: JSON.stringify({ locationId: fake.locationId, additionalEmails: [] }) });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ statusCode: 422, message: ['property additionalEmails should not exist'] });
  });

  it('answers 403 when a token is used for another location', async () => {
    const fake = createFakeGhl();
    const response = await fake.fetch(`${base}/workflows/?locationId=other-location`, { headers });
    expect(response.status).toBe(403);
  });

  it('processes a slow request, then answers late on its clock; 5xx once; 429 storms', async () => {
    const clock = new ManualClock();
    const fake = createFakeGhl({ clock });
    fake.scenarios.slowResponse({ delayMs: 5_000, operation: 'POST /contacts/upsert' });
    let answered = false;
    const pending = fake.fetch(`${base}/contacts/upsert`, { method: 'POST', headers, body: JSON.stringify({ locationId: fake.locationId, email: 'x@y.z' }) }).then((response) => {
      answered = true;
      return response;
    });
    await clock.advanceAsync(10);
    expect(fake.state.contacts.size).toBe(1);
    expect(answered).toBe(false);
    await clock.advanceAsync(5_000);
    expect((await pending).status).toBe(200);
    fake.scenarios.serverError({ status: 502 });
    fake.scenarios.rateLimitStorm(1);
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await fake.fetch(`${base}/users/?locationId=${fake.locationId}`, { headers })).status);
    expect(statuses).toEqual([429, 502, 200]);
  });

  it('simulates an inbound message with its webhook body', () => {
    const fake = createFakeGhl();
    fake.state.contacts.set('ct1', { id: 'ct1', locationId: fake.locationId, tags: [] });
    const { message, webhook } = fake.simulateInboundMessage({ contactId: 'ct1', body: 'Is the house on Elm still available?' });
    expect(webhook).toMatchObject({ type: 'InboundMessage', contactId: 'ct1', messageId: message.id, direction: 'inbound', messageType: 'SMS' });
    expect(typeof webhook['webhookId']).toBe('string');
    expect([...fake.state.conversations.values()][0]).toMatchObject({ contactId: 'ct1', unreadCount: 1 });
  });

  it('answers 404 for routes it does not serve and records the call', async () => {
    const fake = createFakeGhl();
    expect((await fake.fetch(`${base}/nope`, { headers })).status).toBe(404);
    expect(fake.calls[0]).toMatchObject({ path: '/nope', operation: undefined, status: 404 });
  });
});
