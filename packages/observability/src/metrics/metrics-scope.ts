import type { EventMap } from '@enterprisehub/core';
import { SketchWindow, statsFromBuckets } from '../performance/sketch-window';
import type { PerformanceStats } from '../performance/performance-types';
import { CounterWindow } from './counter-window';

/** Bucket layout shared by every scope of a collector. */
export interface ScopeLayout {
  /** Bucket width, ms. */
  bucketMs: number;
  /** Longest window that can be queried, ms. */
  retentionMs: number;
}

/**
 * Everything the collector keeps for one scope (the deployment, or one tenant): named counters,
 * per-bot and handoff latency sketches in time buckets, and the "message waiting" state behind
 * `bot.last_response_age_ms`.
 */
export class MetricsScope {
  readonly counters: CounterWindow;
  readonly #layout: ScopeLayout;
  readonly #latency = new Map<string, SketchWindow>();
  #lastActivityAt = Number.NEGATIVE_INFINITY;
  #firstWaitingAt: number | undefined;
  #waiting = 0;

  /** Creates an empty scope. */
  constructor(layout: ScopeLayout) {
    this.#layout = layout;
    this.counters = new CounterWindow(layout.bucketMs, this.#slots());
  }

  /** Adds a duration to the latency series `name` (a bot name, or `handoff`). */
  addLatency(name: string, sample: { at: number; durationMs: number; success: boolean }): void {
    let window = this.#latency.get(name);
    if (!window) {
      window = new SketchWindow(this.#layout.bucketMs, this.#slots());
      this.#latency.set(name, window);
    }
    window.record(sample.at, sample.durationMs, sample.success);
  }

  /** Latency statistics of series `name` over the trailing window. */
  latency(name: string, now: number, windowMs: number): PerformanceStats {
    const window = this.#latency.get(name);
    // Exclude the partial oldest bucket, like the counters do.
    return statsFromBuckets(window ? window.bucketsIn(now, windowMs - this.#layout.bucketMs) : []);
  }

  /** An inbound message arrived: it waits until the bots next show activity. */
  messageReceived(at: number): void {
    if (at < this.#lastActivityAt) return;
    this.#firstWaitingAt ??= at;
    this.#waiting += 1;
  }

  /** The bots handled something (reply, finished turn, deliberate deferral or block). */
  activity(at: number): void {
    if (at < this.#lastActivityAt) return;
    this.#lastActivityAt = at;
    this.#firstWaitingAt = undefined;
    this.#waiting = 0;
  }

  /** How long the oldest message received since the last bot activity has waited, and how many wait. */
  waiting(now: number): { ageMs: number; messages: number } {
    return this.#firstWaitingAt === undefined
      ? { ageMs: 0, messages: 0 }
      : { ageMs: Math.max(0, now - this.#firstWaitingAt), messages: this.#waiting };
  }

  #slots(): number {
    return Math.ceil(this.#layout.retentionMs / this.#layout.bucketMs) + 1;
  }
}

/** Applies one bus event to a scope (shared by the deployment scope and the tenant scope). */
export function applyEvent<K extends keyof EventMap>(
  scope: MetricsScope,
  name: K,
  payload: EventMap[K],
): void {
  const event = { name, payload } as EventOf;
  const { counters } = scope;
  const at = payload.at;
  switch (event.name) {
    case 'bot.turn.completed': {
      const { bot, operation, durationMs, success } = event.payload;
      scope.activity(at);
      if (operation === 'handoff') {
        counters.add(at, 'handoff_turns');
        if (!success) counters.add(at, 'handoff_turn_failures');
        return;
      }
      counters.add(at, `turns:${bot}`);
      if (!success) counters.add(at, `turn_errors:${bot}`);
      scope.addLatency(bot, { at, durationMs, success });
      return;
    }
    case 'bot.replied':
      counters.add(at, 'replies');
      scope.activity(at);
      return;
    case 'message.received':
      counters.add(at, 'messages');
      scope.messageReceived(at);
      return;
    case 'compliance.deferred':
    case 'compliance.blocked':
      scope.activity(at);
      return;
    case 'handoff.completed':
      counters.add(at, 'handoffs_completed');
      scope.addLatency('handoff', { at, durationMs: event.payload.durationMs, success: true });
      return;
    case 'handoff.blocked':
      counters.add(at, `handoff_blocked:${event.payload.reason}`);
      return;
    case 'cache.accessed':
      counters.add(at, `cache:${event.payload.tier}:${event.payload.hit ? 'hit' : 'miss'}`);
      return;
    case 'error.raised':
      counters.add(at, `error:${event.payload.code}`);
      return;
    case 'rate_limit.hit':
      counters.add(at, `rate_limit:${event.payload.source}`);
      return;
    case 'crm.action.delivered':
      counters.add(at, 'crm:delivered');
      return;
    case 'crm.action.failed':
      counters.add(at, 'crm:failed');
      return;
    case 'llm.called': {
      const { usage, costUsd, outcome } = event.payload;
      counters.add(at, 'llm:calls');
      if (outcome === 'error') counters.add(at, 'llm:errors');
      if (costUsd === undefined) counters.add(at, 'llm:unknown_cost');
      else counters.add(at, 'llm:cost_usd', costUsd);
      counters.add(at, 'llm:input_tokens', usage.inputTokens);
      counters.add(at, 'llm:output_tokens', usage.outputTokens);
      counters.add(at, 'llm:cache_read_tokens', usage.cacheReadTokens);
      counters.add(
        at,
        'llm:cache_write_tokens',
        usage.cacheWrite5mTokens + usage.cacheWrite1hTokens,
      );
      return;
    }
    default:
      return;
  }
}

/** The events the collector listens to. */
export const COLLECTED_EVENTS = [
  'bot.turn.completed',
  'bot.replied',
  'message.received',
  'compliance.deferred',
  'compliance.blocked',
  'handoff.completed',
  'handoff.blocked',
  'cache.accessed',
  'error.raised',
  'rate_limit.hit',
  'crm.action.delivered',
  'crm.action.failed',
  'llm.called',
] as const satisfies readonly (keyof EventMap)[];

type EventOf = {
  [K in (typeof COLLECTED_EVENTS)[number]]: { name: K; payload: EventMap[K] };
}[(typeof COLLECTED_EVENTS)[number]];
