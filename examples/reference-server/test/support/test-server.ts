/**
 * Starts the reference server in-process on an ephemeral port with a temporary DATA_DIR, for end-to-end tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Clock } from '@enterprisehub/core';
import { webhookTestKeys } from '@enterprisehub/ghl/testing';
import { createApp } from '../../src/app';
import { loadConfig, type Environment } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { Runtime } from '../../src/runtime';
import { createRuntime } from '../../src/wiring';
import { botsInboundHandler, startWorker, type Worker } from '../../src/worker/index';
import type { InboundMessageHandler } from '../../src/worker/webhook-job';

/** A running test server. */
export interface TestServer {
  baseUrl: string;
  runtime: Runtime;
  /** The started worker (e.g. to drive its inbox replay). */
  worker: Worker;
  /** Every log line written, for PII and secret checks. */
  logs: string[];
  inbound: Parameters<InboundMessageHandler>[0][];
  stop(): Promise<void>;
}

/** Starts a server; `env` overrides the defaults (temporary DATA_DIR, test webhook key, warn-level logs). */
export async function startTestServer(
  env: Environment = {},
  options: { clock?: Clock } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'eh-server-'));
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config = loadConfig({
    DATA_DIR: dataDir,
    GHL_WEBHOOK_PUBLIC_KEY: webhookTestKeys.ed25519.publicKey,
    LOG_LEVEL: 'debug',
    ...env,
  });
  const logger = createLogger({ level: config.LOG_LEVEL, destination });
  const clock = options.clock;
  const runtime = await createRuntime(config, { logger, ...(clock ? { clock } : {}) });
  const inbound: TestServer['inbound'] = [];
  // Every inbound message is recorded, then answered by the real bots (rules engine, dry-run CRM).
  const bots = botsInboundHandler(runtime);
  const worker: Worker = startWorker(runtime, async (message) => {
    inbound.push(message);
    await bots(message);
  });
  const server = createApp(runtime).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    runtime,
    worker,
    logs,
    inbound,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
