/**
 * Benchmark 1 — webhook ingest against a bare Express 5 app, same run (`pnpm bench ingest`).
 *
 * Both servers run in their own process on loopback and get the same load from autocannon (50 connections, fixed
 * duration, every request a distinct signed GHL InboundMessage with its own message id, pre-signed so signing does
 * not load the generator). The bare app parses the body and answers 200. Ours is `/webhooks/ghl` of the reference
 * server with the signature check on (test Ed25519 key) and every accepted event stored (inbox + queue) before the
 * 200, in `ROLE=web` so the bots do not share the event loop with the ingest. Embedded mode (PGlite), then
 * production mode (PostgreSQL + Redis; skipped with a note when either is absent).
 *
 * Prints req/s, p50/p99 latency and the ratio ours / bare (targets ≥ 0.5 embedded, ≥ 0.7 production).
 * Env: BENCH_INGEST_SECONDS (default 10), BENCH_INGEST_CONNECTIONS (default 50).
 */
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { atLeast, out, printFigures, round, writeResults, type Figure } from './support/results';
import { productionEnv, startServer, tempDataDir, type BenchServer } from './support/processes';
import { idPrefix, signedInbound, type SignedRequest } from './support/webhooks';

const SECONDS = Number(process.env['BENCH_INGEST_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_INGEST_CONNECTIONS'] ?? 50);
const WARMUP_SECONDS = 2;
const POOL_SIZE = Number(process.env['BENCH_INGEST_POOL'] ?? 80_000);

/** Pre-signed distinct webhooks; signs on the fly (and counts it) if a run outlasts the pool. */
class RequestPool {
  private readonly items: SignedRequest[] = [];
  private next = 0;
  private serial = 0;
  signedLive = 0;
  private readonly prefix = idPrefix();

  constructor(size: number) {
    for (let index = 0; index < size; index += 1) this.items.push(this.make());
  }

  private make(): SignedRequest {
    this.serial += 1;
    return signedInbound({
      contactId: `c-${this.prefix}-${this.serial % 5000}`,
      messageId: `m-${this.prefix}-${this.serial}`,
      body: 'Hi, I want to buy a 3 bed in Round Rock under 450k',
    });
  }

  take(): SignedRequest {
    const item = this.items[this.next];
    if (item) {
      this.items[this.next] = undefined as unknown as SignedRequest;
      this.next += 1;
      return item;
    }
    this.signedLive += 1;
    return this.make();
  }
}

async function drive(
  server: BenchServer,
  options: { seconds: number; pool: RequestPool },
): Promise<AutocannonResult> {
  const request: AutocannonRequest = {
    method: 'POST',
    path: '/webhooks/ghl',
    setupRequest: (base) => {
      const next = options.pool.take();
      return { ...base, body: next.body, headers: next.headers };
    },
  };
  return autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: options.seconds,
    requests: [request],
  });
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
  /** Requests per CPU-second of the server process (independent of how much CPU other processes take). */
  perCpuSecond: number;
}

async function measure(server: BenchServer, pool: RequestPool): Promise<Run> {
  await drive(server, { seconds: WARMUP_SECONDS, pool });
  const before = await server.stats();
  const result = await drive(server, { seconds: SECONDS, pool });
  const after = await server.stats();
  return {
    perCpuSecond: Math.round((result['2xx'] / Math.max(1, after.cpuMs - before.cpuMs)) * 1000),
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

async function compare(
  mode: 'embedded' | 'production',
  env: Record<string, string>,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  out(`signing ${POOL_SIZE} distinct webhooks…`);
  const pool = new RequestPool(POOL_SIZE);
  const bare = await startServer({ kind: 'bare' });
  const bareRun = await measure(bare, pool).finally(() => bare.stop());
  const ours = await startServer({ kind: 'ours', env: { ...env, ROLE: 'web' } });
  const oursRun = await measure(ours, pool).finally(() => ours.stop());
  const ratio = bareRun.rps > 0 ? oursRun.rps / bareRun.rps : null;
  const target = mode === 'embedded' ? 0.5 : 0.7;
  const rows = [
    { server: 'bare Express 5', ...bareRun },
    { server: `ours (${mode})`, ...oursRun },
  ];
  out(
    `${'server'.padEnd(22)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)} ${'req/CPU-s'.padStart(10)}`,
  );
  for (const row of rows)
    out(
      `${row.server.padEnd(22)} ${String(row.rps).padStart(7)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${String(row.non2xx).padStart(8)} ${String(row.errors).padStart(7)} ${String(row.perCpuSecond).padStart(10)}`,
    );
  const clean = oursRun.non2xx === 0 && oursRun.errors === 0;
  const figures: Figure[] = [
    { figure: `ingest ${mode}: bare req/s`, value: bareRun.rps, unit: 'req/s' },
    {
      figure: `ingest ${mode}: ours req/s`,
      value: oursRun.rps,
      unit: 'req/s',
      note: `p50 ${oursRun.p50} ms, p99 ${oursRun.p99} ms`,
    },
    {
      figure: `ingest ${mode}: ratio ours/bare`,
      value: round(ratio, 2),
      unit: '',
      target: `≥ ${target}`,
      met: clean ? atLeast(ratio, target) : false,
      ...(clean ? {} : { note: `${oursRun.non2xx} non-2xx, ${oursRun.errors} errors` }),
    },
    {
      figure: `ingest ${mode}: ratio per server CPU-second`,
      value:
        bareRun.perCpuSecond > 0 ? round(oursRun.perCpuSecond / bareRun.perCpuSecond, 2) : null,
      unit: '',
      note: `load-independent: bare ${bareRun.perCpuSecond}, ours ${oursRun.perCpuSecond} req per CPU-s`,
    },
    {
      figure: `ingest ${mode}: ours p99`,
      value: oursRun.p99,
      unit: 'ms',
      note: `bare p99 ${bareRun.p99} ms`,
    },
  ];
  if (pool.signedLive > 0)
    out(`note: the pool ran out; ${pool.signedLive} requests were signed during the run`);
  return { figures, details: { mode, bare: bareRun, ours: oursRun, signedLive: pool.signedLive } };
}

const figures: Figure[] = [];
const details: Record<string, unknown> = {
  seconds: SECONDS,
  connections: CONNECTIONS,
  role: 'web',
};

out(
  `━━ embedded mode (PGlite, in-process queue) vs bare Express — ${CONNECTIONS} connections, ${SECONDS} s`,
);
const data = await tempDataDir();
try {
  const embedded = await compare('embedded', { DATA_DIR: data.dir });
  figures.push(...embedded.figures);
  details['embedded'] = embedded.details;
} finally {
  await data.remove();
}

out(
  `━━ production mode (PostgreSQL + Redis) vs bare Express — ${CONNECTIONS} connections, ${SECONDS} s`,
);
const production = await productionEnv('ingest');
if (!production) {
  out('skipped: PostgreSQL or Redis is not reachable (set BENCH_DATABASE_URL / BENCH_REDIS_URL)');
  figures.push({
    figure: 'ingest production: ratio ours/bare',
    value: null,
    unit: '',
    target: '≥ 0.7',
    met: null,
    note: 'skipped: PostgreSQL/Redis absent',
  });
} else {
  const productionData = await tempDataDir();
  try {
    const result = await compare('production', { ...production.env, DATA_DIR: productionData.dir });
    figures.push(...result.figures);
    details['production'] = result.details;
  } finally {
    await production.cleanup();
    await productionData.remove();
  }
}

out();
printFigures(figures);
out(`results: ${writeResults('ingest', figures, details)}`);
