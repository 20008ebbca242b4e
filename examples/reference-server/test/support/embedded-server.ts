/**
 * Starts the reference server the way `./dev start` does — embedded defaults, real bots (rules engine), real worker,
 * PGlite in a temporary DATA_DIR — in-process on an ephemeral port. For the simulator and dashboard tests.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app';
import { loadConfig, type Environment } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { Runtime } from '../../src/runtime';
import type { EmbeddedSecrets } from '../../src/setup/embedded-secrets';
import { createRuntime } from '../../src/wiring';
import { startWorker, type Worker } from '../../src/worker/index';

/** A running embedded server. */
export interface EmbeddedServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  runtime: Runtime;
  secrets: EmbeddedSecrets;
  logs: string[];
  /** The worker loops (bots, outbox deliverer, alert timer); `stop()` stops them too. */
  worker: Worker;
  stop(): Promise<void>;
}

/** Starts an embedded server with real bots; `env` adds variables. */
export async function startEmbeddedServer(env: Environment = {}): Promise<EmbeddedServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'eh-embedded-'));
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env });
  const runtime = await createRuntime(config, {
    logger: createLogger({ level: config.LOG_LEVEL, destination }),
  });
  const worker = startWorker(runtime);
  const server = createApp(runtime).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const secrets = JSON.parse(
    await readFile(join(dataDir, 'secrets.json'), 'utf8'),
  ) as EmbeddedSecrets;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    runtime,
    secrets,
    logs,
    worker,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
