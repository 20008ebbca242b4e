import { createEventBus } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import { createPrometheusMetrics } from './prometheus-metrics';

const usage = {
  inputTokens: 100,
  outputTokens: 40,
  cacheReadTokens: 900,
  cacheWrite5mTokens: 10,
  cacheWrite1hTokens: 0,
};
const at = Date.UTC(2026, 0, 1);

describe('createPrometheusMetrics', () => {
  it('exposes bot turns, handoffs, LLM tokens and cost from bus events', async () => {
    const events = createEventBus();
    const prometheus = createPrometheusMetrics({ events });
    events.emit('bot.turn.completed', {
      tenantId: 't1',
      at,
      contactId: 'contact-123',
      bot: 'lead',
      operation: 'process',
      durationMs: 1200,
      success: true,
    });
    events.emit('handoff.completed', {
      tenantId: 't1',
      at,
      contactId: 'contact-123',
      from: 'lead',
      to: 'buyer',
      confidence: 0.9,
      durationMs: 80,
    });
    events.emit('handoff.blocked', {
      tenantId: 't1',
      at,
      contactId: 'contact-123',
      from: 'buyer',
      to: 'lead',
      reason: 'circular',
    });
    events.emit('llm.called', {
      tenantId: 't1',
      at,
      model: 'claude-haiku-4-5',
      bot: 'lead',
      usage,
      latencyMs: 700,
      costUsd: 0.0025,
      outcome: 'ok',
    });
    events.emit('llm.called', {
      tenantId: 't1',
      at,
      model: 'mystery',
      usage,
      latencyMs: 700,
      outcome: 'error',
    });
    const text = await prometheus.metrics();
    expect(text).toContain(
      'enterprisehub_bot_turn_duration_seconds_bucket{le="1.5",bot="lead",operation="process",outcome="success"} 1',
    );
    expect(text).toContain(
      'enterprisehub_bot_turn_duration_seconds_bucket{le="1",bot="lead",operation="process",outcome="success"} 0',
    );
    expect(text).toContain(
      'enterprisehub_handoffs_total{from="lead",to="buyer",outcome="completed",reason="none"} 1',
    );
    expect(text).toContain(
      'enterprisehub_handoffs_total{from="buyer",to="lead",outcome="blocked",reason="circular"} 1',
    );
    expect(text).toContain(
      'enterprisehub_llm_tokens_total{model="claude-haiku-4-5",bot="lead",type="cache_read"} 900',
    );
    expect(text).toContain(
      'enterprisehub_llm_cost_usd_total{model="claude-haiku-4-5",bot="lead"} 0.0025',
    );
    expect(text).toContain('enterprisehub_llm_unknown_cost_calls_total{model="mystery"} 1');
    expect(text).toContain(
      'enterprisehub_llm_calls_total{model="mystery",bot="none",outcome="error"} 1',
    );
    expect(text).not.toContain('contact-123');
    expect(text).not.toContain('t1');
  });

  it('tracks alert states by rule and severity', async () => {
    const events = createEventBus();
    const prometheus = createPrometheusMetrics({ events });
    events.emit('alert.fired', {
      tenantId: 't1',
      at,
      ruleId: 'high_error_rate',
      severity: 'critical',
      fingerprint: 'f1',
    });
    events.emit('alert.fired', {
      tenantId: 't2',
      at,
      ruleId: 'high_error_rate',
      severity: 'critical',
      fingerprint: 'f2',
    });
    expect(await prometheus.metrics()).toContain(
      'enterprisehub_alerts_firing{rule="high_error_rate",severity="critical"} 2',
    );
    events.emit('alert.resolved', {
      tenantId: 't1',
      at,
      ruleId: 'high_error_rate',
      fingerprint: 'f1',
    });
    const text = await prometheus.metrics();
    expect(text).toContain(
      'enterprisehub_alerts_firing{rule="high_error_rate",severity="critical"} 1',
    );
    expect(text).toContain(
      'enterprisehub_alerts_fired_total{rule="high_error_rate",severity="critical"} 2',
    );
  });

  it('observes HTTP requests by route template and reads queue depth at scrape time', async () => {
    let depth = 3;
    const prometheus = createPrometheusMetrics({
      queueDepth: () => ({ inbound: depth, outbox: 0 }),
    });
    prometheus.observeHttpRequest({
      method: 'post',
      route: '/webhooks/ghl',
      statusCode: 200,
      durationMs: 4,
    });
    let text = await prometheus.metrics();
    expect(text).toContain(
      'enterprisehub_http_request_duration_seconds_bucket{le="0.005",method="POST",route="/webhooks/ghl",status_code="200"} 1',
    );
    expect(text).toContain('enterprisehub_queue_depth{queue="inbound"} 3');
    depth = 7;
    text = await prometheus.registry.metrics();
    expect(text).toContain('enterprisehub_queue_depth{queue="inbound"} 7');
  });

  it('keeps serving the scrape when the queue probe fails, and honours the prefix', async () => {
    const prometheus = createPrometheusMetrics({
      prefix: 'eh_',
      queueDepth: () => {
        throw new Error('redis down');
      },
    });
    const text = await prometheus.metrics();
    expect(text).toContain('# TYPE eh_queue_depth gauge');
    expect(text).toContain('# TYPE eh_llm_cost_usd_total counter');
  });

  it('stops counting after close()', async () => {
    const events = createEventBus();
    const prometheus = createPrometheusMetrics({ events });
    prometheus.close();
    events.emit('rate_limit.hit', { tenantId: 't1', at, source: 'ghl' });
    expect(await prometheus.metrics()).not.toContain(
      'enterprisehub_rate_limit_hits_total{source="ghl"}',
    );
  });
});
