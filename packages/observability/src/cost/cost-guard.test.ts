import {
  createEventBus,
  EnterpriseHubError,
  GLOBAL_TENANT_ID,
  type EventMap,
  type LlmRequest,
} from '@enterprisehub/core';
import { ManualClock, ScriptedLlmClient } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createCostGuard } from './cost-guard';
import { withCostGuard } from './with-cost-guard';

const MINUTE = 60_000;

function setup(options: Parameters<typeof createCostGuard>[0] = {}) {
  const clock = new ManualClock();
  const events = createEventBus();
  const fired: EventMap['alert.fired'][] = [];
  const resolved: EventMap['alert.resolved'][] = [];
  events.on('alert.fired', (payload) => void fired.push(payload));
  events.on('alert.resolved', (payload) => void resolved.push(payload));
  const guard = createCostGuard({ clock, events, ...options });
  return { clock, guard, fired, resolved };
}

describe('createCostGuard', () => {
  it('moves from normal to degrade at $50/h and to stop at $100/h by default', () => {
    const { guard } = setup();
    expect(guard.record({ tenantId: 't1', costUsd: 49.99 })).toMatchObject({
      mode: 'normal',
      spentUsdLastHour: 49.99,
    });
    expect(guard.record({ tenantId: 't1', costUsd: 0.01 })).toMatchObject({
      mode: 'degrade',
      limitedBy: 'deployment',
    });
    expect(guard.record({ tenantId: 't2', costUsd: 50 })).toMatchObject({
      mode: 'stop',
      limitedBy: 'deployment',
      softLimitUsd: 50,
      hardLimitUsd: 100,
      tenantSpentUsdLastHour: 50,
    });
    expect(guard.check({ tenantId: 't3' }).mode).toBe('stop');
  });

  it('fires one critical alert when the hard limit is crossed and resolves it when spend ages out', () => {
    const { clock, guard, fired, resolved } = setup();
    guard.record({ tenantId: 't1', costUsd: 60 });
    clock.advance(30 * MINUTE);
    guard.record({ tenantId: 't1', costUsd: 45 });
    guard.record({ tenantId: 't1', costUsd: 5 });
    guard.check({ tenantId: 't1' });
    expect(fired).toEqual([
      {
        tenantId: GLOBAL_TENANT_ID,
        at: clock.now(),
        ruleId: 'llm_cost_emergency_stop',
        severity: 'critical',
        fingerprint: `llm_cost_emergency_stop:${GLOBAL_TENANT_ID}`,
      },
    ]);
    const state = guard.check({ tenantId: 't1' });
    expect(state.retryAfterMs).toBe(30 * MINUTE);
    clock.advance(30 * MINUTE);
    expect(guard.check({ tenantId: 't1' })).toMatchObject({
      mode: 'degrade',
      spentUsdLastHour: 50,
    });
    expect(resolved).toHaveLength(1);
    clock.advance(30 * MINUTE);
    expect(guard.check({ tenantId: 't1' })).toMatchObject({
      mode: 'normal',
      spentUsdLastHour: 0,
      retryAfterMs: 0,
    });
    expect(fired).toHaveLength(1);
  });

  it('applies per-tenant limits without affecting other tenants', () => {
    const { guard, fired } = setup({
      tenantLimits: (tenantId) =>
        tenantId === 'small' ? { softLimitUsdPerHour: 2, hardLimitUsdPerHour: 5 } : undefined,
    });
    guard.record({ tenantId: 'small', costUsd: 5 });
    expect(guard.check({ tenantId: 'small' })).toMatchObject({
      mode: 'stop',
      limitedBy: 'tenant',
      tenantHardLimitUsd: 5,
    });
    expect(guard.check({ tenantId: 'big' })).toMatchObject({ mode: 'normal', spentUsdLastHour: 5 });
    expect(fired.map((event) => event.tenantId)).toEqual(['small']);
  });

  it('counts unknown-cost calls separately instead of treating them as free', () => {
    const { guard } = setup();
    guard.record({ tenantId: 't1', costUsd: undefined });
    expect(guard.check({ tenantId: 't1' })).toMatchObject({
      unknownCostCallsLastHour: 1,
      spentUsdLastHour: 0,
    });
  });
});

describe('withCostGuard', () => {
  const request: LlmRequest = {
    tenantId: 't1',
    model: 'claude-sonnet-4-5',
    messages: [{ role: 'user', content: 'hi' }],
  };

  it('passes calls through in normal mode and switches to the fallback model when degraded', async () => {
    const { guard } = setup();
    const llm = new ScriptedLlmClient().reply('a').reply('b');
    const guarded = withCostGuard(llm, { guard, fallbackModel: 'claude-haiku-4-5' });
    await guarded.complete(request);
    guard.record({ tenantId: 't1', costUsd: 60 });
    await guarded.complete(request);
    expect(llm.calls.map((call) => call.model)).toEqual(['claude-sonnet-4-5', 'claude-haiku-4-5']);
  });

  it('refuses the call with LLM_BUDGET_EXHAUSTED when stopped, or degraded without a fallback', async () => {
    const { guard } = setup();
    const llm = new ScriptedLlmClient();
    guard.record({ tenantId: 't1', costUsd: 60 });
    const error = await withCostGuard(llm, { guard })
      .complete(request)
      .catch((caught: unknown) => caught);
    expect(EnterpriseHubError.isInstance(error) && error.code).toBe('LLM_BUDGET_EXHAUSTED');
    guard.record({ tenantId: 't1', costUsd: 50 });
    const stopped = await withCostGuard(llm, { guard, fallbackModel: 'claude-haiku-4-5' })
      .complete(request)
      .catch((caught: unknown) => caught);
    expect(EnterpriseHubError.isInstance(stopped) && stopped.details).toMatchObject({
      mode: 'stop',
      limitedBy: 'deployment',
    });
    expect(llm.calls).toHaveLength(0);
  });
});
