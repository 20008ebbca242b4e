import { describe, expect, it } from 'vitest';
import { ManualClock } from '@enterprisehub/core/testing';
import { parseWebhookEvent, verifyWebhookSignature } from '../index';
import { allWebhookFixtures, buildWebhookEvent, signWebhookPayload, webhookTestKeys, WEBHOOK_FIXTURE_TIMESTAMP } from './index';

describe('webhook fixtures', () => {
  const clock = new ManualClock(Date.parse(WEBHOOK_FIXTURE_TIMESTAMP));

  it.each(allWebhookFixtures.map((fixture) => [`${fixture.eventType} ${fixture.name}`, fixture] as const))(
    '%s verifies under both schemes and parses',
    async (_name, fixture) => {
      for (const scheme of ['ed25519', 'rsa-sha256'] as const) {
        const { rawBody, headers } = signWebhookPayload(fixture.payload, { scheme });
        const verified = await verifyWebhookSignature(rawBody, headers, { publicKeys: webhookTestKeys.publicKeys, clock });
        expect(verified).toMatchObject({ ok: true, scheme, webhookId: fixture.payload['webhookId'] });
        expect(parseWebhookEvent(verified.ok ? verified.payload : undefined).type).not.toBe('invalid');
      }
    },
  );

  it('stamps every fixture with a timestamp and a unique webhookId', () => {
    const ids = allWebhookFixtures.map((fixture) => fixture.payload['webhookId']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(allWebhookFixtures.every((fixture) => fixture.payload['timestamp'] === WEBHOOK_FIXTURE_TIMESTAMP)).toBe(true);
  });

  it('buildWebhookEvent applies overrides, a current timestamp and a fresh id each time', () => {
    const first = buildWebhookEvent('InboundMessage', { body: 'Hello' }, { now: Date.parse('2026-05-01T00:00:00Z') });
    const second = buildWebhookEvent('InboundMessage');
    expect(first).toMatchObject({ type: 'InboundMessage', body: 'Hello', timestamp: '2026-05-01T00:00:00.000Z' });
    expect(first['webhookId']).not.toBe(second['webhookId']);
  });
});
