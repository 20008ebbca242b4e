import { describe, expect, it } from 'vitest';
import { createEventBus, EnterpriseHubError } from '@enterprisehub/core';
import { GhlApiError } from '@enterprisehub/ghl';
import { drive } from './support/drive';
import { setupClient } from './support/setup-client';

async function seededContact(setup: ReturnType<typeof setupClient>): Promise<string> {
  return (await drive(setup.clock, setup.client.contacts.upsert({ phone: '+15125550100' }))).contact.id;
}

describe('GHL client retries', () => {
  it('waits the advertised interval after a 429 and then succeeds', async () => {
    const setup = setupClient();
    const id = await seededContact(setup);
    setup.fake.scenarios.rateLimitStorm(2);
    const started = setup.clock.now();
    const contact = await drive(setup.clock, setup.client.contacts.get(id));
    expect(contact.id).toBe(id);
    expect(setup.clock.now() - started).toBeGreaterThanOrEqual(10_000);
    expect(setup.fake.calls.slice(-3).map((call) => call.status)).toEqual([429, 429, 200]);
    expect(setup.client.rateLimitState().rateLimitedResponses).toBe(2);
  });

  it('reports 429 waits on the event bus', async () => {
    const events = createEventBus();
    const hits: number[] = [];
    events.on('rate_limit.hit', ({ source, waitMs }) => void (source === 'ghl' && hits.push(waitMs ?? 0)));
    const setup = setupClient({ client: { events } });
    const id = await seededContact(setup);
    setup.fake.scenarios.rateLimitStorm(1);
    await drive(setup.clock, setup.client.contacts.get(id));
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(hits.every((waitMs) => waitMs > 0)).toBe(true);
  });

  it('gives up after maxRateLimitRetries with a retryable GHL_RATE_LIMITED error', async () => {
    const setup = setupClient({ client: { retry: { maxRateLimitRetries: 1, random: () => 0 } } });
    const id = await seededContact(setup);
    setup.fake.scenarios.rateLimitStorm(5);
    const error = await drive(setup.clock, setup.client.contacts.get(id)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'GHL_RATE_LIMITED', status: 429, retryable: true, pathTemplate: '/contacts/{contactId}' });
  });

  it('retries a 5xx on an idempotent GET and succeeds', async () => {
    const setup = setupClient();
    const id = await seededContact(setup);
    setup.fake.scenarios.serverError({ status: 503, operation: 'GET /contacts/{contactId}' });
    expect((await drive(setup.clock, setup.client.contacts.get(id))).id).toBe(id);
    expect(setup.fake.calls.slice(-2).map((call) => call.status)).toEqual([503, 200]);
  });

  it('retries a dropped connection on a GET', async () => {
    const setup = setupClient();
    const id = await seededContact(setup);
    setup.fake.scenarios.networkError({ count: 2 });
    expect((await drive(setup.clock, setup.client.contacts.get(id))).id).toBe(id);
    expect(setup.fake.calls.slice(-3).map((call) => call.status)).toEqual([0, 0, 200]);
  });

  it('does not retry a creating POST after a 5xx (it could have been processed)', async () => {
    const setup = setupClient();
    const contactId = await seededContact(setup);
    setup.fake.scenarios.serverError({ operation: 'POST /conversations/messages' });
    const error = await drive(setup.clock, setup.client.conversations.sendMessage({ type: 'SMS', contactId, message: 'Hi' })).catch((caught: unknown) => caught);
    expect(GhlApiError.isGhlApiError(error) && error.code).toBe('GHL_UNAVAILABLE');
    expect(setup.fake.calls.filter((call) => call.operation === 'POST /conversations/messages')).toHaveLength(1);
  });

  it('times out a slow answer on the injected clock without retrying a creating POST', async () => {
    const setup = setupClient({ client: { timeoutMs: 5_000 } });
    const contactId = await seededContact(setup);
    setup.fake.scenarios.slowResponse({ delayMs: 60_000, operation: 'POST /conversations/messages' });
    const error = await drive(setup.clock, setup.client.conversations.sendMessage({ type: 'SMS', contactId, message: 'Hi' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'GHL_TIMEOUT', retryable: true, status: undefined });
    expect(setup.fake.state.messages.size).toBe(1);
  });

  it('retries a slow idempotent GET after its timeout', async () => {
    const setup = setupClient({ client: { timeoutMs: 5_000 } });
    const id = await seededContact(setup);
    setup.fake.scenarios.slowResponse({ delayMs: 60_000, operation: 'GET /contacts/{contactId}' });
    expect((await drive(setup.clock, setup.client.contacts.get(id))).id).toBe(id);
  });

  it('throws GhlApiError with status, template and GHL trace id, but never the token, headers or body', async () => {
    const setup = setupClient();
    const error = await drive(setup.clock, setup.client.contacts.get('missing-contact')).catch((caught: unknown) => caught);
    expect(EnterpriseHubError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'GHL_NOT_FOUND', status: 404, method: 'GET', pathTemplate: '/contacts/{contactId}', retryable: false });
    const serialised = JSON.stringify(error) + String(error) + JSON.stringify((error as GhlApiError).details);
    expect(serialised).not.toContain('pit-test-token');
    expect(serialised).not.toContain('missing-contact');
  });

  it('names the failing field path when GHL answers with a body that breaks the schema', async () => {
    const setup = setupClient();
    const id = await seededContact(setup);
    const contact = setup.fake.state.contacts.get(id);
    if (contact !== undefined) contact['tags'] = 'not-a-list';
    const error = await drive(setup.clock, setup.client.contacts.get(id)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'GHL_RESPONSE_INVALID', status: 200 });
    expect(String((error as Error).message)).toContain('contact.tags');
  });

  it('does not retry 4xx answers', async () => {
    const setup = setupClient();
    const error = await drive(setup.clock, setup.client.opportunities.create({ pipelineId: 'nope', name: 'x', contactId: 'c' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'GHL_REQUEST_REJECTED', status: 400 });
    expect(setup.fake.calls).toHaveLength(1);
  });

  it('stops waiting when the caller aborts', async () => {
    const setup = setupClient();
    const id = await seededContact(setup);
    setup.fake.scenarios.rateLimitStorm(10);
    const controller = new AbortController();
    const pending = setup.client.contacts.get(id, { signal: controller.signal });
    setup.clock.advance(0);
    controller.abort(new Error('caller gave up'));
    await expect(drive(setup.clock, pending)).rejects.toThrow('caller gave up');
  });
});
