import { EnterpriseHubError } from '@enterprisehub/core';
import { buildTenant, ManualClock, ScriptedLlmClient } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createGuardedLlmClient } from './guarded-llm-client';
import type { LlmCostMode } from './llm-cost-guard';

const tenant = buildTenant({
  llm: { enabled: true, model: 'big', fallbackModel: 'small', maxTokensPerTurn: 300 },
});
const request = {
  tenantId: tenant.id,
  messages: [{ role: 'user' as const, content: 'hi' }],
  maxTokens: 1000,
  metadata: { contactId: 'c1' },
};

describe('createGuardedLlmClient', () => {
  it('applies the tenant model and token cap in normal mode and reports the mode', async () => {
    const llm = new ScriptedLlmClient().reply('ok');
    const modes: LlmCostMode[] = [];
    const guarded = createGuardedLlmClient({
      llm,
      tenant,
      clock: new ManualClock(),
      costGuard: { check: () => ({ mode: 'normal' }) },
      onMode: (mode) => modes.push(mode),
    });
    await guarded.complete(request);
    expect(llm.calls[0]).toMatchObject({ model: 'big', maxTokens: 300 });
    expect(modes).toEqual(['normal']);
  });

  it('switches to the fallback model on degrade and refuses on stop without calling the model', async () => {
    const llm = new ScriptedLlmClient().reply('ok');
    let mode: LlmCostMode = 'degrade';
    const guarded = createGuardedLlmClient({
      llm,
      tenant,
      clock: new ManualClock(),
      costGuard: { check: async () => Promise.resolve({ mode }) },
    });
    await guarded.complete(request);
    expect(llm.calls[0]?.model).toBe('small');
    mode = 'stop';
    await expect(guarded.complete(request)).rejects.toMatchObject({ code: 'LLM_BUDGET_EXHAUSTED' });
    expect(llm.calls).toHaveLength(1);
    const noFallback = createGuardedLlmClient({
      llm,
      tenant: buildTenant({ llm: { enabled: true } }),
      clock: new ManualClock(),
      costGuard: { check: () => ({ mode: 'degrade' }) },
    });
    await expect(noFallback.complete(request)).rejects.toMatchObject({
      code: 'LLM_BUDGET_EXHAUSTED',
    });
  });

  it('enforces the turn deadline even when the client ignores timeoutMs', async () => {
    const clock = new ManualClock();
    const llm = new ScriptedLlmClient({ clock }).reply({ text: 'late', latencyMs: 10_000 });
    const guarded = createGuardedLlmClient({
      llm,
      tenant,
      clock,
      deadlineFor: (contactId) => (contactId === 'c1' ? clock.now() + 2_000 : undefined),
    });
    const call = guarded.complete(request).catch((error: unknown) => error);
    await clock.advanceAsync(2_000);
    const error = await call;
    expect(EnterpriseHubError.isInstance(error) && error.code).toBe('LLM_TIMEOUT');
    expect(llm.calls[0]?.timeoutMs).toBe(2_000);
    clock.advance(5_000);
    await expect(
      createGuardedLlmClient({ llm, tenant, clock, deadlineFor: () => clock.now() - 1 }).complete(
        request,
      ),
    ).rejects.toMatchObject({ code: 'LLM_TIMEOUT' });
  });
});
