import {
  EnterpriseHubError,
  createEventBus,
  createMemoryAuditLog,
  type BotName,
  type EventMap,
  type HandoffRecord,
} from '@enterprisehub/core';
import { ManualClock, createMemoryPorts } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createHandoffGovernor } from './handoff-governor';
import type { HandoffGovernorSettings } from './handoff-types';

const MINUTE = 60_000;
const tenantId = 't1';

function setup(settings: HandoffGovernorSettings = {}) {
  const clock = new ManualClock();
  const ports = createMemoryPorts({ clock });
  const governor = createHandoffGovernor({
    limiter: ports.rateLimiter,
    locks: ports.locks,
    clock,
    options: settings,
  });
  return { clock, ports, governor };
}

const request = (from: BotName, to: BotName, history: HandoffRecord[] = []) => ({
  tenantId,
  contactId: 'c1',
  from,
  to,
  confidence: 0.9,
  history,
});

describe('createHandoffGovernor', () => {
  it('allows a confident handoff and returns the record to persist with the counters left', async () => {
    const { governor, clock } = setup();
    const decision = await governor.decide({ ...request('lead', 'buyer'), reason: 'intent:buyer' });
    expect(decision).toEqual({
      kind: 'allowed',
      record: {
        from: 'lead',
        to: 'buyer',
        confidence: 0.9,
        at: clock.now(),
        reason: 'intent:buyer',
      },
      remaining: { hour: 2, day: 9 },
      durationMs: 0,
    });
  });

  it('refuses low confidence without consuming any counter', async () => {
    const { governor, ports } = setup();
    const decision = await governor.decide({ ...request('lead', 'seller'), confidence: 0.69 });
    expect(decision).toMatchObject({ kind: 'blocked', reason: 'low_confidence' });
    const peek = await ports.rateLimiter.peek({
      tenantId,
      key: 'handoff:hour:c1',
      limit: 3,
      windowMs: 3_600_000,
    });
    expect(peek.remaining).toBe(3);
    expect((await governor.decide({ ...request('lead', 'seller'), confidence: 0.7 })).kind).toBe(
      'allowed',
    );
  });

  it('blocks the 4th handoff within an hour and allows it once the hour has passed', async () => {
    const { governor, clock } = setup();
    const history: HandoffRecord[] = [];
    const route: [BotName, BotName][] = [
      ['lead', 'buyer'],
      ['buyer', 'seller'],
      ['seller', 'lead'],
      ['lead', 'buyer'],
    ];
    const decisions = [];
    for (const [from, to] of route) {
      const decision = await governor.decide(request(from, to, history));
      if (decision.kind === 'allowed') history.push(decision.record);
      decisions.push(decision);
      clock.advance(5 * MINUTE);
    }
    expect(decisions.map((decision) => decision.kind)).toEqual([
      'allowed',
      'allowed',
      'allowed',
      'blocked',
    ]);
    expect(decisions[3]).toEqual({
      kind: 'blocked',
      reason: 'hourly_limit',
      retryAfterMs: 45 * MINUTE,
      durationMs: 0,
    });
    clock.advance(45 * MINUTE);
    expect((await governor.decide(request('lead', 'buyer', history))).kind).toBe('allowed');
  });

  it('blocks the 11th handoff within a day with daily_limit', async () => {
    const { governor, clock } = setup();
    const cycle: BotName[] = ['lead', 'buyer', 'seller'];
    const kinds: string[] = [];
    for (let index = 0; index < 11; index += 1) {
      const from = cycle[index % 3] ?? 'lead';
      const to = cycle[(index + 1) % 3] ?? 'buyer';
      const decision = await governor.decide(request(from, to));
      kinds.push(decision.kind === 'allowed' ? 'allowed' : decision.reason);
      clock.advance(21 * MINUTE);
    }
    expect(kinds).toEqual([...Array<string>(10).fill('allowed'), 'daily_limit']);
  });

  it('blocks a return to the bot just left for 30 minutes, from the caller history alone', async () => {
    const { governor, clock } = setup();
    const history: HandoffRecord[] = [
      { from: 'lead', to: 'seller', confidence: 0.8, at: clock.now() - 10 * MINUTE },
    ];
    expect(await governor.decide(request('seller', 'lead', history))).toEqual({
      kind: 'blocked',
      reason: 'circular',
      retryAfterMs: 20 * MINUTE,
      durationMs: 0,
    });
    expect((await governor.decide(request('seller', 'buyer', history))).kind).toBe('allowed');
  });

  it('remembers its own handoffs when the caller history is stale (ping-pong)', async () => {
    const { governor, clock } = setup();
    expect((await governor.decide(request('buyer', 'seller'))).kind).toBe('allowed');
    clock.advance(MINUTE);
    expect(await governor.decide(request('seller', 'buyer'))).toMatchObject({
      kind: 'blocked',
      reason: 'circular',
    });
    clock.advance(30 * MINUTE);
    expect((await governor.decide(request('seller', 'buyer'))).kind).toBe('allowed');
  });

  it('lets only one of two concurrent decisions for a contact through and counts it once', async () => {
    const { governor, ports } = setup();
    const [first, second] = await Promise.all([
      governor.decide(request('lead', 'buyer')),
      governor.decide(request('lead', 'seller')),
    ]);
    expect([first.kind, second.kind]).toEqual(['allowed', 'blocked']);
    expect(second).toMatchObject({ reason: 'lock_busy', retryAfterMs: 30_000 });
    const peek = await ports.rateLimiter.peek({
      tenantId,
      key: 'handoff:day:c1',
      limit: 10,
      windowMs: 86_400_000,
    });
    expect(peek.remaining).toBe(9);
    expect((await governor.decide({ ...request('lead', 'buyer'), contactId: 'c2' })).kind).toBe(
      'allowed',
    );
  });

  it('reports lock_busy while another instance holds the contact handoff lock, until its TTL expires', async () => {
    const { governor, ports, clock } = setup();
    await ports.locks.acquire({ tenantId, key: 'handoff:c1', ttlMs: 30_000 });
    expect(await governor.decide(request('lead', 'buyer'))).toMatchObject({
      kind: 'blocked',
      reason: 'lock_busy',
    });
    clock.advance(30_000);
    expect((await governor.decide(request('lead', 'buyer'))).kind).toBe('allowed');
  });

  it('shares limits across instances through the same limiter and locks', async () => {
    const { governor, ports, clock } = setup();
    const other = createHandoffGovernor({ limiter: ports.rateLimiter, locks: ports.locks, clock });
    const history: HandoffRecord[] = [];
    const decideOn = async (instance: typeof governor, from: BotName, to: BotName) => {
      const decision = await instance.decide(request(from, to, history));
      if (decision.kind === 'allowed') history.push(decision.record);
      return decision;
    };
    expect((await decideOn(governor, 'lead', 'buyer')).kind).toBe('allowed');
    expect((await decideOn(other, 'buyer', 'seller')).kind).toBe('allowed');
    expect((await decideOn(governor, 'seller', 'lead')).kind).toBe('allowed');
    expect(await decideOn(other, 'lead', 'buyer')).toMatchObject({
      kind: 'blocked',
      reason: 'hourly_limit',
    });
  });

  it('refuses handoffs to a disabled bot or when the governor is disabled', async () => {
    const { governor } = setup();
    expect(
      await governor.decide({ ...request('lead', 'seller'), enabledBots: ['lead', 'buyer'] }),
    ).toMatchObject({
      kind: 'blocked',
      reason: 'disabled',
    });
    const off = setup({ enabled: false });
    expect(await off.governor.decide(request('lead', 'buyer'))).toMatchObject({
      reason: 'disabled',
    });
  });

  it('applies guardrail overrides', async () => {
    const { governor } = setup({ minConfidence: 0.95, hourlyLimit: 1 });
    expect(await governor.decide(request('lead', 'buyer'))).toMatchObject({
      reason: 'low_confidence',
    });
    expect(governor.guardrails).toMatchObject({
      minConfidence: 0.95,
      hourlyLimit: 1,
      dailyLimit: 10,
    });
  });

  it('rejects a handoff to the same bot and confidences outside 0..1', async () => {
    const { governor } = setup();
    await expect(governor.decide(request('buyer', 'buyer'))).rejects.toBeInstanceOf(
      EnterpriseHubError,
    );
    await expect(
      governor.decide({ ...request('lead', 'buyer'), confidence: 1.2 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('keeps analytics per tenant and history per contact', async () => {
    const { governor, clock } = setup();
    await governor.decide(request('lead', 'buyer'));
    clock.advance(MINUTE);
    await governor.decide(request('buyer', 'lead'));
    await governor.decide({ ...request('buyer', 'seller'), confidence: 0.2 });
    await governor.decide({ ...request('lead', 'seller'), contactId: 'c9', tenantId: 'other' });
    expect(governor.analytics({ tenantId })).toEqual({
      total: 3,
      successful: 1,
      blocked: 2,
      blockedByReason: {
        low_confidence: 1,
        hourly_limit: 0,
        daily_limit: 0,
        circular: 1,
        lock_busy: 0,
        disabled: 0,
      },
      successRate: 1 / 3,
      byRoute: { 'lead->buyer': 1 },
    });
    expect(governor.analytics({ tenantId: 'nobody' })).toMatchObject({ total: 0, successRate: 1 });
    expect(
      governor.history({ tenantId, contactId: 'c1' }).map((entry) => [entry.outcome, entry.reason]),
    ).toEqual([
      ['allowed', undefined],
      ['blocked', 'circular'],
      ['blocked', 'low_confidence'],
    ]);
    expect(governor.history({ tenantId, contactId: 'c9' })).toEqual([]);
  });

  it('bounds the per-contact history', async () => {
    const { governor } = setup({ historyLimit: 2 });
    for (let index = 0; index < 5; index += 1)
      await governor.decide({ ...request('lead', 'buyer'), confidence: 0.1 });
    expect(governor.history({ tenantId, contactId: 'c1' })).toHaveLength(2);
  });

  it('emits completed, blocked and rate-limit events and appends audit records', async () => {
    const events = createEventBus();
    const audit = createMemoryAuditLog();
    const completed: EventMap['handoff.completed'][] = [];
    const blocked: EventMap['handoff.blocked'][] = [];
    const limited: EventMap['rate_limit.hit'][] = [];
    events.on('handoff.completed', (payload) => void completed.push(payload));
    events.on('handoff.blocked', (payload) => void blocked.push(payload));
    events.on('rate_limit.hit', (payload) => void limited.push(payload));
    const { governor, clock } = setup({ events, audit, hourlyLimit: 1 });
    await governor.decide({ ...request('lead', 'buyer'), correlationId: 'm1' });
    await governor.decide(request('buyer', 'seller'));
    expect(completed).toEqual([
      {
        tenantId,
        at: clock.now(),
        contactId: 'c1',
        from: 'lead',
        to: 'buyer',
        confidence: 0.9,
        durationMs: 0,
      },
    ]);
    expect(blocked).toEqual([
      {
        tenantId,
        at: clock.now(),
        contactId: 'c1',
        from: 'buyer',
        to: 'seller',
        reason: 'hourly_limit',
      },
    ]);
    expect(limited).toEqual([{ tenantId, at: clock.now(), source: 'handoff', waitMs: 3_600_000 }]);
    const records = await audit.query({ tenantId });
    expect(records.map((record) => [record.type, record.data['reason'] ?? null])).toEqual([
      ['handoff.completed', null],
      ['handoff.blocked', 'hourly_limit'],
    ]);
    expect(records[0]).toMatchObject({ contactId: 'c1', correlationId: 'm1', bot: 'lead' });
  });
});
