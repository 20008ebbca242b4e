import {
  GLOBAL_TENANT_ID,
  systemClock,
  type Clock,
  type EventBus,
  type EventMap,
} from '@enterprisehub/core';
import type { PerformanceTracker } from '../performance/performance-tracker-types';
import type { AlertFeed } from './alert-feed';
import { buildAlertFeed } from './build-alert-feed';
import { buildSnapshot, type BotMetricsSnapshot } from './bot-metrics-snapshot';
import { applyEvent, COLLECTED_EVENTS, MetricsScope, type ScopeLayout } from './metrics-scope';

/** Options for {@link createBotMetricsCollector}. */
export interface BotMetricsCollectorOptions {
  /** The core event bus the bots, caches, GHL client and LLM tracing emit on. */
  events: EventBus;
  /** Tracker fed with every bot turn (per operation) and handoff execution, for SLA checks. */
  tracker?: PerformanceTracker;
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
  /** Bucket width, ms; windows are exact to one bucket. @defaultValue 10000 */
  bucketMs?: number;
  /** Longest window kept, ms. @defaultValue 3600000 (1 h) */
  retentionMs?: number;
  /** Keep per-tenant figures besides the deployment-wide ones. @defaultValue true */
  perTenant?: boolean;
}

/** Window selection for snapshots and alert feeds. */
export interface CollectorQuery {
  /** Only this tenant; omitted = the whole deployment. */
  tenantId?: string;
  /** Trailing window, ms. @defaultValue 300000 (5 min) for feeds, 3600000 (1 h) for snapshots */
  windowMs?: number;
}

/** Options for {@link BotMetricsCollector.feedToAlerting}. */
export interface AlertFeedQuery extends CollectorQuery {
  /** Window for response-time percentiles, ms. @defaultValue 3600000 (1 h, like the SLA) */
  latencyWindowMs?: number;
  /** Window for blocked-handoff counts, ms. @defaultValue 3600000 (1 h) */
  countWindowMs?: number;
}

/** Collects bot, handoff, cache, error, rate-limit and LLM metrics from the event bus. */
export interface BotMetricsCollector {
  /** Dashboard figures for a window. */
  snapshot(query?: CollectorQuery): BotMetricsSnapshot;
  /** Exactly the seven alerting metrics with their sample counts (plus supplementary signals). */
  feedToAlerting(query?: AlertFeedQuery): AlertFeed;
  /** One feed per tenant seen in the retention window, for per-tenant alerting. */
  tenantFeeds(query?: Omit<AlertFeedQuery, 'tenantId'>): AlertFeed[];
  /** Unsubscribes from the bus. */
  close(): void;
}

const HOUR_MS = 3_600_000;
const isTenant = (tenantId: string | undefined): tenantId is string =>
  tenantId !== undefined && tenantId !== GLOBAL_TENANT_ID;
const FIVE_MINUTES_MS = 300_000;

/**
 * Creates the bot metrics collector. It subscribes to the core event bus — bots never import this
 * package — and keeps time-bucketed counters and latency sketches for the deployment and per tenant.
 * `feedToAlerting()` is the alert engine's source.
 *
 * Handoff contract: `handoff.completed` counts a successful execution; a `bot.turn.completed` with
 * operation `handoff` and `success: false` counts a failed one; `handoff.blocked` is a guardrail
 * refusal, never a failure.
 *
 * @example
 * ```ts
 * const collector = createBotMetricsCollector({ events: bus, tracker });
 * const engine = createAlertEngine({ clock, channels, source: () => collector.feedToAlerting() });
 * ```
 */
export function createBotMetricsCollector(
  options: BotMetricsCollectorOptions,
): BotMetricsCollector {
  const clock = options.clock ?? systemClock;
  const layout: ScopeLayout = {
    bucketMs: options.bucketMs ?? 10_000,
    retentionMs: options.retentionMs ?? HOUR_MS,
  };
  const perTenant = options.perTenant ?? true;
  const deployment = new MetricsScope(layout);
  const tenants = new Map<string, { scope: MetricsScope; lastSeenAt: number }>();
  const clamp = (windowMs: number): number =>
    Math.min(Math.max(layout.bucketMs, windowMs), layout.retentionMs);

  const scopeFor = (tenantId: string, at: number): MetricsScope => {
    let entry = tenants.get(tenantId);
    if (!entry) {
      entry = { scope: new MetricsScope(layout), lastSeenAt: at };
      tenants.set(tenantId, entry);
    }
    entry.lastSeenAt = Math.max(entry.lastSeenAt, at);
    return entry.scope;
  };

  const feedTracker = <K extends keyof EventMap>(name: K, payload: EventMap[K]): void => {
    if (!options.tracker) return;
    const tenant = payload.tenantId === GLOBAL_TENANT_ID ? {} : { tenantId: payload.tenantId };
    if (name === 'bot.turn.completed') {
      const turn = payload as EventMap['bot.turn.completed'];
      options.tracker.record({
        ...tenant,
        bot: turn.bot,
        operation: turn.operation,
        durationMs: turn.durationMs,
        success: turn.success,
        at: turn.at,
      });
    } else if (name === 'handoff.completed') {
      const handoff = payload as EventMap['handoff.completed'];
      options.tracker.record({
        ...tenant,
        bot: 'handoff',
        operation: 'execute',
        durationMs: handoff.durationMs,
        success: true,
        at: handoff.at,
      });
    }
  };

  const unsubscribers = COLLECTED_EVENTS.map((name) =>
    options.events.on(name, (payload: EventMap[typeof name]) => {
      applyEvent(deployment, name, payload);
      if (perTenant && payload.tenantId !== GLOBAL_TENANT_ID)
        applyEvent(scopeFor(payload.tenantId, payload.at), name, payload);
      feedTracker(name, payload);
    }),
  );

  const scopeOf = (tenantId: string | undefined): MetricsScope | undefined =>
    isTenant(tenantId) ? tenants.get(tenantId)?.scope : deployment;

  const feed = (query: AlertFeedQuery = {}): AlertFeed => {
    const scope = scopeOf(query.tenantId) ?? new MetricsScope(layout);
    const built = buildAlertFeed(scope, clock.now(), {
      windowMs: clamp(query.windowMs ?? FIVE_MINUTES_MS),
      latencyWindowMs: clamp(query.latencyWindowMs ?? HOUR_MS),
      countWindowMs: clamp(query.countWindowMs ?? HOUR_MS),
    });
    return isTenant(query.tenantId) ? { ...built, tenantId: query.tenantId } : built;
  };

  return {
    snapshot(query = {}) {
      const scope = scopeOf(query.tenantId) ?? new MetricsScope(layout);
      const snapshot = buildSnapshot(scope, clock.now(), clamp(query.windowMs ?? HOUR_MS));
      return isTenant(query.tenantId) ? { ...snapshot, tenantId: query.tenantId } : snapshot;
    },
    feedToAlerting: feed,
    tenantFeeds(query = {}) {
      const now = clock.now();
      for (const [tenantId, entry] of tenants)
        if (entry.lastSeenAt < now - layout.retentionMs) tenants.delete(tenantId);
      return [...tenants.keys()].sort().map((tenantId) => feed({ ...query, tenantId }));
    },
    close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
