/**
 * Admin API in production mode with two server instances sharing PostgreSQL (fresh schema) and Redis (fresh key
 * prefix): keys, revocations and silences created on one instance apply on the other, and the 100 requests per
 * minute per key are counted across both (Redis limiter). Required under CI; skipped with a notice without the
 * services.
 */
import { randomBytes } from 'node:crypto';
import { generateKeyringEnvValue } from '@enterprisehub/core';
import { requireService, uniqueName } from '@test-support/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncAdminState } from '../src/admin/admin-state';
import { startTestServer, type TestServer } from './support/test-server';

const postgres = await requireService('postgres');
const redis = await requireService('redis');

describe.skipIf(!postgres.available || !redis.available)(
  'admin API on two production instances (PostgreSQL + Redis)',
  () => {
    const schema = uniqueName('eh_admin');
    const adminKey = `ehk_${randomBytes(24).toString('base64url')}`;
    let serverA: TestServer;
    let serverB: TestServer;

    const call = async (
      server: TestServer,
      route: string,
      options: { key?: string; body?: unknown } = {},
    ): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> => {
      const [method, path] = route.split(' ');
      const response = await fetch(`${server.baseUrl}/api/v1${path ?? ''}`, {
        method,
        headers: {
          authorization: `Bearer ${options.key ?? adminKey}`,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        retryAfter: response.headers.get('retry-after'),
      };
    };

    beforeAll(async () => {
      const env = {
        DATABASE_URL: postgres.url,
        DATABASE_SCHEMA: schema,
        REDIS_URL: redis.url,
        DEPLOYMENT_ID: uniqueName('ehadmin').replace(/_/g, '-'),
        PII_ENCRYPTION_KEYS: generateKeyringEnvValue(),
        ADMIN_API_KEY: adminKey,
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
      };
      serverA = await startTestServer(env);
      serverB = await startTestServer(env);
    }, 120_000);

    afterAll(async () => {
      await serverA?.stop();
      await serverB?.stop();
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }, 60_000);

    it('a key created on A works on B; revoked on B it fails on A, JWTs included', async () => {
      const created = await call(serverA, 'POST /keys', {
        body: { name: 'shared', scope: 'demo' },
      });
      expect(created.status).toBe(201);
      const secret = created.body['secret'] as string;
      expect((await call(serverB, 'GET /tenants', { key: secret })).status).toBe(200);
      const token = (await call(serverB, 'POST /auth/token', { key: secret })).body[
        'token'
      ] as string;
      expect((await call(serverA, 'GET /tenants', { key: token })).status).toBe(200);
      await call(serverB, `DELETE /keys/${created.body['id'] as string}`);
      expect((await call(serverA, 'GET /tenants', { key: secret })).status).toBe(401);
      expect((await call(serverA, 'GET /tenants', { key: token })).status).toBe(401);
    });

    it('a silence created on A is listed (and applied) on B', async () => {
      const created = await call(serverA, 'POST /alerts/silences', {
        body: {
          matchers: [{ name: 'alertname', value: 'sla_violation' }],
          endsAt: Date.now() + 3_600_000,
          comment: 'shared window',
        },
      });
      expect(created.status).toBe(201);
      const listed = (await call(serverB, 'GET /alerts/silences')).body['items'] as {
        id: string;
      }[];
      expect(listed.map((silence) => silence.id)).toContain(created.body['id']);
      const local = serverB.runtime.observability.alerts.listSilences();
      expect(local.map((silence) => silence.id)).toContain(created.body['id']);
    });

    it('the per-key limit is shared: 100 requests split over A and B, the 101st → 429', async () => {
      const created = await call(serverA, 'POST /keys', { body: { name: 'burst', scope: '*' } });
      const key = created.body['secret'] as string;
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          call(index % 2 === 0 ? serverA : serverB, 'GET /maintenance', { key }),
        ),
      );
      expect(answers.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);
      const limited = await call(serverB, 'GET /maintenance', { key });
      expect(limited.status).toBe(429);
      expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    });

    it('maintenance switched on A reaches B (its bots follow the stored switch)', async () => {
      expect((await call(serverA, 'PUT /maintenance', { body: { enabled: true } })).status).toBe(
        200,
      );
      expect((await call(serverB, 'GET /maintenance')).body).toEqual({ enabled: true });
      serverB.runtime.maintenance.enabled = false;
      await syncAdminState(serverB.runtime);
      expect(serverB.runtime.maintenance.enabled).toBe(true);
      await call(serverA, 'PUT /maintenance', { body: { enabled: false } });
      await syncAdminState(serverB.runtime);
      expect(serverB.runtime.maintenance.enabled).toBe(false);
    });

    it('a rule added on A is evaluated by B; its alert is acknowledged through A', async () => {
      const rule = {
        id: 'prod_test_floor',
        name: 'Test floor',
        severity: 'warning',
        metric: 'error_rate',
        operator: 'gte',
        threshold: 0,
        minSamples: 0,
      };
      expect((await call(serverA, 'POST /alerts/rules', { body: rule })).status).toBe(201);
      await syncAdminState(serverB.runtime);
      const engineB = serverB.runtime.observability.alerts;
      expect(engineB.getRule(rule.id)).toBeDefined();
      await engineB.evaluate();
      const firing = engineB.alerts({ state: 'firing' }).find((alert) => alert.ruleId === rule.id);
      expect(firing?.id).toBeDefined();
      const id = firing?.id ?? '';
      const listed = (await call(serverA, 'GET /alerts?status=firing')).body['items'] as {
        id: string;
      }[];
      expect(listed.map((item) => item.id)).toContain(id);
      const ack = await call(serverA, `POST /alerts/${id}/acknowledge`);
      expect(ack.status).toBe(200);
      const acknowledged = (await call(serverB, 'GET /alerts?status=acknowledged')).body[
        'items'
      ] as { id: string }[];
      expect(acknowledged.map((item) => item.id)).toContain(id);
      await syncAdminState(serverB.runtime);
      await engineB.idle();
      expect(engineB.getAlert(firing?.fingerprint ?? '')?.acknowledgedAt).toEqual(
        expect.any(Number),
      );
    });
  },
);
