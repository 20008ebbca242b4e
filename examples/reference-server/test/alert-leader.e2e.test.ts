/**
 * Alert leadership on real Redis and PostgreSQL: two production runtimes (two workers of one deployment: same schema,
 * same Redis key prefix) and one firing condition page ONCE through a real webhook channel; when the leader stops the
 * other worker takes over, adopts the open episode without paging again, and sends the resolved notice; a lease held
 * by a dead leader blocks evaluation until it expires.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { DEMO_TENANT, GLOBAL_TENANT_ID, generateKeyringEnvValue } from '@enterprisehub/core';
import { requireService, uniqueName } from '@test-support/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import type { Runtime } from '../src/runtime';
import { createRuntime } from '../src/wiring';
import { startWorker, type Worker } from '../src/worker/index';
import { ALERT_LEADER_KEY } from '../src/worker/alert-leader';

const pg = await requireService('postgres');
const redis = await requireService('redis');

const RULE_ID = 'test_error_burst';
const TICK_MS = 150;
const LEASE_MS = 600;

interface Page {
  status: string;
  alerts: { status: string; labels: Record<string, string> }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const waitFor = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await sleep(25);
  }
};

describe.skipIf(!pg.available || !redis.available)(
  'alert leader: N production workers on one Redis page once',
  () => {
    let receiver: Server;
    const pages: Page[] = [];
    const schema = uniqueName('eh_alerts');
    const deployment = uniqueName('ehalerts');
    const piiKeys = generateKeyringEnvValue();
    const adminKey = `ehk_${randomBytes(24).toString('base64url')}`;
    const nodes: { runtime: Runtime; worker: Worker; logs: string[] }[] = [];

    const startNode = async (url: string) => {
      const logs: string[] = [];
      const destination = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          logs.push(chunk.toString('utf8'));
          callback();
        },
      });
      const config = loadConfig({
        DATABASE_URL: pg.url,
        DATABASE_SCHEMA: schema,
        REDIS_URL: redis.url,
        DEPLOYMENT_ID: deployment,
        PII_ENCRYPTION_KEYS: piiKeys,
        ADMIN_API_KEY: adminKey,
        GHL_MODE: 'dry-run',
        ALERT_WEBHOOK_ENABLED: 'true',
        ALERT_WEBHOOK_URL: url,
        LOG_LEVEL: 'info',
      });
      const runtime = await createRuntime(config, {
        logger: createLogger({ level: 'info', destination }),
      });
      runtime.observability.alerts.addRule({
        id: RULE_ID,
        name: 'Error burst (test)',
        severity: 'critical',
        metric: 'error_rate',
        operator: 'gt',
        threshold: 0.5,
        minSamples: 1,
        channels: ['webhook'],
      });
      const worker = startWorker(runtime, () => Promise.resolve(), {
        alertLeader: { intervalMs: TICK_MS, ttlMs: LEASE_MS },
      });
      const node = { runtime, worker, logs };
      nodes.push(node);
      return node;
    };
    /** Bot turns as each worker's own bots would report them on its event bus. */
    const turns = (runtime: Runtime, options: { count: number; success: boolean }) => {
      for (let index = 0; index < options.count; index += 1) {
        runtime.events.emit('bot.turn.completed', {
          tenantId: DEMO_TENANT.id,
          at: runtime.clock.now(),
          contactId: `c-${index}`,
          bot: 'lead',
          operation: 'process',
          durationMs: 40,
          success: options.success,
          ...(options.success ? {} : { errorCode: 'LLM_UNAVAILABLE' }),
        });
      }
    };
    // Pages for the test rule (the default rules may fire too, e.g. high_error_rate once 20 samples are in).
    const ours = () => pages.filter((page) => page.alerts[0]?.labels['alertname'] === RULE_ID);
    const firing = () => ours().filter((page) => page.status === 'firing');
    const resolved = () => ours().filter((page) => page.status === 'resolved');
    const history = (runtime: Runtime) =>
      runtime.stores.metrics
        .listAlerts({ tenantId: GLOBAL_TENANT_ID, ruleId: RULE_ID, limit: 50 })
        .then(async (global) => [
          ...global,
          ...(await runtime.stores.metrics.listAlerts({
            tenantId: DEMO_TENANT.id,
            ruleId: RULE_ID,
            limit: 50,
          })),
        ]);

    let url = '';
    beforeAll(async () => {
      receiver = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          pages.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Page);
          response.writeHead(200).end();
        });
      });
      receiver.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => receiver.once('listening', resolve));
      url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
    });
    afterAll(async () => {
      for (const node of nodes) {
        await node.worker.stop();
        await node.runtime.close();
      }
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    });

    it('two workers, one firing condition: exactly one page; the leader stops, the other takes over without paging again, then resolves it', async () => {
      const a = await startNode(url);
      const b = await startNode(url);
      await waitFor(
        () => a.worker.alertLeader?.isLeader === true || b.worker.alertLeader?.isLeader === true,
      );
      // Both workers see failing turns (each its own share of the traffic).
      turns(a.runtime, { count: 5, success: false });
      turns(b.runtime, { count: 5, success: false });
      await waitFor(() => firing().length > 0);
      await sleep(TICK_MS * 8); // many evaluation ticks on both workers
      expect(firing()).toHaveLength(1);
      expect(firing()[0]?.alerts[0]?.labels['alertname']).toBe(RULE_ID);
      const leaders = [a, b].filter((node) => node.worker.alertLeader?.isLeader);
      expect(leaders).toHaveLength(1);
      const [leader] = leaders;
      const follower = leader === a ? b : a;
      expect(follower.runtime.observability.alerts.alerts()).toHaveLength(0); // the follower never evaluated
      const [episode] = await history(a.runtime);
      expect(episode?.status).toBe('firing');

      // The leader stops (deploy, scale-in): the lease is released and the follower takes over.
      await leader?.worker.stop();
      await waitFor(() => follower.worker.alertLeader?.isLeader === true);
      await waitFor(
        () => follower.runtime.observability.alerts.alerts({ state: 'firing' }).length === 1,
      );
      await sleep(TICK_MS * 6);
      // Still firing on the new leader, still one page, and one open record (the adopted episode).
      expect(firing()).toHaveLength(1);
      const afterTakeover = await history(follower.runtime);
      expect(afterTakeover.map((record) => record.id)).toEqual([episode?.id]);
      expect(follower.logs.join('')).toContain('alert leadership taken');

      // The condition clears on the new leader: the resolved notice goes out and closes the same record.
      turns(follower.runtime, { count: 40, success: true });
      await waitFor(() => resolved().length > 0);
      await sleep(TICK_MS * 3);
      expect(resolved()).toHaveLength(1);
      expect(firing()).toHaveLength(1);
      const closed = await history(follower.runtime);
      expect(closed).toHaveLength(1);
      expect(closed[0]).toMatchObject({
        id: episode?.id,
        status: 'resolved',
        firedAt: episode?.firedAt,
      });
    }, 30_000);

    it('a lease left by a dead leader blocks evaluation until it expires, then a worker takes over', async () => {
      const [survivor] = nodes.filter((node) => node.worker.alertLeader?.isLeader);
      expect(survivor).toBeDefined();
      if (!survivor) return;
      await survivor.worker.stop(); // releases: no leader now
      // A "dead" leader: holds the lease and never renews it.
      const dead = await survivor.runtime.locks.acquire({
        tenantId: GLOBAL_TENANT_ID,
        key: ALERT_LEADER_KEY,
        ttlMs: LEASE_MS * 2,
      });
      expect(dead).toBeDefined();
      const pagesBefore = ours().length;
      const c = await startNode(url);
      turns(c.runtime, { count: 5, success: false });
      await sleep(LEASE_MS);
      expect(c.worker.alertLeader?.isLeader).toBe(false);
      expect(c.runtime.observability.alerts.alerts()).toHaveLength(0);
      await waitFor(() => c.worker.alertLeader?.isLeader === true, LEASE_MS * 4);
      await waitFor(() => ours().length > pagesBefore);
      await sleep(TICK_MS * 3);
      expect(
        ours()
          .slice(pagesBefore)
          .map((page) => page.status),
      ).toEqual(['firing']);
    }, 30_000);
  },
);
