import { describe, expect, it } from 'vitest';
import { buildContact, buildConversationState } from '../testing/builders';
import { ManualClock } from '../testing/manual-clock';
import {
  buildAlertNotification,
  buildAuditEvent,
  buildCrmAction,
} from '../testing/record-builders';
import { createMemoryPorts } from './create-memory-ports';
import { createMemoryAuditLog } from './memory-audit-log';
import { MemoryOutbox } from './memory-outbox';
import { createMemoryCache } from './memory-cache';
import { createMemoryCrmGateway } from './memory-crm-gateway';
import { createMemoryNotifier } from './memory-notifier';

describe('memory ports', () => {
  it('createMemoryPorts wires every port to one clock', async () => {
    const clock = new ManualClock();
    const ports = createMemoryPorts({ clock });
    expect(ports.clock).toBe(clock);
    await ports.cache.set({ tenantId: 't', key: 'k', value: 1, ttlMs: 100 });
    const lock = await ports.locks.acquire({ tenantId: 't', key: 'k', ttlMs: 100 });
    clock.advance(100);
    expect(await ports.cache.get({ tenantId: 't', key: 'k' })).toBeUndefined();
    expect(lock && (await ports.locks.extend({ tenantId: 't', lock, ttlMs: 100 }))).toBeUndefined();
    await ports.jobs.close();
  });

  it('stores copies: mutating returned or given objects never changes stored data', async () => {
    const { conversations, contacts } = createMemoryPorts({ clock: new ManualClock() });
    const state = buildConversationState({ tenantId: 't' });
    const result = await conversations.compareAndSet({ tenantId: 't', state, expectedVersion: 0 });
    if (result.kind !== 'ok') throw new Error('expected ok');
    result.state.askedQuestions.push('mutated');
    state.askedQuestions.push('mutated');
    expect(
      (await conversations.get({ tenantId: 't', contactId: state.contactId }))?.askedQuestions,
    ).toEqual([]);
    const contact = await contacts.upsert({
      tenantId: 't',
      contact: buildContact({ tenantId: 't' }),
    });
    contact.tags.push('mutated');
    expect((await contacts.get({ tenantId: 't', contactId: contact.id }))?.tags).toEqual([]);
  });

  it('outbox dead-letters an entry whose lease expires on its last attempt', async () => {
    const clock = new ManualClock();
    const { outbox } = createMemoryPorts({ clock });
    await outbox.enqueue({ tenantId: 't', actions: [buildCrmAction('addTags')], maxAttempts: 1 });
    await outbox.claim({ limit: 1, leaseMs: 100 });
    clock.advance(200);
    expect(await outbox.claim({ limit: 1, leaseMs: 100 })).toEqual([]);
    const [dead] = await outbox.list({ tenantId: 't', status: 'dead' });
    expect(dead?.lastError?.code).toBe('OUTBOX_LEASE_LOST');
  });

  it('unit of work serialises runs of one tenant', async () => {
    const { unitOfWork } = createMemoryPorts({ clock: new ManualClock() });
    const log: string[] = [];
    const run = (label: string) =>
      unitOfWork.run('t', async () => {
        log.push(`start:${label}`);
        await new Promise((resolve) => setImmediate(resolve));
        log.push(`end:${label}`);
      });
    await Promise.all([run('a'), run('b')]);
    expect(log).toEqual(['start:a', 'end:a', 'start:b', 'end:b']);
  });

  it('lock acquire gives up after waitMs on the injected clock', async () => {
    const clock = new ManualClock();
    const { locks } = createMemoryPorts({ clock });
    await locks.acquire({ tenantId: 't', key: 'k', ttlMs: 10_000 });
    const waiting = locks.acquire({ tenantId: 't', key: 'k', ttlMs: 10_000, waitMs: 500 });
    await clock.advanceAsync(500);
    await expect(waiting).resolves.toBeUndefined();
  });

  it('rate limiter retryAfterMs is the time until enough units leave the window', async () => {
    const clock = new ManualClock();
    const { rateLimiter } = createMemoryPorts({ clock });
    const options = { tenantId: 't', key: 'k', limit: 2, windowMs: 1000 };
    await rateLimiter.consume(options);
    clock.advance(300);
    await rateLimiter.consume(options);
    expect((await rateLimiter.consume(options)).retryAfterMs).toBe(700);
    expect((await rateLimiter.consume({ ...options, cost: 2 })).retryAfterMs).toBe(1000);
    expect((await rateLimiter.consume({ ...options, cost: 3 })).allowed).toBe(false);
  });

  it('cache evicts the least recently used entry beyond maxEntries', async () => {
    const cache = createMemoryCache({ clock: new ManualClock(), maxEntries: 2 });
    await cache.set({ tenantId: 't', key: 'a', value: 1, ttlMs: 1000 });
    await cache.set({ tenantId: 't', key: 'b', value: 2, ttlMs: 1000 });
    await cache.get({ tenantId: 't', key: 'a' });
    await cache.set({ tenantId: 't', key: 'c', value: 3, ttlMs: 1000 });
    expect(await cache.get({ tenantId: 't', key: 'b' })).toBeUndefined();
    expect(await cache.get({ tenantId: 't', key: 'a' })).toBe(1);
    expect(cache.size).toBe(2);
  });

  it('dry-run CRM gateway executes each idempotency key once and lets tests script outcomes', async () => {
    const crm = createMemoryCrmGateway({
      onExecute: (action) =>
        action.type === 'sendMessage'
          ? { kind: 'skipped', reason: 'dnd' }
          : { kind: 'done', externalId: 'x1' },
      freeSlots: [
        { startTime: '2026-01-02T15:00:00Z', endTime: '2026-01-02T15:30:00Z' },
        { startTime: '2026-01-05T15:00:00Z', endTime: '2026-01-05T15:30:00Z' },
      ],
    });
    const tag = buildCrmAction('addTags');
    expect(await crm.execute({ tenantId: 't', action: tag })).toEqual({
      kind: 'done',
      externalId: 'x1',
    });
    expect(await crm.execute({ tenantId: 't', action: tag })).toEqual({
      kind: 'done',
      externalId: 'x1',
    });
    expect(await crm.execute({ tenantId: 't', action: buildCrmAction('sendMessage') })).toEqual({
      kind: 'skipped',
      reason: 'dnd',
    });
    expect(crm.executed('t')).toHaveLength(2);
    expect(crm.executed('other')).toHaveLength(0);
    const slots = await crm.getFreeSlots({
      tenantId: 't',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-03T00:00:00Z',
    });
    expect(slots).toHaveLength(1);
  });

  it('memory notifier records deliveries and can simulate a failing channel', async () => {
    const notifier = createMemoryNotifier({ name: 'dash', kind: 'log' });
    await notifier.notify({ notification: buildAlertNotification() });
    expect(notifier.sent).toHaveLength(1);
    const failing = createMemoryNotifier({
      onNotify: () => {
        throw new Error('channel down');
      },
    });
    await expect(failing.notify({ notification: buildAlertNotification() })).rejects.toThrow(
      'channel down',
    );
    expect(failing.sent).toHaveLength(0);
  });

  it('rejects calls whose signal is already aborted', async () => {
    const { conversations } = createMemoryPorts({ clock: new ManualClock() });
    await expect(
      conversations.get({ tenantId: 't', contactId: 'c', signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('memory outbox retention', () => {
  it('prunes delivered entries after retainCompletedMs; pending and dead entries stay', async () => {
    const clock = new ManualClock();
    const outbox = new MemoryOutbox({ clock, retainCompletedMs: 1000 });
    await outbox.enqueue({
      tenantId: 't',
      actions: [buildCrmAction('addTags'), buildCrmAction('addNote')],
    });
    const [first] = await outbox.claim({ limit: 1, leaseMs: 100 });
    await outbox.ack({ tenantId: 't', id: first?.id ?? '', leaseToken: first?.leaseToken ?? '' });
    clock.advance(2000);
    for (let index = 0; index < 500; index++)
      await outbox.enqueue({ tenantId: 't', actions: [buildCrmAction('addNote')] });
    const statuses = (await outbox.list({ tenantId: 't', limit: 1000 })).map(
      (entry) => entry.status,
    );
    expect(statuses).not.toContain('delivered');
    expect(statuses).toHaveLength(501);
  });
});

describe('memory audit log bound', () => {
  it('drops the oldest events beyond maxEventsPerTenant', async () => {
    const audit = createMemoryAuditLog({ maxEventsPerTenant: 2 });
    for (const id of ['e1', 'e2', 'e3'])
      await audit.append({ tenantId: 't', event: buildAuditEvent({ tenantId: 't', id }) });
    expect((await audit.query({ tenantId: 't' })).map((event) => event.id)).toEqual(['e2', 'e3']);
  });
});
