import { describe, expect, it } from 'vitest';
import { resolveModel } from './anthropic-llm-client-options';

describe('resolveModel', () => {
  const table = {
    model: 'claude-sonnet-4-6',
    models: {
      bots: { lead: 'claude-haiku-4-5' },
      tenants: { big: { model: 'claude-opus-4-7', bots: { seller: 'claude-sonnet-5' } } },
    },
  };

  it('prefers the request, then tenant bot, tenant, bot and default models', () => {
    expect(resolveModel(table, { tenantId: 'big', bot: 'seller', requested: 'x' })).toBe('x');
    expect(resolveModel(table, { tenantId: 'big', bot: 'seller' })).toBe('claude-sonnet-5');
    expect(resolveModel(table, { tenantId: 'big', bot: 'lead' })).toBe('claude-opus-4-7');
    expect(resolveModel(table, { tenantId: 'small', bot: 'lead' })).toBe('claude-haiku-4-5');
    expect(resolveModel(table, { tenantId: 'small' })).toBe('claude-sonnet-4-6');
  });

  it('asks a chooser function and falls back to the default when it returns undefined', () => {
    const options = {
      model: 'claude-sonnet-4-6',
      models: (context: { tenantId: string; operation?: string }) =>
        context.operation === 'classify_intent' ? 'claude-haiku-4-5' : undefined,
    };
    expect(resolveModel(options, { tenantId: 't', operation: 'classify_intent' })).toBe(
      'claude-haiku-4-5',
    );
    expect(resolveModel(options, { tenantId: 't', operation: 'write_reply' })).toBe(
      'claude-sonnet-4-6',
    );
  });
});
