/**
 * Secrets and PII: a full scenario (contact created, inbound messages answered by the bots, rejected and failing
 * requests, admin calls) with logging at `debug`; no phone number, email, API key, token, key material or message
 * body may appear in the logs, in any error body, or in a Prometheus label.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebhookEvent, signWebhookPayload } from '@enterprisehub/ghl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { send, waitUntil, type Answer } from './support/http';
import { TENANT_A, writeTenantsFile } from './support/tenants';

const PHONE = '+15125550143';
const PHONE_VARIANTS = ['5125550143', '512-555-0143', '(512) 555-0143', '512.555.0143'];
const EMAIL = 'jane.leaky@example.com';
const SECRET_TEXT = 'my garage code is 4471 and we want Round Rock';
const CONTACT_NAME = 'Zebulon Quixotica';

let server: TestServer;
let dir: string;
const answers: Answer[] = [];
let metricsText = '';

const post = async (path: string, init: Parameters<typeof send>[1]) => {
  const answer = await send(`${server.baseUrl}${path}`, init);
  answers.push(answer);
  return answer;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eh-pii-'));
  server = await startTestServer({
    LOG_LEVEL: 'debug',
    TENANTS_FILE: await writeTenantsFile(dir),
  });
}, 120_000);

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('secrets and PII stay out of logs, error bodies and metric labels', () => {
  it('runs the scenario: contact, conversation with PII, bad requests, admin calls', async () => {
    const contactId = 'pii-contact-1';
    const contact = buildWebhookEvent('ContactCreate', {
      locationId: TENANT_A.locationId,
      id: contactId,
      phone: PHONE,
      email: EMAIL,
      firstName: 'Zebulon',
      lastName: 'Quixotica',
      name: CONTACT_NAME,
    });
    const signedContact = signWebhookPayload(contact);
    expect(
      (
        await post('/webhooks/ghl', {
          method: 'POST',
          body: signedContact.rawBody,
          headers: signedContact.headers,
        })
      ).status,
    ).toBe(200);

    const lines = [
      `Hi, I'm ${CONTACT_NAME}, call me at ${PHONE} or ${EMAIL}`,
      SECRET_TEXT,
      `my other number is ${PHONE_VARIANTS[1] ?? ''}, budget 450k, 3 bed`,
    ];
    const messageIds: string[] = [];
    for (const [index, body] of lines.entries()) {
      const messageId = `pii-msg-${index}`;
      messageIds.push(messageId);
      const event = buildWebhookEvent('InboundMessage', {
        locationId: TENANT_A.locationId,
        contactId,
        messageId,
        body,
        messageType: 'SMS',
        direction: 'inbound',
        from: PHONE,
      });
      const { rawBody, headers } = signWebhookPayload(event);
      expect((await post('/webhooks/ghl', { method: 'POST', body: rawBody, headers })).status).toBe(
        200,
      );
      await waitUntil(
        async () =>
          (await server.runtime.stores.outbox.list({ tenantId: TENANT_A.id, contactId })).some(
            (entry) => entry.action.idempotencyKey.includes(`:msg:${messageId}:`),
          ),
        { timeoutMs: 30_000, what: `the reply to ${messageId}` },
      );
    }

    // Rejections carrying PII: tampered signature, invalid payload, stale timestamp, wrong admin key.
    const tampered = signWebhookPayload(
      buildWebhookEvent('InboundMessage', {
        locationId: TENANT_A.locationId,
        contactId,
        body: SECRET_TEXT,
      }),
    );
    await post('/webhooks/ghl', {
      method: 'POST',
      body: tampered.rawBody.replace('garage', 'garagE'),
      headers: tampered.headers,
    });
    const invalid = signWebhookPayload({
      ...buildWebhookEvent('InboundMessage', {
        locationId: TENANT_A.locationId,
        body: SECRET_TEXT,
        from: PHONE,
      }),
      contactId: { phone: PHONE, email: EMAIL },
    });
    expect(
      (
        await post('/webhooks/ghl', {
          method: 'POST',
          body: invalid.rawBody,
          headers: invalid.headers,
        })
      ).status,
    ).toBe(400);
    await post('/webhooks/ghl', {
      method: 'POST',
      body: `{"body":"${SECRET_TEXT}","phone":"${PHONE}"`,
      headers: { 'content-type': 'application/json', 'x-ghl-signature': 'AAAA' },
    });
    const key = server.runtime.secrets.adminApiKey;
    await post('/api/v1/conversations', { headers: { authorization: `Bearer ${key}x` } });
    await post('/api/v1/conversations', { headers: { authorization: `Bearer ${PHONE}` } });
    await post(`/api/v1/conversations/${encodeURIComponent(EMAIL)}?tenantId=${TENANT_A.id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    await post(`/api/v1/tenants`, {
      method: 'POST',
      body: JSON.stringify({ id: EMAIL, phone: PHONE }),
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    });
    // Legitimate admin reads of the contact (the admin API may show PII to its caller; the logs may not).
    await post(`/api/v1/conversations/${contactId}?tenantId=${TENANT_A.id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    await post(`/api/v1/contacts/${contactId}/export?tenantId=${TENANT_A.id}`, {
      headers: { authorization: `Bearer ${key}` },
    });

    metricsText = (await send(`${server.baseUrl}/metrics`)).text;
    expect(server.logs.length).toBeGreaterThan(0);
  });

  it('no PII, secret or message body in any log line (debug level)', async () => {
    const logs = server.logs.join('');
    const secrets = JSON.parse(
      await readFile(join(server.runtime.config.DATA_DIR, 'secrets.json'), 'utf8'),
    ) as {
      piiEncryptionKeys: string;
      adminApiKey: string;
      jwtSecret: string;
    };
    const replies = (
      await server.runtime.stores.outbox.list({ tenantId: TENANT_A.id, contactId: 'pii-contact-1' })
    )
      .map((entry) => (entry.action.type === 'sendMessage' ? entry.action.body : ''))
      .filter((body) => body.length > 20);
    expect(replies.length).toBeGreaterThan(0);
    const forbidden = [
      PHONE,
      ...PHONE_VARIANTS,
      EMAIL,
      SECRET_TEXT,
      'garage code',
      CONTACT_NAME,
      secrets.adminApiKey,
      secrets.jwtSecret,
      ...secrets.piiEncryptionKeys.split(/[,:=]/).filter((part) => part.length >= 16),
      ...replies.map((reply) => reply.slice(0, 40)),
    ];
    for (const value of forbidden)
      expect(logs, `log contains "${value.slice(0, 12)}…"`).not.toContain(value);
    expect(logs).not.toMatch(/\+1\d{10}/);
    expect(logs).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });

  it('no PII or secret in any error body', () => {
    const errors = answers.filter((answer) => answer.status >= 400);
    expect(errors.length).toBeGreaterThan(4);
    const key = server.runtime.secrets.adminApiKey;
    for (const answer of errors) {
      for (const value of [PHONE, ...PHONE_VARIANTS, EMAIL, SECRET_TEXT, CONTACT_NAME, key])
        expect(answer.text, `error body ${answer.status}`).not.toContain(value);
      expect(answer.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/); // no stack traces
    }
  });

  it('no PII or secret in Prometheus metric labels', () => {
    const labelValues = [...metricsText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((match) => ({
      name: match[1] ?? '',
      value: match[2] ?? '',
    }));
    for (const label of labelValues) {
      expect(['contactId', 'contact_id', 'phone', 'email', 'body', 'message']).not.toContain(
        label.name,
      );
      for (const value of [
        PHONE,
        ...PHONE_VARIANTS,
        EMAIL,
        SECRET_TEXT,
        CONTACT_NAME,
        'pii-contact-1',
        'pii-msg-',
      ])
        expect(label.value).not.toContain(value);
    }
    expect(metricsText).not.toContain(server.runtime.secrets.adminApiKey);
  });
});
