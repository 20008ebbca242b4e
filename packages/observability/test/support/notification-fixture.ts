import type { AlertNotification } from '@enterprisehub/core';

/** 2026-01-01T00:00:00Z. */
export const FIRED_AT = Date.UTC(2026, 0, 1);

/** A firing SLA notification as the alert engine builds it. */
export function buildNotification(overrides: Partial<AlertNotification> = {}): AlertNotification {
  return {
    ruleId: 'sla_violation',
    severity: 'critical',
    status: 'firing',
    fingerprint: '3f0c9a1b2c3d4e5f',
    title: '[FIRING:CRITICAL] SLA violation (bot=lead)',
    message: 'lead_bot.response_time_p95 = 2600 ms (threshold 2000 ms, 57 samples).',
    firedAt: FIRED_AT,
    escalationLevel: 1,
    metric: { name: 'lead_bot.response_time_p95', value: 2600, threshold: 2000 },
    labels: { alertname: 'sla_violation', severity: 'critical', bot: 'lead' },
    url: 'https://hub.example.com/dashboard',
    annotations: { summary: 'SLA violation (bot=lead)' },
    ...overrides,
  };
}
