/**
 * Production mode end to end: TWO web processes (`--role=web`) and ONE worker (`--role=worker`), started as child
 * processes, share PostgreSQL (fresh schema), Redis (fresh key prefix) and the BullMQ queue; CRM actions go to a
 * fake GHL over real HTTP (GHL's wire formats). Required under CI; skipped with a notice without the services.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TENANT, generateKeyringEnvValue, parseKeyring } from '@enterprisehub/core';
import { createPostgresStores, type PostgresStores } from '@enterprisehub/adapters/postgres';
import { createGhlClient } from '@enterprisehub/ghl';
import { signWebhookPayload, webhookTestKeys } from '@enterprisehub/ghl/testing';
import { requireService, uniqueName } from '@test-support/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGhlServer, type FakeGhlServer } from './support/fake-ghl-server';
import { startServerProcess, type ServerProcess } from './support/server-process';

const pg = await requireService('postgres');
const redis = await requireService('redis');

const LOCATION = DEMO_TENANT.ghlLocationId;
const TENANT = DEMO_TENANT.id;

const waitFor = async <T>(read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe.skipIf(!pg.available || !redis.available)(
  'production mode: 2 web processes + 1 worker on PostgreSQL, Redis and BullMQ',
  () => {
    let ghl: FakeGhlServer;
    let webA: ServerProcess;
    let webB: ServerProcess;
    let worker: ServerProcess;
    let stores: PostgresStores;
    let dir: string;
    const schema = uniqueName('eh_e2e');
    const piiKeys = generateKeyringEnvValue();

    const post = (base: string | undefined, body: string, headers: Record<string, string>) =>
      fetch(`${base ?? ''}/webhooks/ghl`, { method: 'POST', body, headers });

    /** A contact in the fake GHL writing to us: GHL's own InboundMessage webhook body. */
    const contactWrites = async (text: string) => {
      const client = createGhlClient({
        locationId: LOCATION,
        accessToken: 'seed',
        fetch: ghl.fake.fetch,
      });
      const contact = await client.contacts.create({
        firstName: 'Pat',
        phone: `+1512555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`,
      });
      const { webhook } = ghl.fake.simulateInboundMessage({ contactId: contact.id, body: text });
      return { contactId: contact.id, webhook };
    };

    const sentToGhl = (contactId: string) =>
      [...ghl.fake.state.messages.values()].filter(
        (message) => message['contactId'] === contactId && message['direction'] === 'outbound',
      );

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'eh-prod-'));
      ghl = await startFakeGhlServer(LOCATION);
      const tenantsFile = join(dir, 'tenants.json');
      // The demo tenant, with quiet hours off so replies go out whenever the suite runs.
      await writeFile(
        tenantsFile,
        JSON.stringify({
          tenants: [
            {
              ...DEMO_TENANT,
              compliance: {
                ...DEMO_TENANT.compliance,
                quietHours: { ...DEMO_TENANT.compliance.quietHours, enabled: false },
              },
            },
          ],
        }),
      );
      const env = {
        NODE_ENV: 'production',
        DATABASE_URL: pg.url,
        DATABASE_SCHEMA: schema,
        REDIS_URL: redis.url,
        DEPLOYMENT_ID: uniqueName('ehe2e'),
        PII_ENCRYPTION_KEYS: piiKeys,
        ADMIN_API_KEY: `ehk_${randomBytes(24).toString('base64url')}`,
        GHL_WEBHOOK_PUBLIC_KEY: webhookTestKeys.ed25519.publicKey,
        GHL_BASE_URL: ghl.baseUrl,
        [`GHL_PIT_${TENANT.toUpperCase()}`]: 'pit-e2e-token',
        TENANTS_FILE: tenantsFile,
        LOG_LEVEL: 'info',
        SHUTDOWN_TIMEOUT_MS: '20000',
      };
      // The worker migrates first (the others would wait on the advisory lock anyway).
      worker = await startServerProcess({ role: 'worker', env });
      [webA, webB] = await Promise.all([
        startServerProcess({ role: 'web', env }),
        startServerProcess({ role: 'web', env }),
      ]);
      stores = createPostgresStores({
        connectionString: pg.url,
        schema,
        keyring: parseKeyring(piiKeys),
      });
    }, 240_000);

    afterAll(async () => {
      await Promise.all([webA?.stop(), webB?.stop(), worker?.stop()]);
      await stores?.close();
      await ghl?.close();
      await rm(dir, { recursive: true, force: true });
    }, 60_000);

    it('accepts a signed InboundMessage on web A fast; the worker answers through GHL', async () => {
      const { contactId, webhook } = await contactWrites(
        'I want to buy a 3 bed in Round Rock under 450k',
      );
      const { rawBody, headers } = signWebhookPayload(webhook);
      const started = performance.now();
      const response = await post(webA.baseUrl, rawBody, headers);
      const firstMs = performance.now() - started;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'accepted' });

      const timings: number[] = [];
      for (let index = 0; index < 10; index += 1) {
        const extra = await contactWrites('Looking for a home in Cedar Park');
        const signed = signWebhookPayload(extra.webhook);
        const t0 = performance.now();
        const answer = await post(
          index % 2 ? webA.baseUrl : webB.baseUrl,
          signed.rawBody,
          signed.headers,
        );
        timings.push(performance.now() - t0);
        expect(answer.status).toBe(200);
      }
      process.stderr.write(
        `[measure] production webhook -> 200: first ${firstMs.toFixed(1)} ms, median ${median(timings).toFixed(1)} ms, max ${Math.max(...timings).toFixed(1)} ms over ${timings.length}\n`,
      );

      // The reply reaches GHL (POST /conversations/messages on the fake) and is delivered in the outbox.
      const [sent] = await waitFor(async () => {
        const messages = sentToGhl(contactId);
        return messages.length > 0 ? messages : undefined;
      });
      const sentText = typeof sent?.['body'] === 'string' ? sent['body'] : '';
      expect(sentText).toMatch(/AI assistant/);
      const entry = await waitFor(async () => {
        const entries = await stores.outbox.list({ tenantId: TENANT, contactId });
        return entries.find(
          (item) => item.action.type === 'sendMessage' && item.status === 'delivered',
        );
      });
      expect(entry.externalId).toBeTruthy();

      // GHL echoes our own message back: recognised by its message id and never answered.
      const echo = signWebhookPayload({
        ...webhook,
        webhookId: `echo-${Date.now()}`,
        messageId: entry.externalId,
        body: sentText,
        timestamp: new Date().toISOString(),
      });
      const echoAnswer = await post(webB.baseUrl, echo.rawBody, echo.headers);
      expect(await echoAnswer.json()).toEqual({ status: 'duplicate' });
    });

    it('the same webhook sent to both web processes at once gives one reply', async () => {
      const { contactId, webhook } = await contactWrites('Hi, thinking about selling my house');
      const { rawBody, headers } = signWebhookPayload(webhook);
      const answers = await Promise.all([
        post(webA.baseUrl, rawBody, headers),
        post(webB.baseUrl, rawBody, headers),
      ]);
      const statuses = await Promise.all(
        answers.map(async (answer) => ((await answer.json()) as { status: string }).status),
      );
      expect(statuses.sort()).toEqual(['accepted', 'duplicate']);
      await waitFor(async () => (sentToGhl(contactId).length > 0 ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(sentToGhl(contactId)).toHaveLength(1);
      const sends = (await stores.outbox.list({ tenantId: TENANT, contactId })).filter(
        (item) => item.action.type === 'sendMessage',
      );
      expect(sends).toHaveLength(1);
    });

    it('answers garbage with 400 and a bad signature with 401 on either process', async () => {
      const garbage = signWebhookPayload('{not json');
      const bad = await post(webB.baseUrl, garbage.rawBody, garbage.headers);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
        'WEBHOOK_PAYLOAD_INVALID',
      );
      const { webhook } = await contactWrites('hello');
      const signed = signWebhookPayload(webhook);
      const tampered = signed.rawBody.replace('hello', 'hellp');
      expect((await post(webA.baseUrl, tampered, signed.headers)).status).toBe(401);
    });

    it('reports production readiness, bot health and Prometheus metrics', async () => {
      const ready = await fetch(`${webA.baseUrl}/ready`);
      expect(ready.status).toBe(200);
      const report = (await ready.json()) as {
        mode: string;
        role: string;
        dependencies: { name: string; ok: boolean; detail?: Record<string, unknown> }[];
      };
      expect(report.mode).toBe('production');
      expect(report.role).toBe('web');
      const byName = Object.fromEntries(report.dependencies.map((item) => [item.name, item]));
      expect(byName['postgres']?.ok).toBe(true);
      expect(byName['redis']?.ok).toBe(true);
      expect(byName['queue']?.detail?.['kind']).toBe('bullmq');
      expect(byName['ghl']?.detail).toMatchObject({ mode: 'live', circuit: 'closed' });
      expect(byName['llm']?.detail).toMatchObject({ mode: 'rules-engine' });

      const metrics = await fetch(`${webA.baseUrl}/metrics`);
      expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
      const text = await metrics.text();
      expect(text).toMatch(
        /enterprisehub_http_request_duration_seconds_bucket\{[^}]*route="\/webhooks\/ghl"/,
      );

      // The web process runs no turns: it reads the worker's persisted samples (write-behind, ~5 s).
      const bots = await waitFor(async () => {
        const answer = (await (await fetch(`${webB.baseUrl}/health/bots`)).json()) as {
          source: string;
          bots: { bot: string; lastActivityAt: string | null }[];
        };
        return answer.bots.some((bot) => bot.lastActivityAt) ? answer : undefined;
      }, 40_000);
      expect(bots.source).toBe('repository');
    }, 60_000);

    it('keeps message text, phone numbers and the GHL token out of every process log', () => {
      const text = [...webA.output, ...webB.output, ...worker.output].join('\n');
      expect(text).not.toContain('Round Rock under 450k');
      expect(text).not.toContain('pit-e2e-token');
      expect(text).not.toMatch(/\+1512555\d{4}/);
    });

    it('drains the worker on SIGTERM and exits 0', async () => {
      expect(await worker.stop()).toBe(0);
      expect(worker.output.join('\n')).toContain('shutting down');
    }, 30_000);
  },
);
