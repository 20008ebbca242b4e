import type { BotName, HandoffBlockReason } from '@enterprisehub/core';
import type { MetricsScope } from './metrics-scope';

/** Per-bot interaction figures. */
export interface BotInteractionSummary {
  /** Finished turns (every operation except `handoff`). */
  interactions: number;
  /** Failed turns. */
  errors: number;
  /** `errors / interactions` (0 without interactions). */
  errorRate: number;
  /** Median turn duration, ms (±1%). */
  p50DurationMs: number;
  /** 95th-percentile turn duration, ms (±1%). */
  p95DurationMs: number;
  /** Mean turn duration, ms. */
  meanDurationMs: number;
}

/** Handoff figures. */
export interface HandoffSummary {
  /** Executions: completed plus failed. */
  attempts: number;
  /** Completed handoffs (`handoff.completed`). */
  completed: number;
  /** Failed handoff turns (`bot.turn.completed` with operation `handoff` and `success: false`). */
  failed: number;
  /** Handoffs refused by the guardrails (not failures). */
  blocked: number;
  /** Refusals by reason. */
  blockedByReason: Partial<Record<HandoffBlockReason, number>>;
  /** `completed / attempts` (1 without attempts). */
  successRate: number;
  /** 95th-percentile handoff duration, ms. */
  p95DurationMs: number;
}

/** Hit/miss counts of one cache tier. */
export interface CacheTierSummary {
  /** Hits. */
  hits: number;
  /** Misses. */
  misses: number;
  /** `hits / (hits + misses)` (0 without reads). */
  hitRate: number;
}

/** Everything the collector knows about a window, for dashboards. */
export interface BotMetricsSnapshot {
  /** When it was taken, epoch ms. */
  at: number;
  /** Window length, ms. */
  windowMs: number;
  /** Tenant scope; absent for the whole deployment. */
  tenantId?: string;
  /** Per-bot interactions. */
  bots: Record<BotName, BotInteractionSummary>;
  /** Handoffs. */
  handoffs: HandoffSummary;
  /** Cache reads per tier and overall (a request is a hit if any tier hit). */
  cache: { l1: CacheTierSummary; l2: CacheTierSummary; hitRate: number; reads: number };
  /** Errors raised, by error code. */
  errorsByCode: Record<string, number>;
  /** Rate-limit hits by source (`ghl`, `llm`, `api`, `handoff`). */
  rateLimitHits: Record<string, number>;
  /** Model calls. */
  llm: {
    calls: number;
    errors: number;
    costUsd: number;
    unknownCostCalls: number;
    inputTokens: number;
    outputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
  };
  /** CRM actions delivered and failed. */
  crm: { delivered: number; failed: number };
  /** Inbound messages received. */
  messagesReceived: number;
  /** Bot replies sent. */
  replies: number;
  /** Messages waiting since the last bot activity, and for how long the oldest has waited. */
  waiting: { messages: number; oldestAgeMs: number };
}

const BOTS: readonly BotName[] = ['lead', 'buyer', 'seller'];
const ratio = (part: number, whole: number, empty = 0): number =>
  whole > 0 ? part / whole : empty;

function tier(sums: Map<string, number>, name: 'l1' | 'l2'): CacheTierSummary {
  const hits = sums.get(`cache:${name}:hit`) ?? 0;
  const misses = sums.get(`cache:${name}:miss`) ?? 0;
  return { hits, misses, hitRate: ratio(hits, hits + misses) };
}

function prefixed(sums: Map<string, number>, prefix: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [name, value] of sums)
    if (name.startsWith(prefix)) result[name.slice(prefix.length)] = value;
  return result;
}

/** Builds the dashboard snapshot of one scope over the trailing window. */
export function buildSnapshot(
  scope: MetricsScope,
  now: number,
  windowMs: number,
): Omit<BotMetricsSnapshot, 'tenantId'> {
  const sums = scope.counters.sums(now, windowMs);
  const count = (name: string): number => sums.get(name) ?? 0;
  const bots = Object.fromEntries(
    BOTS.map((bot) => {
      const latency = scope.latency(bot, now, windowMs);
      const interactions = count(`turns:${bot}`);
      const errors = count(`turn_errors:${bot}`);
      return [
        bot,
        {
          interactions,
          errors,
          errorRate: ratio(errors, interactions),
          p50DurationMs: latency.p50,
          p95DurationMs: latency.p95,
          meanDurationMs: latency.mean,
        },
      ];
    }),
  ) as Record<BotName, BotInteractionSummary>;
  const blockedByReason = prefixed(sums, 'handoff_blocked:');
  const completed = count('handoffs_completed');
  const failed = count('handoff_turn_failures');
  const l1 = tier(sums, 'l1');
  const l2 = tier(sums, 'l2');
  const reads = l1.hits + l1.misses > 0 ? l1.hits + l1.misses : l2.hits + l2.misses;
  const waiting = scope.waiting(now);
  return {
    at: now,
    windowMs,
    bots,
    handoffs: {
      attempts: completed + failed,
      completed,
      failed,
      blocked: Object.values(blockedByReason).reduce((sum, value) => sum + value, 0),
      blockedByReason,
      successRate: ratio(completed, completed + failed, 1),
      p95DurationMs: scope.latency('handoff', now, windowMs).p95,
    },
    cache: { l1, l2, reads, hitRate: Math.min(1, ratio(l1.hits + l2.hits, reads)) },
    errorsByCode: prefixed(sums, 'error:'),
    rateLimitHits: prefixed(sums, 'rate_limit:'),
    llm: {
      calls: count('llm:calls'),
      errors: count('llm:errors'),
      costUsd: count('llm:cost_usd'),
      unknownCostCalls: count('llm:unknown_cost'),
      inputTokens: count('llm:input_tokens'),
      outputTokens: count('llm:output_tokens'),
      cacheReadTokens: count('llm:cache_read_tokens'),
      cacheWriteTokens: count('llm:cache_write_tokens'),
    },
    crm: { delivered: count('crm:delivered'), failed: count('crm:failed') },
    messagesReceived: count('messages'),
    replies: count('replies'),
    waiting: { messages: waiting.messages, oldestAgeMs: waiting.ageMs },
  };
}
