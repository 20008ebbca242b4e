import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ManualClock, createMemoryPorts } from '@enterprisehub/core/testing';
import { buildWebhookEvent, signWebhookPayload, webhookTestKeys } from '../testing/index';
import { GHL_WEBHOOK_ED25519_PUBLIC_KEY } from './ghl-webhook-public-keys';
import { verifyWebhookSignature } from './verify-webhook-signature';

const clock = new ManualClock(Date.parse('2026-03-01T10:00:00.000Z'));
const publicKeys = webhookTestKeys.publicKeys;
const fresh = (overrides: Record<string, unknown> = {}) => buildWebhookEvent('InboundMessage', overrides, { now: clock.now() });

describe('verifyWebhookSignature', () => {
  it('verifies an Ed25519 x-ghl-signature over the raw body and returns the parsed payload', async () => {
    const body = fresh({ body: 'Hi' });
    const { rawBody, headers } = signWebhookPayload(body);
    const result = await verifyWebhookSignature(rawBody, headers, { publicKeys, clock });
    expect(result).toMatchObject({ ok: true, kind: 'verified', scheme: 'ed25519', webhookId: body['webhookId'] });
    expect(result.ok && result.payload['body']).toBe('Hi');
  });

  it('verifies Buffer bodies and Fetch Headers the same way', async () => {
    const { rawBody, headers } = signWebhookPayload(fresh());
    const result = await verifyWebhookSignature(Buffer.from(rawBody), new Headers(headers), { publicKeys, clock });
    expect(result.ok).toBe(true);
  });

  it('verifies the legacy RSA x-wh-signature when it is the only header', async () => {
    const { rawBody, headers } = signWebhookPayload(fresh(), { scheme: 'rsa-sha256' });
    expect(headers['x-ghl-signature']).toBeUndefined();
    const result = await verifyWebhookSignature(rawBody, headers, { publicKeys, clock });
    expect(result).toMatchObject({ ok: true, scheme: 'rsa-sha256' });
  });

  it('rejects legacy signatures when allowLegacyRsa is false', async () => {
    const { rawBody, headers } = signWebhookPayload(fresh(), { scheme: 'rsa-sha256' });
    const result = await verifyWebhookSignature(rawBody, headers, { publicKeys, clock, allowLegacyRsa: false });
    expect(result).toMatchObject({ ok: false, reason: 'legacy_disabled' });
  });

  it('never falls back to x-wh-signature when x-ghl-signature is present but wrong', async () => {
    const { rawBody, headers } = signWebhookPayload(fresh(), { scheme: 'both' });
    const tampered = { ...headers, 'x-ghl-signature': Buffer.alloc(64, 1).toString('base64') };
    const result = await verifyWebhookSignature(rawBody, tampered, { publicKeys, clock });
    expect(result).toMatchObject({ ok: false, reason: 'invalid_signature', scheme: 'ed25519', code: 'WEBHOOK_SIGNATURE_INVALID' });
  });

  it('rejects a request without any signature header', async () => {
    const result = await verifyWebhookSignature(JSON.stringify(fresh()), { 'content-type': 'application/json' }, { publicKeys, clock });
    expect(result).toMatchObject({ ok: false, reason: 'missing_signature', code: 'WEBHOOK_SIGNATURE_MISSING' });
  });

  it('rejects a tampered body, even one that only re-serialises differently', async () => {
    const body = fresh({ body: 'Hi' });
    const { rawBody, headers } = signWebhookPayload(body);
    const changed = await verifyWebhookSignature(rawBody.replace('Hi', 'Ho'), headers, { publicKeys, clock });
    const reformatted = await verifyWebhookSignature(JSON.stringify(body, null, 2), headers, { publicKeys, clock });
    expect(changed).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(reformatted).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it("rejects test signatures under GHL's built-in keys, and the other way round", async () => {
    const { rawBody, headers } = signWebhookPayload(fresh());
    expect(await verifyWebhookSignature(rawBody, headers, { clock })).toMatchObject({ ok: false, reason: 'invalid_signature' });
    const other = generateKeyPairSync('ed25519');
    const signedByOther = signWebhookPayload(fresh(), { ed25519: { privateKey: other.privateKey } });
    expect(await verifyWebhookSignature(signedByOther.rawBody, signedByOther.headers, { publicKeys, clock })).toMatchObject({ ok: false });
  });

  it('accepts a key list during rotation and base64 SPKI bodies as GHL publishes them', async () => {
    const { rawBody, headers } = signWebhookPayload(fresh());
    const base64Body = publicKeys.ed25519.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const result = await verifyWebhookSignature(rawBody, headers, { publicKeys: { ed25519: [GHL_WEBHOOK_ED25519_PUBLIC_KEY, base64Body] }, clock });
    expect(result.ok).toBe(true);
  });

  it('rejects a timestamp outside the window and a missing timestamp', async () => {
    const stale = signWebhookPayload(buildWebhookEvent('InboundMessage', {}, { now: clock.now() - 301_000 }));
    expect(await verifyWebhookSignature(stale.rawBody, stale.headers, { publicKeys, clock })).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    const wide = await verifyWebhookSignature(stale.rawBody, stale.headers, { publicKeys, clock, toleranceMs: 600_000 });
    expect(wide.ok).toBe(true);
    const { timestamp: _timestamp, ...withoutTimestamp } = fresh();
    const bare = signWebhookPayload(withoutTimestamp);
    expect(await verifyWebhookSignature(bare.rawBody, bare.headers, { publicKeys, clock })).toMatchObject({ ok: false, reason: 'missing_timestamp' });
    expect((await verifyWebhookSignature(bare.rawBody, bare.headers, { publicKeys, clock, requireTimestamp: false })).ok).toBe(true);
  });

  it('accepts a webhookId once through the inbox and reports the replay as duplicate', async () => {
    const { inbox } = createMemoryPorts({ clock });
    const { rawBody, headers } = signWebhookPayload(fresh());
    const first = await verifyWebhookSignature(rawBody, headers, { publicKeys, clock, inbox });
    const replay = await verifyWebhookSignature(rawBody, headers, { publicKeys, clock, inbox });
    expect(first.ok).toBe(true);
    expect(replay).toMatchObject({ ok: false, reason: 'duplicate', code: 'WEBHOOK_DUPLICATE' });
  });

  it('does not consume a webhookId for a request whose signature fails', async () => {
    const { inbox } = createMemoryPorts({ clock });
    const { rawBody, headers } = signWebhookPayload(fresh());
    await verifyWebhookSignature(rawBody, { 'x-ghl-signature': 'AAAA' }, { publicKeys, clock, inbox });
    expect((await verifyWebhookSignature(rawBody, headers, { publicKeys, clock, inbox })).ok).toBe(true);
  });

  it('returns inbox_unavailable instead of throwing when the inbox fails', async () => {
    const inbox = { markSeen: () => Promise.reject(new Error('redis down')) };
    const { rawBody, headers } = signWebhookPayload(fresh());
    const result = await verifyWebhookSignature(rawBody, headers, { publicKeys, clock, inbox });
    expect(result).toMatchObject({ ok: false, reason: 'inbox_unavailable', code: 'UNAVAILABLE' });
  });

  it('returns invalid_json for a signed body that is not a JSON object', async () => {
    for (const raw of ['not json', '[1,2]', 'null']) {
      const { rawBody, headers } = signWebhookPayload(raw);
      expect(await verifyWebhookSignature(rawBody, headers, { publicKeys, clock })).toMatchObject({ ok: false, reason: 'invalid_json' });
    }
  });

  it('never throws on garbage input', async () => {
    const inputs: [string, Record<string, string>][] = [
      ['', {}],
      ['{}', { 'x-ghl-signature': '!!!not-base64' }],
      ['{}', { 'x-wh-signature': '' }],
      ['{}', { 'X-GHL-SIGNATURE': 'AAAA' }],
    ];
    for (const [raw, headers] of inputs) {
      await expect(verifyWebhookSignature(raw, headers, { clock })).resolves.toMatchObject({ ok: false });
    }
    const badKey = await verifyWebhookSignature('{}', { 'x-ghl-signature': 'AAAA' }, { publicKeys: { ed25519: 'garbage' }, clock });
    expect(badKey).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });
});
