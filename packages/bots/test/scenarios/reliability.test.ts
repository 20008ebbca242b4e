import { createEventBus, EnterpriseHubError, type ConversationStore } from '@enterprisehub/core';
import { createMemoryPorts, ManualClock } from '@enterprisehub/core/testing';
import { DEMO_TENANT, TenantRegistry } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { createBotOrchestrator, INBOUND_MESSAGE_JOB } from '../../src/index';
import { createScenario } from './scenario-harness';

const inbound = (overrides: Record<string, unknown> = {}) => ({
  tenantId: 'demo',
  contactId: 'lead-1',
  messageId: 'm1',
  channel: 'sms',
  body: 'Looking to buy a home in Cedar Park',
  receivedAt: Date.UTC(2026, 0, 1),
  ...overrides,
});

describe('scenario: duplicate webhook', () => {
  it('answers a message id once, whether the duplicate comes later or concurrently', async () => {
    const s = createScenario();
    const [first, concurrent] = await Promise.all([
      s.say('Looking to buy in Cedar Park', 'lead-1', { messageId: 'wh-1' }),
      s.say('Looking to buy in Cedar Park', 'lead-1', { messageId: 'wh-1' }),
    ]);
    const later = await s.say('Looking to buy in Cedar Park', 'lead-1', { messageId: 'wh-1' });
    expect([first.reply.kind, concurrent.reply.kind].sort()).toEqual(['none', 'sent']);
    expect(later.reply).toEqual({ kind: 'none', reason: 'duplicate' });
    expect((await s.outbox()).filter((action) => action.type === 'sendMessage')).toHaveLength(1);
    expect(
      (await s.state())?.messages.filter((message) => message.direction === 'inbound'),
    ).toHaveLength(1);
    expect(s.eventsNamed('message.received')).toHaveLength(1);
    expect(await s.memory.inbox.has({ tenantId: 'demo', id: 'processed:wh-1' })).toBe(true);
  });
});

describe('orchestrator reliability', () => {
  it('re-queues a message whose contact is busy instead of dropping it', async () => {
    const s = createScenario({ options: { lockWaitMs: 0 } });
    const held = await s.memory.locks.acquire({
      tenantId: 'demo',
      key: 'contact:lead-1',
      ttlMs: 30_000,
    });
    const result = await s.say('Looking to buy in Cedar Park');
    expect(result.reply).toEqual({ kind: 'none', reason: 'requeued' });
    expect(await s.memory.jobs.list({ tenantId: 'demo', name: INBOUND_MESSAGE_JOB })).toHaveLength(
      1,
    );
    if (held) await s.memory.locks.release({ tenantId: 'demo', lock: held });
    await s.advance(2_000);
    expect((await s.outbox()).filter((action) => action.type === 'sendMessage')).toHaveLength(1);
  });

  it('retries the turn on fresh state when the conversation changed meanwhile (optimistic concurrency)', async () => {
    const clock = new ManualClock();
    const memory = createMemoryPorts({ clock });
    let interfered = false;
    const conversations: ConversationStore = {
      ...memory.conversations,
      get: async (options) => {
        const state = await memory.conversations.get(options);
        if (state && !interfered) {
          interfered = true;
          await memory.conversations.compareAndSet({
            tenantId: 'demo',
            state: { ...state, attributes: { ...state.attributes, touched: true } },
            expectedVersion: state.version,
          });
        }
        return state;
      },
      compareAndSet: (options) => memory.conversations.compareAndSet(options),
      list: (options) => memory.conversations.list(options),
      delete: (options) => memory.conversations.delete(options),
    };
    const bots = createBotOrchestrator({
      ports: {
        ...memory,
        conversations,
        limiter: memory.rateLimiter,
        queue: memory.jobs,
        events: createEventBus(),
      },
      tenants: TenantRegistry.demo(),
    });
    await bots.handleInbound(inbound({ receivedAt: clock.now() }));
    const second = await bots.handleInbound(
      inbound({ messageId: 'm2', body: 'around 500k', receivedAt: clock.now() }),
    );
    expect(second.reply.kind).toBe('sent');
    const state = await memory.conversations.get({ tenantId: 'demo', contactId: 'lead-1' });
    expect(state?.attributes['touched']).toBe(true);
    expect(state?.version).toBe(3);
    expect(state?.facts.budgetMax?.value).toBe(500_000);
    expect(
      (await memory.outbox.list({ tenantId: 'demo' })).filter(
        (entry) => entry.action.type === 'sendMessage',
      ),
    ).toHaveLength(2);
  });

  it('records and skips messages for unknown, disabled and maintenance tenants', async () => {
    const clock = new ManualClock();
    const memory = createMemoryPorts({ clock });
    const events = createEventBus();
    const errors: string[] = [];
    events.on('error.raised', (event) => void errors.push(event.code));
    const tenants = TenantRegistry.demo();
    const bots = createBotOrchestrator({
      ports: { ...memory, limiter: memory.rateLimiter, events },
      tenants,
    });
    expect((await bots.handleInbound(inbound({ tenantId: 'ghost' }))).reply).toEqual({
      kind: 'none',
      reason: 'tenant_unknown',
    });
    tenants.disable('demo');
    expect((await bots.handleInbound(inbound())).reply).toEqual({
      kind: 'none',
      reason: 'tenant_disabled',
    });
    tenants.enable('demo');
    tenants.setMaintenance('demo', true);
    expect((await bots.handleInbound(inbound({ messageId: 'm2' }))).reply).toEqual({
      kind: 'none',
      reason: 'tenant_maintenance',
    });
    expect(errors).toEqual(['TENANT_NOT_FOUND', 'TENANT_DISABLED']);
    expect(
      (await memory.audit.query({ tenantId: 'demo', type: 'inbound.skipped' })).map(
        (event) => event.data['reason'],
      ),
    ).toEqual(['tenant_disabled', 'tenant_maintenance']);
    expect(await memory.outbox.list({ tenantId: 'demo' })).toEqual([]);
    tenants.setMaintenance('demo', false);
    expect((await bots.handleInbound(inbound({ messageId: 'm2' }))).reply.kind).toBe('sent');
  });

  it('rejects a malformed event with VALIDATION_FAILED naming the field, never its value', async () => {
    const memory = createMemoryPorts({ clock: new ManualClock() });
    const bots = createBotOrchestrator({
      ports: { ...memory, limiter: memory.rateLimiter },
      tenants: new TenantRegistry([DEMO_TENANT]),
    });
    const error = await bots
      .handleInbound(inbound({ channel: 'pigeon', body: 'call me at +15125550100' }))
      .catch((caught: unknown) => caught);
    expect(EnterpriseHubError.isInstance(error) && error.code).toBe('VALIDATION_FAILED');
    expect(EnterpriseHubError.isInstance(error) && error.message).toContain('channel');
    expect(String(EnterpriseHubError.isInstance(error) && error.message)).not.toContain(
      '5125550100',
    );
    await expect(
      bots.handleJob({
        id: 'j',
        tenantId: 'demo',
        name: 'other',
        payload: {},
        attempt: 1,
        maxAttempts: 1,
        enqueuedAt: 0,
        runAt: 0,
      }),
    ).rejects.toMatchObject({ code: 'QUEUE_HANDLER_MISSING' });
  });

  it('works without a queue: quiet-hour replies go to the outbox due at 8 am', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 2, 5, 0));
    const memory = createMemoryPorts({ clock });
    const bots = createBotOrchestrator({
      ports: { ...memory, limiter: memory.rateLimiter },
      tenants: TenantRegistry.demo(),
    });
    const result = await bots.handleInbound(inbound({ receivedAt: clock.now() }));
    expect(result.reply.kind).toBe('deferred');
    const entry = (await memory.outbox.list({ tenantId: 'demo' })).find(
      (candidate) => candidate.action.type === 'sendMessage',
    );
    expect(entry?.nextAttemptAt).toBe(Date.UTC(2026, 0, 2, 14, 0));
  });
});
