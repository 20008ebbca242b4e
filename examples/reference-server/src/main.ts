/**
 * Starts the reference server: parses the environment, wires the runtime, listens (role `web` or `all`), runs the
 * worker (role `worker` or `all`) and shuts down gracefully on SIGTERM / SIGINT.
 *
 *   node dist/main.js [--role=web|worker|all]
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createApp } from './app';
import { createRuntime } from './wiring';
import { startWorker, type Worker } from './worker/index';

function roleFromArgs(argv: readonly string[]): string | undefined {
  const flag = argv.find((arg) => arg.startsWith('--role='));
  return flag?.slice('--role='.length);
}

async function main(): Promise<void> {
  const role = roleFromArgs(process.argv.slice(2));
  const config = loadConfig({ ...process.env, ...(role ? { ROLE: role } : {}) });
  const runtime = await createRuntime(config);
  const { logger } = runtime;

  let worker: Worker | undefined;
  if (config.ROLE !== 'web') {
    worker = startWorker(runtime);
    logger.info(
      { queue: config.mode === 'production' ? 'bullmq' : 'in-process' },
      'worker started',
    );
  }
  let server: Server | undefined;
  if (config.ROLE !== 'worker') {
    server = createApp(runtime).listen(config.PORT, config.HOST);
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const base = config.PUBLIC_URL ?? `http://localhost:${port}`;
    const lines = [
      `EnterpriseHub reference server (${config.mode} mode, role ${config.ROLE}) listening on ${base}`,
      `  health:    ${base}/health   readiness: ${base}/ready`,
      `  dashboard: ${base}/dashboard`,
      `  webhooks:  POST ${base}/webhooks/ghl`,
    ];
    if (config.mode === 'embedded') {
      lines.push(`  admin key: ${runtime.secrets.adminApiKey}`);
      lines.push(
        '  (embedded mode is for evaluation: data and keys live in DATA_DIR; keep the admin key private)',
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    if (server) {
      server.close();
      server.closeIdleConnections();
    }
    await worker?.stop();
    await runtime.close();
    clearTimeout(deadline);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : 'unknown error';
  process.stderr.write(`EnterpriseHub failed to start: ${message}\n`);
  process.exit(1);
});
