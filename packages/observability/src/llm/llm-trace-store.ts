import { systemClock, type Clock } from '@enterprisehub/core';
import { TRACKER_WINDOW_MS, type TrackerWindow } from '../performance/performance-types';
import type { LlmTrace } from './llm-trace';
import {
  addTrace,
  emptyTotals,
  mergeTotals,
  valueOf,
  type LlmTotals,
  type LlmTotalsDimension,
} from './llm-totals';

/** Options for {@link LlmTraceStore.totals}. */
export interface LlmTotalsQuery {
  /** Window: 1h, 24h or 7d (hour buckets, rounded out to whole hours). */
  window: TrackerWindow;
  /** Grouping. */
  by: LlmTotalsDimension;
  /** Only this tenant's calls. */
  tenantId?: string;
}

/** Overall LLM figures for a window. */
export interface LlmSummary extends Omit<LlmTotals, 'key'> {
  /** Share of input tokens served from the prompt cache (0–1). */
  cacheHitRate: number;
  /** Mean spend per priced call, USD. */
  averageCostUsd: number;
  /** Calls per minute over the window. */
  callsPerMinute: number;
}

/** Keeps recent traces and hour-bucketed totals per tenant, bot, contact, conversation and model. */
export interface LlmTraceStore {
  /** Adds one trace. */
  add(trace: LlmTrace): void;
  /** Most recent traces, newest first. */
  recent(options?: { tenantId?: string; limit?: number }): LlmTrace[];
  /** Totals grouped by a dimension, highest spend first. */
  totals(query: LlmTotalsQuery): LlmTotals[];
  /** One summary for the window (all tenants or one). */
  summary(options: { window: TrackerWindow; tenantId?: string }): LlmSummary;
}

/** Options for {@link createLlmTraceStore}. */
export interface LlmTraceStoreOptions {
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
  /** Recent traces kept for `recent()`. @defaultValue 1000 */
  maxRecent?: number;
}

const HOUR_MS = 3_600_000;
const DIMENSIONS: readonly LlmTotalsDimension[] = [
  'tenant',
  'bot',
  'contact',
  'conversation',
  'model',
];

/**
 * Creates an in-memory LLM trace store: a bounded list of recent traces and, per hour, running
 * totals per tenant, bot, contact, conversation and model, kept for 7 days — so "what did tenant X
 * spend on the buyer bot this week" costs a few map look-ups, not a scan of every trace.
 *
 * @example
 * ```ts
 * const store = createLlmTraceStore();
 * const llm = withLlmTracing(anthropic, { store });
 * store.totals({ window: '24h', by: 'model' }); // [{ key: 'claude-sonnet-4-5', costUsd: 3.12, … }]
 * ```
 */
export function createLlmTraceStore(options: LlmTraceStoreOptions = {}): LlmTraceStore {
  const clock = options.clock ?? systemClock;
  const maxRecent = Math.max(1, options.maxRecent ?? 1000);
  const recent: LlmTrace[] = [];
  // hour index → "dimension\0tenant\0value" → totals
  const buckets = new Map<number, Map<string, LlmTotals>>();

  const prune = (now: number): void => {
    const oldest = Math.floor((now - TRACKER_WINDOW_MS['7d']) / HOUR_MS);
    for (const hour of buckets.keys()) if (hour < oldest) buckets.delete(hour);
  };

  const bucketsIn = (window: TrackerWindow): Map<string, LlmTotals>[] => {
    const now = clock.now();
    const first = Math.floor((now - TRACKER_WINDOW_MS[window]) / HOUR_MS);
    return [...buckets].filter(([hour]) => hour >= first).map(([, bucket]) => bucket);
  };

  const totals = (query: LlmTotalsQuery): LlmTotals[] => {
    const merged = new Map<string, LlmTotals>();
    const prefix = `${query.by}\u0000`;
    for (const bucket of bucketsIn(query.window)) {
      for (const [key, value] of bucket) {
        if (!key.startsWith(prefix)) continue;
        const [, tenantId] = key.split('\u0000');
        if (query.tenantId !== undefined && tenantId !== query.tenantId) continue;
        const group = merged.get(value.key) ?? emptyTotals(value.key);
        mergeTotals(group, value);
        merged.set(value.key, group);
      }
    }
    return [...merged.values()].sort(
      (left, right) => right.costUsd - left.costUsd || right.calls - left.calls,
    );
  };

  return {
    add(trace) {
      recent.push(trace);
      if (recent.length > maxRecent) recent.splice(0, recent.length - maxRecent);
      const hour = Math.floor(trace.startedAt / HOUR_MS);
      let bucket = buckets.get(hour);
      if (!bucket) {
        prune(clock.now());
        bucket = new Map();
        buckets.set(hour, bucket);
      }
      for (const by of DIMENSIONS) {
        const value = valueOf(trace, by);
        const key = `${by}\u0000${trace.tenantId}\u0000${value}`;
        let group = bucket.get(key);
        if (!group) {
          group = emptyTotals(value);
          bucket.set(key, group);
        }
        addTrace(group, trace);
      }
    },
    recent(recentOptions = {}) {
      const matching =
        recentOptions.tenantId === undefined
          ? recent
          : recent.filter((trace) => trace.tenantId === recentOptions.tenantId);
      return matching.slice(-(recentOptions.limit ?? 100)).reverse();
    },
    totals,
    summary({ window, tenantId }) {
      const overall = emptyTotals('');
      for (const group of totals({
        window,
        by: 'tenant',
        ...(tenantId === undefined ? {} : { tenantId }),
      }))
        mergeTotals(overall, group);
      const input = overall.inputTokens + overall.cacheReadTokens + overall.cacheWriteTokens;
      const priced = overall.calls - overall.unknownCostCalls;
      return {
        calls: overall.calls,
        errors: overall.errors,
        costUsd: overall.costUsd,
        unknownCostCalls: overall.unknownCostCalls,
        inputTokens: overall.inputTokens,
        outputTokens: overall.outputTokens,
        cacheReadTokens: overall.cacheReadTokens,
        cacheWriteTokens: overall.cacheWriteTokens,
        latencyMsTotal: overall.latencyMsTotal,
        cacheHitRate: input === 0 ? 0 : overall.cacheReadTokens / input,
        averageCostUsd: priced === 0 ? 0 : overall.costUsd / priced,
        callsPerMinute: overall.calls / (TRACKER_WINDOW_MS[window] / 60_000),
      };
    },
  };
}
