/**
 * Benchmark 3 — memory of one instance (`pnpm bench memory`).
 *
 * One embedded-mode server process (PGlite, in-process queue, rules engine; its resident memory includes PGlite's
 * in-process database) receives a first message from 10,000 distinct contacts through signed webhooks, so it holds
 * 10,000 active conversations; resident memory (RSS, after a full GC) is read through the IPC channel. Then a soak
 * keeps conversations going at a steady rate and samples RSS after GC every few seconds: growth and slope.
 * When PostgreSQL and Redis are reachable the 10,000-conversation figure is repeated in production mode (the
 * database outside the process).
 *
 * Targets: RSS < 300 MB after 10,000 conversations; growth over the soak flat (< 5% of the RSS at its start).
 * On this 2-core machine one embedded instance handles ~10 messages/s, so 10,000 conversations take ~20 minutes:
 * the default run holds 500 and also prints the per-conversation cost extrapolated to 10,000 (labelled as such);
 * `BENCH_MEMORY_CONVERSATIONS=10000 pnpm bench memory` measures the full figure.
 * Env: BENCH_MEMORY_CONVERSATIONS (default 500), BENCH_SOAK_SECONDS (default 60; the issue's soak is 600:
 * `BENCH_SOAK_SECONDS=600 pnpm bench memory`), BENCH_SOAK_RATE (messages/s, default 40), BENCH_MEMORY_PRODUCTION=0
 * to skip the production-mode figure.
 */
import {
  atLeast,
  below,
  out,
  printFigures,
  round,
  writeResults,
  type Figure,
} from './support/results';
import { HandledTracker, Pacer, runLeads } from './support/conversations';
import { productionEnv, startServer, tempDataDir, type BenchServer } from './support/processes';
import type { ServerStats } from './support/server-process';
import { closeSender, idPrefix } from './support/webhooks';

const CONVERSATIONS = Number(process.env['BENCH_MEMORY_CONVERSATIONS'] ?? 500);
const TARGET_CONVERSATIONS = 10_000;
const SOAK_SECONDS = Number(process.env['BENCH_SOAK_SECONDS'] ?? 60);
const SOAK_RATE = Number(process.env['BENCH_SOAK_RATE'] ?? 40);
const CHUNK = 250;
const RSS_TARGET_MB = 300;

/** Sends one message from each of `count` new contacts (in chunks), printing RSS as it goes. */
async function fill(
  server: BenchServer,
  options: { count: number; prefix: string },
): Promise<{
  rejected: number;
  timedOut: number;
  seconds: number;
  midpoint: ServerStats | undefined;
}> {
  const tracker = new HandledTracker();
  tracker.listen([server]);
  const started = Date.now();
  let rejected = 0;
  let timedOut = 0;
  let midpoint: ServerStats | undefined;
  for (let first = 0; first < options.count; first += CHUNK) {
    const run = await runLeads({
      web: [server],
      tracker,
      leads: Math.min(CHUNK, options.count - first),
      messages: 1,
      prefix: options.prefix,
      firstLead: first,
      timeoutMs: 120_000,
    });
    rejected += run.rejected;
    timedOut += run.timedOut;
    if (!midpoint && first + CHUNK >= options.count / 2) midpoint = await server.gc();
    const done = first + CHUNK;
    if (done % 2500 === 0 || done >= options.count) {
      const stats = await server.stats();
      out(
        `  ${Math.min(done, options.count)} conversations  rss ${stats.rssMb} MB  heap ${stats.heapUsedMb} MB  (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
  }
  return { rejected, timedOut, seconds: Math.round((Date.now() - started) / 1000), midpoint };
}

/** Least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const num = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function soak(
  server: BenchServer,
  options: { prefix: string; contacts: number },
): Promise<{
  figures: Figure[];
  samples: { seconds: number; rssMb: number; heapUsedMb: number }[];
}> {
  const tracker = new HandledTracker();
  tracker.listen([server]);
  const pacer = new Pacer(SOAK_RATE);
  const started = Date.now();
  const deadline = started + SOAK_SECONDS * 1000;
  const samples: { seconds: number; rssMb: number; heapUsedMb: number }[] = [];
  const sample = async (): Promise<void> => {
    const stats = await server.gc();
    samples.push({
      seconds: Math.round((Date.now() - started) / 1000),
      rssMb: stats.rssMb,
      heapUsedMb: stats.heapUsedMb,
    });
  };
  await sample();
  const interval = Math.max(2, Math.round(SOAK_SECONDS / 12));
  const sampler = (async () => {
    while (Date.now() < deadline) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(interval * 1000, Math.max(0, deadline - Date.now()))),
      );
      await sample();
    }
  })();
  let lead = 0;
  let sent = 0;
  while (Date.now() < deadline) {
    // Existing contacts continue their conversations: 40 at a time, two messages each, paced.
    const run = await runLeads({
      web: [server],
      tracker,
      leads: 40,
      messages: 2,
      prefix: options.prefix,
      firstLead: lead,
      pacer,
      stopWhen: () => Date.now() >= deadline,
    });
    sent += run.sentAt.size;
    lead = (lead + 40) % options.contacts;
  }
  await sampler;
  await sample();
  const first = samples[0];
  const last = samples.at(-1);
  const growth = first && last ? last.rssMb - first.rssMb : null;
  const heapGrowth = first && last ? last.heapUsedMb - first.heapUsedMb : null;
  const perMinute = slope(samples.map((s) => ({ x: s.seconds / 60, y: s.rssMb })));
  out(
    `  soak: ${sent} messages over ${SOAK_SECONDS} s; RSS samples (MB, after GC): ${samples.map((s) => s.rssMb).join(', ')}`,
  );
  const limit = first ? first.rssMb * 0.05 : null;
  return {
    samples,
    figures: [
      {
        figure: `memory: RSS growth over a ${SOAK_SECONDS} s soak`,
        value: round(growth, 1),
        unit: 'MB',
        target: `flat (< 5% = ${round(limit, 0)} MB)`,
        met: growth === null || limit === null ? null : growth < limit,
        note: `slope ${round(perMinute, 2)} MB/min; heap ${round(heapGrowth, 1)} MB; ${sent} messages at ${SOAK_RATE}/s`,
      },
    ],
  };
}

async function measure(options: {
  mode: 'embedded' | 'production';
  env: Record<string, string>;
  withSoak: boolean;
}): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const server = await startServer({
    kind: 'ours',
    env: { ...options.env, ROLE: 'all', BENCH_NOTIFY: '1' },
  });
  try {
    const baseline = await server.gc();
    out(`  started: rss ${baseline.rssMb} MB, heap ${baseline.heapUsedMb} MB`);
    const prefix = idPrefix();
    const filled = await fill(server, { count: CONVERSATIONS, prefix });
    const after = await server.gc();
    const stats = await server.stats();
    out(
      `  after ${CONVERSATIONS} conversations and GC: rss ${after.rssMb} MB, heap ${after.heapUsedMb} MB (handled ${stats.processed}, replies ${JSON.stringify(stats.replies)})`,
    );
    const full = CONVERSATIONS >= TARGET_CONVERSATIONS;
    // Per-conversation cost from the second half of the fill (post-GC at halfway and at the end), so start-up
    // and warm-up memory (JIT code, pools, caches) are not counted per conversation.
    const mid = filled.midpoint ?? baseline;
    const perConversationKb =
      ((after.rssMb - mid.rssMb) * 1024) / Math.max(1, stats.processed - mid.processed);
    const projected = round(
      after.rssMb +
        ((TARGET_CONVERSATIONS - CONVERSATIONS) * Math.max(0, perConversationKb)) / 1024,
      1,
    );
    const value = full ? after.rssMb : projected;
    const figures: Figure[] = [
      {
        figure: full
          ? `memory ${options.mode}: RSS with ${CONVERSATIONS} active conversations`
          : `memory ${options.mode}: RSS with 10000 conversations (extrapolated from ${CONVERSATIONS})`,
        value,
        unit: 'MB',
        target: `< ${RSS_TARGET_MB}`,
        met:
          below(value, RSS_TARGET_MB) === true && atLeast(stats.processed, CONVERSATIONS) === true,
        note: `${full ? '' : `measured ${after.rssMb} MB at ${CONVERSATIONS}; `}at start ${baseline.rssMb} MB; ${round(perConversationKb, 1)} KB/conversation; heap ${after.heapUsedMb} MB; ${stats.processed} handled in ${filled.seconds} s`,
      },
    ];
    const details: Record<string, unknown> = { baseline, after, filled, handled: stats.processed };
    if (options.withSoak) {
      const soaked = await soak(server, { prefix, contacts: CONVERSATIONS });
      figures.push(...soaked.figures);
      details['soak'] = { seconds: SOAK_SECONDS, rate: SOAK_RATE, samples: soaked.samples };
    }
    return { figures, details };
  } finally {
    await server.stop();
  }
}

const figures: Figure[] = [];
const details: Record<string, unknown> = { conversations: CONVERSATIONS };

// For attribution: the same process skeleton (node + tsx + Express) with nothing of ours loaded.
const bare = await startServer({ kind: 'bare' });
const bareStats = await bare.gc();
await bare.stop();
out(`━━ reference: a bare Express process under tsx: rss ${bareStats.rssMb} MB after GC`);
figures.push({
  figure: 'memory: bare Express process (reference)',
  value: bareStats.rssMb,
  unit: 'MB',
  note: 'node + tsx + express, no server code',
});

out(
  `━━ embedded mode: ${CONVERSATIONS} distinct conversations, then a ${SOAK_SECONDS} s soak at ${SOAK_RATE} msg/s`,
);
const data = await tempDataDir();
try {
  const embedded = await measure({ mode: 'embedded', env: { DATA_DIR: data.dir }, withSoak: true });
  figures.push(...embedded.figures);
  details['embedded'] = embedded.details;
} finally {
  await data.remove();
}

if (process.env['BENCH_MEMORY_PRODUCTION'] !== '0') {
  out(`━━ production mode (PostgreSQL + Redis): ${CONVERSATIONS} distinct conversations`);
  const production = await productionEnv('memory');
  if (!production) {
    out('skipped: PostgreSQL or Redis is not reachable');
  } else {
    const dirs = await tempDataDir();
    try {
      const result = await measure({
        mode: 'production',
        env: { ...production.env, DATA_DIR: dirs.dir },
        withSoak: false,
      });
      figures.push(...result.figures);
      details['production'] = result.details;
    } finally {
      await production.cleanup();
      await dirs.remove();
    }
  }
}

closeSender();
out();
printFigures(figures);
out(
  `results: ${writeResults(CONVERSATIONS >= TARGET_CONVERSATIONS ? 'memory-10k' : 'memory', figures, details)}`,
);
