/**
 * Benchmark 2 — end to end through webhooks on the rules engine (`pnpm bench e2e`).
 *
 * N simulated leads each send a 6-message conversation as signed GHL InboundMessage webhooks; each lead sends its
 * next message once the worker has handled the previous one. Measures messages fully processed per second (the
 * bot's reply committed to the outbox), latency from webhook sent to reply in the outbox (the outbox entry's
 * `createdAt`; same machine clock) at p50/p95/p99, and checks that every message got exactly one reply.
 *
 * Runs: embedded (one process, PGlite), production (PostgreSQL + Redis, one process) and production with 2 web +
 * 2 worker processes. Each single-process mode runs twice: flat out (throughput), then paced at half that rate
 * (latency target). Targets: ≥ 500 msg/s embedded; p99 webhook → reply < 250 ms at half the rate.
 * Env: BENCH_E2E_LEADS (default 30), BENCH_E2E_TIMEOUT_MS (default 60000 per message).
 */
import {
  atLeast,
  below,
  out,
  percentile,
  printFigures,
  round,
  writeResults,
  type Figure,
} from './support/results';
import { HandledTracker, Pacer, runLeads, type LeadRun } from './support/conversations';
import { productionEnv, startServer, tempDataDir, type BenchServer } from './support/processes';
import { closeSender, idPrefix } from './support/webhooks';

const LEADS = Number(process.env['BENCH_E2E_LEADS'] ?? 30);
const TIMEOUT_MS = Number(process.env['BENCH_E2E_TIMEOUT_MS'] ?? 60_000);

interface Topology {
  label: string;
  web: BenchServer[];
  workers: BenchServer[];
  stop(): Promise<void>;
}

async function startTopology(options: {
  label: string;
  env: Record<string, string>;
  split: boolean;
}): Promise<Topology> {
  const env = { ...options.env, BENCH_NOTIFY: '1' };
  const started: BenchServer[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((server) => server.stop()));
  };
  try {
    if (!options.split) {
      const server = await startServer({ kind: 'ours', env: { ...env, ROLE: 'all' } });
      started.push(server);
      return { label: options.label, web: [server], workers: [server], stop };
    }
    // The first process runs the migrations alone; the others start together.
    const first = await startServer({ kind: 'ours', env: { ...env, ROLE: 'web' } });
    started.push(first);
    const rest = await Promise.all([
      startServer({ kind: 'ours', env: { ...env, ROLE: 'web' } }),
      startServer({ kind: 'ours', env: { ...env, ROLE: 'worker' } }),
      startServer({ kind: 'ours', env: { ...env, ROLE: 'worker' } }),
    ]);
    started.push(...rest);
    const [secondWeb, ...workers] = rest;
    return { label: options.label, web: secondWeb ? [first, secondWeb] : [first], workers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface PhaseResult {
  messages: number;
  handled: number;
  perSecond: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  noReply: number;
  multipleReplies: number;
  handledTwice: number;
  rejected: number;
  timedOut: number;
  /** Messages per CPU-second of all server processes together (independent of the machine's other load). */
  perCpuSecond: number | null;
}

async function cpuMs(topology: Topology): Promise<number> {
  const servers = [...new Set([...topology.web, ...topology.workers])];
  const stats = await Promise.all(servers.map((server) => server.stats()));
  return stats.reduce((sum, stat) => sum + stat.cpuMs, 0);
}

async function phase(
  topology: Topology,
  options: { leads: number; rate?: number; label: string },
): Promise<PhaseResult> {
  const tracker = new HandledTracker();
  tracker.listen(topology.workers);
  const prefix = idPrefix();
  const cpuBefore = await cpuMs(topology);
  const run: LeadRun = await runLeads({
    web: topology.web,
    tracker,
    leads: options.leads,
    prefix,
    timeoutMs: TIMEOUT_MS,
    ...(options.rate ? { pacer: new Pacer(options.rate) } : {}),
  });
  // Let late outbox commits land (a handled push follows the commit, so this is only a safety margin).
  await new Promise((resolve) => setTimeout(resolve, 200));
  const cpuUsed = (await cpuMs(topology)) - cpuBefore;
  const collector = topology.workers[0] ?? topology.web[0];
  const replies = (await collector?.collect()) ?? [];
  const byMessage = new Map<string, number[]>();
  for (const reply of replies) {
    if (!run.sentAt.has(reply.messageId)) continue;
    const list = byMessage.get(reply.messageId) ?? [];
    list.push(reply.createdAt);
    byMessage.set(reply.messageId, list);
  }
  const latencies: number[] = [];
  let noReply = 0;
  let multipleReplies = 0;
  let lastReplyAt = run.startedAt;
  for (const [messageId, sentAt] of run.sentAt) {
    const createdAts = byMessage.get(messageId) ?? [];
    if (createdAts.length === 0) noReply += 1;
    if (createdAts.length > 1) multipleReplies += 1;
    const first = Math.min(...createdAts);
    if (createdAts.length > 0) {
      latencies.push(first - sentAt);
      lastReplyAt = Math.max(lastReplyAt, first);
    }
  }
  let handledTwice = 0;
  for (const [messageId, count] of tracker.counts)
    if (run.sentAt.has(messageId) && count > 1) handledTwice += 1;
  const elapsedMs = lastReplyAt - run.startedAt;
  const result: PhaseResult = {
    messages: run.sentAt.size,
    handled: latencies.length,
    perSecond: elapsedMs > 0 ? round((latencies.length / elapsedMs) * 1000, 0) : null,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    noReply,
    multipleReplies,
    handledTwice,
    rejected: run.rejected,
    timedOut: run.timedOut,
    perCpuSecond: cpuUsed > 0 ? round((latencies.length / cpuUsed) * 1000, 0) : null,
  };
  out(
    `${options.label.padEnd(44)} ${String(result.perSecond ?? 'n/a').padStart(5)} msg/s  p50 ${result.p50 ?? 'n/a'} ms  p95 ${result.p95 ?? 'n/a'} ms  p99 ${result.p99 ?? 'n/a'} ms  ${result.perCpuSecond ?? 'n/a'} msg/CPU-s  (${result.handled}/${result.messages} replied; no reply ${noReply}, >1 reply ${multipleReplies}, handled twice ${handledTwice}, rejected ${run.rejected}, timed out ${run.timedOut})`,
  );
  return result;
}

function exactlyOnce(result: PhaseResult): boolean {
  return (
    result.messages > 0 &&
    result.noReply === 0 &&
    result.multipleReplies === 0 &&
    result.handledTwice === 0 &&
    result.rejected === 0
  );
}

function figuresFor(options: {
  mode: string;
  flat: PhaseResult;
  paced?: PhaseResult;
  throughputTarget?: number;
}): Figure[] {
  const { mode, flat, paced } = options;
  const figures: Figure[] = [
    {
      figure: `e2e ${mode}: messages processed/s`,
      value: flat.perSecond,
      unit: 'msg/s',
      ...(options.throughputTarget
        ? {
            target: `≥ ${options.throughputTarget}`,
            met: atLeast(flat.perSecond, options.throughputTarget),
          }
        : {}),
      note: `${flat.messages} messages, p50 ${flat.p50} / p95 ${flat.p95} / p99 ${flat.p99} ms flat out; ${flat.perCpuSecond} msg per server CPU-second`,
    },
  ];
  if (paced) {
    figures.push({
      figure: `e2e ${mode}: p99 webhook→outbox at half rate`,
      value: paced.p99,
      unit: 'ms',
      target: '< 250',
      met: below(paced.p99, 250),
      note: `${paced.perSecond} msg/s paced; p50 ${paced.p50} / p95 ${paced.p95} ms`,
    });
  }
  const all = paced ? [flat, paced] : [flat];
  const bad = all.reduce(
    (sum, result) =>
      sum + result.noReply + result.multipleReplies + result.handledTwice + result.rejected,
    0,
  );
  figures.push({
    figure: `e2e ${mode}: messages without exactly one reply`,
    value: bad,
    unit: '',
    target: '0',
    met: all.every(exactlyOnce),
    note: all
      .map(
        (result) =>
          `no reply ${result.noReply}, >1 ${result.multipleReplies}, twice ${result.handledTwice}, rejected ${result.rejected}`,
      )
      .join('; '),
  });
  return figures;
}

async function singleProcess(options: {
  mode: string;
  env: Record<string, string>;
  throughputTarget?: number;
}): Promise<{ figures: Figure[]; details: unknown }> {
  const topology = await startTopology({ label: options.mode, env: options.env, split: false });
  try {
    const flat = await phase(topology, {
      leads: LEADS,
      label: `${options.mode}, ${LEADS} leads flat out`,
    });
    if (flat.perSecond === null) {
      out('no reply reached the outbox flat out; the paced run is skipped');
      return { figures: figuresFor({ mode: options.mode, flat }), details: { flat } };
    }
    const rate = Math.max(1, Math.round(flat.perSecond / 2));
    const paced = await phase(topology, {
      leads: LEADS,
      rate,
      label: `${options.mode}, paced at ${rate} msg/s`,
    });
    return {
      figures: figuresFor({
        mode: options.mode,
        flat,
        paced,
        ...(options.throughputTarget ? { throughputTarget: options.throughputTarget } : {}),
      }),
      details: { flat, paced, rate },
    };
  } finally {
    await topology.stop();
  }
}

const figures: Figure[] = [];
const details: Record<string, unknown> = { leads: LEADS, messagesPerLead: 6 };

out(
  `━━ embedded mode (one process: PGlite, in-process queue, rules engine) — ${LEADS} leads × 6 messages`,
);
const data = await tempDataDir();
try {
  const embedded = await singleProcess({
    mode: 'embedded',
    env: { DATA_DIR: data.dir },
    throughputTarget: 500,
  });
  figures.push(...embedded.figures);
  details['embedded'] = embedded.details;
} finally {
  await data.remove();
}

out(`━━ production mode (PostgreSQL + Redis) — ${LEADS} leads × 6 messages`);
const production = await productionEnv('e2e');
if (!production) {
  out('skipped: PostgreSQL or Redis is not reachable (set BENCH_DATABASE_URL / BENCH_REDIS_URL)');
  figures.push({
    figure: 'e2e production: messages processed/s',
    value: null,
    unit: 'msg/s',
    met: null,
    note: 'skipped: PostgreSQL/Redis absent',
  });
} else {
  const dirs = await tempDataDir();
  try {
    const single = await singleProcess({
      mode: 'production',
      env: { ...production.env, DATA_DIR: dirs.dir },
    });
    figures.push(...single.figures);
    details['production'] = single.details;
    const split = await startTopology({
      label: 'production 2+2',
      env: { ...production.env, DATA_DIR: dirs.dir },
      split: true,
    });
    try {
      const ready = (await fetch(`${split.web[0]?.url ?? ''}/ready`).then((response) =>
        response.json(),
      )) as {
        dependencies?: { name: string; detail?: { kind?: string } }[];
      };
      const queueKind = ready.dependencies?.find((dependency) => dependency.name === 'queue')
        ?.detail?.kind;
      if (queueKind === 'in-process') {
        out(
          'skipped 2 web + 2 workers: the production wiring still uses the in-process queue, so web processes cannot hand jobs to workers',
        );
        figures.push({
          figure: 'e2e production 2 web + 2 workers: messages processed/s',
          value: null,
          unit: 'msg/s',
          met: null,
          note: 'skipped: queue is in-process in this build',
        });
      } else {
        const flat = await phase(split, {
          leads: LEADS,
          label: `production 2 web + 2 workers, ${LEADS} leads`,
        });
        figures.push(...figuresFor({ mode: 'production 2 web + 2 workers', flat }));
        details['production2x2'] = { flat, queueKind };
      }
    } finally {
      await split.stop();
    }
  } finally {
    await production.cleanup();
    await dirs.remove();
  }
}

closeSender();
out();
printFigures(figures);
out(`results: ${writeResults('e2e', figures, details)}`);
