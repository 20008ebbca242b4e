/**
 * `--leads N`: N concurrent generated conversations against a running server, a progress bar on stderr, and a
 * summary (replies, handoffs, blocked handoffs, P50/P95 webhook → reply).
 */
import { randomUUID } from 'node:crypto';
import type { AdminClient } from './admin-client';
import { generateLeads, type LeadKind } from './leads';
import { ReplyWatcher, sendTurn } from './replies';
import type { HandoffTotals } from './views';

/** Options of {@link runLeads}. */
export interface RunLeadsOptions {
  client: AdminClient;
  privateKeyPem: string;
  locationId: string;
  tenantId?: string;
  count: number;
  /** Conversations in flight at once. @defaultValue count */
  concurrency?: number;
  /** Seed of the generated conversations. @defaultValue random */
  seed?: number;
  /** How long to wait for each reply. @defaultValue 30000 */
  replyTimeoutMs?: number;
  /** Outbox poll interval. @defaultValue 1000 */
  pollMs?: number;
  /** Called after every turn. */
  onProgress?: (progress: LoadProgress) => void;
}

/** Progress of a run. */
export interface LoadProgress {
  leadsDone: number;
  leads: number;
  messages: number;
  replies: number;
}

/** Summary of a run. */
export interface LoadSummary {
  leads: number;
  byKind: Record<LeadKind, number>;
  messages: number;
  accepted: number;
  /** Webhooks the server did not accept (status → count). */
  rejected: Record<string, number>;
  replies: number;
  /** Accepted messages with no reply in time. */
  noReply: number;
  /** Handoffs during the run (delta of the handoff analytics), or `undefined` if the server had none to report. */
  handoffs?: HandoffTotals;
  latencyMs: { p50: number; p95: number; max: number };
  durationMs: number;
  /** Contact ids used, for looking them up afterwards. */
  contactIds: string[];
}

/** Nearest-rank percentile of a list (0 when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

async function handoffTotals(client: AdminClient, tenantId?: string) {
  try {
    return await client.handoffs(tenantId);
  } catch {
    return undefined;
  }
}

/** Runs the generated conversations and returns the summary. */
export async function runLeads(options: RunLeadsOptions): Promise<LoadSummary> {
  const { client, count } = options;
  const started = Date.now();
  const scripts = generateLeads(count, options.seed ?? Math.floor(Math.random() * 2 ** 31));
  const runId = randomUUID().slice(0, 8);
  const contactIds = scripts.map((_, index) => `sim-${runId}-${index + 1}`);
  const before = await handoffTotals(client, options.tenantId);
  const watcher = new ReplyWatcher({
    client,
    ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    pollMs: options.pollMs ?? 1000,
  });
  watcher.start();
  const latencies: number[] = [];
  const rejected: Record<string, number> = {};
  const progress: LoadProgress = { leadsDone: 0, leads: count, messages: 0, replies: 0 };
  let accepted = 0;
  let noReply = 0;
  const runOne = async (index: number) => {
    const script = scripts[index];
    const contactId = contactIds[index];
    if (!script || !contactId) return;
    for (const text of script.messages) {
      const turn = await sendTurn({
        client,
        watcher,
        privateKeyPem: options.privateKeyPem,
        locationId: options.locationId,
        contactId,
        text,
        timeoutMs: options.replyTimeoutMs ?? 30_000,
      });
      progress.messages += 1;
      if (turn.webhook.status !== 'accepted') {
        rejected[turn.webhook.status] = (rejected[turn.webhook.status] ?? 0) + 1;
        break;
      }
      accepted += 1;
      if (!turn.reply) {
        noReply += 1;
        options.onProgress?.(progress);
        break; // a lead who gets no answer stops writing
      }
      progress.replies += 1;
      if (turn.latencyMs !== undefined) latencies.push(turn.latencyMs);
      options.onProgress?.(progress);
    }
    progress.leadsDone += 1;
    options.onProgress?.(progress);
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? count, count));
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) await runOne(next++);
      }),
    );
  } finally {
    await watcher.stop();
  }
  const after = await handoffTotals(client, options.tenantId);
  const byKind: Record<LeadKind, number> = { buyer: 0, seller: 0, mixed: 0 };
  for (const script of scripts) byKind[script.kind] += 1;
  return {
    leads: count,
    byKind,
    messages: progress.messages,
    accepted,
    rejected,
    replies: progress.replies,
    noReply,
    ...(before && after
      ? {
          handoffs: {
            total: after.total - before.total,
            successful: after.successful - before.successful,
            blocked: after.blocked - before.blocked,
          },
        }
      : {}),
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies.length > 0 ? Math.max(...latencies) : 0,
    },
    durationMs: Date.now() - started,
    contactIds,
  };
}
