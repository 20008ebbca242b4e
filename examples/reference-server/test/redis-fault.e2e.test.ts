/**
 * Production mode with Redis failing: a private `redis-server` on a spare port (the shared one is never touched) is
 * stopped under a running server; `/ready` turns 503 naming Redis, webhooks answer 503 + Retry-After (GHL retries,
 * nothing is lost), and everything recovers when Redis is back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { generateKeyringEnvValue } from '@enterprisehub/core';
import { buildWebhookEvent, signWebhookPayload } from '@enterprisehub/ghl/testing';
import { requireService, uniqueName } from '@test-support/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

const pg = await requireService('postgres');
const redisBinary = await new Promise<boolean>((resolve) => {
  const probe = spawn('redis-server', ['--version'], { stdio: 'ignore' });
  probe.once('error', () => resolve(false));
  probe.once('exit', (code) => resolve(code === 0));
});

async function sparePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

interface ReadyBody {
  ready: boolean;
  dependencies: { name: string; ok: boolean }[];
}

describe.skipIf(!pg.available || !redisBinary)('production mode with Redis down', () => {
  let port: number;
  let redis: ChildProcess;
  let server: TestServer;

  beforeAll(async () => {
    port = await sparePort();
    redis = await startRedis(port);
    server = await startTestServer({
      DATABASE_URL: pg.url,
      DATABASE_SCHEMA: uniqueName('eh_fault'),
      REDIS_URL: `redis://127.0.0.1:${port}`,
      DEPLOYMENT_ID: uniqueName('ehfault'),
      PII_ENCRYPTION_KEYS: generateKeyringEnvValue(),
      ADMIN_API_KEY: `ehk_${randomBytes(24).toString('base64url')}`,
      GHL_MODE: 'dry-run',
      LOG_LEVEL: 'warn',
    });
  }, 120_000);

  afterAll(async () => {
    if (redis.exitCode !== null) redis = await startRedis(port);
    await server?.stop();
    await stopRedis(redis);
  }, 60_000);

  const ready = async () => {
    const response = await fetch(`${server.baseUrl}/ready`);
    return { status: response.status, body: (await response.json()) as ReadyBody };
  };

  it('is ready while Redis is up', async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.dependencies.find((item) => item.name === 'redis')?.ok).toBe(true);
  });

  it('reports Redis down on /ready (503) and answers webhooks 503 + Retry-After, then recovers', async () => {
    await stopRedis(redis);
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body.ready).toBe(false);
    expect(down.body.dependencies.find((item) => item.name === 'redis')?.ok).toBe(false);
    expect(down.body.dependencies.find((item) => item.name === 'postgres')?.ok).toBe(true);

    const event = buildWebhookEvent('InboundMessage', {
      locationId: 'demo-location',
      contactId: 'contact-fault-1',
      messageId: `fault-${Date.now()}`,
      body: 'Are you there?',
      messageType: 'SMS',
      direction: 'inbound',
    });
    const { rawBody, headers } = signWebhookPayload(event);
    const webhook = await fetch(`${server.baseUrl}/webhooks/ghl`, {
      method: 'POST',
      body: rawBody,
      headers,
    });
    expect(webhook.status).toBe(503);
    expect(webhook.headers.get('retry-after')).toBe('5');

    redis = await startRedis(port);
    let recovered = await ready();
    const started = Date.now();
    while (recovered.status !== 200 && Date.now() - started < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      recovered = await ready();
    }
    expect(recovered.status).toBe(200);
    // GHL's retry of the same webhook is now accepted (nothing was remembered while it failed).
    const retry = await fetch(`${server.baseUrl}/webhooks/ghl`, {
      method: 'POST',
      body: rawBody,
      headers,
    });
    expect(await retry.json()).toEqual({ status: 'accepted' });
  }, 60_000);
});
