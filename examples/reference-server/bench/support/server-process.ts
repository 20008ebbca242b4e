/**
 * A benchmark server in its own process (forked by the benches with an IPC channel), so the load generator and the
 * server never share an event loop.
 *
 * - `BENCH_SERVER=bare`: a bare Express 5 app that parses the GHL InboundMessage body and answers 200 (the baseline).
 * - `BENCH_SERVER=ours`: the reference server wired exactly as `src/main.ts` does (createRuntime, createApp, worker
 *   with the rules-engine bots), configured from the environment (`ROLE`, `DATA_DIR`, `DATABASE_URL`, …).
 *
 * IPC requests (`{ id, type }` → `{ id, data }`): `stats` (processed count, memory), `gc` (collect, then stats),
 * `collect` (the tenant's `sendMessage` outbox entries: message id and createdAt), `stop`.
 * Pushes `{ type: 'ready', port }` once listening (or once the worker runs, for `ROLE=worker`).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Runtime } from '../../src/runtime';
import { createRuntime } from '../../src/wiring';
import { startWorker, type Worker } from '../../src/worker/index';

interface Request {
  id: number;
  type: 'stats' | 'gc' | 'collect' | 'stop';
  tenantId?: string;
}

/** A `sendMessage` outbox entry, reduced to what the benches check. */
export interface CollectedReply {
  messageId: string;
  createdAt: number;
}

/** Answer to `stats` / `gc`. */
export interface ServerStats {
  processed: number;
  replies: Record<string, number>;
  rssMb: number;
  heapUsedMb: number;
  failed: number;
  /** CPU time this process has used (user + system), ms: load-independent cost figures. */
  cpuMs: number;
}

const send = (message: unknown): void => {
  process.send?.(message);
};

let processed = 0;
let failed = 0;
const replies: Record<string, number> = {};
let runtime: Runtime | undefined;
let worker: Worker | undefined;
let server: Server | undefined;

function stats(): ServerStats {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    processed,
    failed,
    replies,
    rssMb: Math.round((memory.rss / 1024 / 1024) * 10) / 10,
    heapUsedMb: Math.round((memory.heapUsed / 1024 / 1024) * 10) / 10,
  };
}

/** Message id out of an idempotency key `<tenant>:<contact>:msg:<messageId>:<index>:<type>`. */
function messageIdOf(key: string): string | undefined {
  const match = /:msg:(.+):\d+:[A-Za-z]+$/.exec(key);
  return match?.[1];
}

async function collect(tenantId: string): Promise<CollectedReply[]> {
  if (!runtime) return [];
  const entries = await runtime.stores.outbox.list({ tenantId, limit: 1_000_000 });
  const collected: CollectedReply[] = [];
  for (const entry of entries) {
    if (entry.action.type !== 'sendMessage') continue;
    const messageId = messageIdOf(entry.action.idempotencyKey);
    if (messageId) collected.push({ messageId, createdAt: entry.createdAt });
  }
  return collected;
}

async function startBare(): Promise<void> {
  const app = express();
  app.disable('x-powered-by');
  app.post(
    '/webhooks/ghl',
    express.raw({ type: () => true, limit: '256kb' }),
    (request, response) => {
      const body: unknown = request.body;
      let event: unknown;
      try {
        event = JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : '');
      } catch {
        response
          .status(400)
          .json({ error: { code: 'WEBHOOK_PAYLOAD_INVALID', message: 'not JSON' } });
        return;
      }
      const record = event as Record<string, unknown> | null;
      if (
        !record ||
        record['type'] !== 'InboundMessage' ||
        typeof record['contactId'] !== 'string'
      ) {
        response
          .status(400)
          .json({ error: { code: 'WEBHOOK_PAYLOAD_INVALID', message: 'not an InboundMessage' } });
        return;
      }
      response.status(200).json({ status: 'accepted' });
    },
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server?.once('listening', resolve));
}

async function startOurs(): Promise<void> {
  const config = loadConfig(process.env);
  const wired = await createRuntime(config);
  runtime = wired;
  if (config.ROLE !== 'web') {
    // As botsInboundHandler (src/worker/index.ts), plus counting and an optional push per handled message.
    const notify = process.env['BENCH_NOTIFY'] === '1';
    worker = startWorker(wired, async (message) => {
      try {
        const result = await wired.bots.handleInbound(message);
        processed += 1;
        replies[result.reply.kind] = (replies[result.reply.kind] ?? 0) + 1;
        wired.logger.info(
          {
            tenantId: result.tenantId,
            bot: result.bot,
            reply: result.reply.kind,
            durationMs: result.durationMs,
          },
          'inbound message handled',
        );
        if (notify)
          send({
            type: 'handled',
            messageId: message.messageId,
            at: Date.now(),
            reply: result.reply.kind,
          });
      } catch (error) {
        failed += 1;
        throw error;
      }
    });
  }
  if (config.ROLE !== 'worker') {
    server = createApp(wired).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server?.once('listening', resolve));
  }
}

async function stop(): Promise<void> {
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  }
  await worker?.stop();
  await runtime?.close();
}

process.on('message', (raw: Request) => {
  void (async () => {
    try {
      let data: unknown;
      if (raw.type === 'stats') data = stats();
      else if (raw.type === 'gc') {
        for (let round = 0; round < 3; round += 1) {
          globalThis.gc?.();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        data = stats();
      } else if (raw.type === 'collect') data = await collect(raw.tenantId ?? 'demo');
      else if (raw.type === 'stop') {
        await stop();
        send({ id: raw.id, data: null });
        process.disconnect();
        return;
      }
      send({ id: raw.id, data });
    } catch (error) {
      send({
        id: raw.id,
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'failed',
      });
    }
  })();
});

try {
  if (process.env['BENCH_SERVER'] === 'bare') await startBare();
  else await startOurs();
  const address = server?.address() as AddressInfo | null | undefined;
  send({ type: 'ready', port: address?.port ?? 0 });
} catch (error) {
  process.stderr.write(
    `bench server failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
}
