/**
 * `GET /health/bots`: per-bot SLA compliance (P50/P95/P99 against ARCHITECTURE.md's table) and last activity.
 *
 * A process that runs the bots (role `worker` or `all`) answers from its live tracker. A `web` process in
 * production never runs a turn itself, so it rebuilds a tracker from the samples every worker persists to the
 * metrics repository (write-behind, a few seconds behind) and caches that view briefly.
 */
import {
  BOT_NAMES,
  GLOBAL_TENANT_ID,
  type Clock,
  type MetricsRepository,
  type TenantRegistry,
} from '@enterprisehub/core';
import {
  PERFORMANCE_SAMPLE_NAME,
  createPerformanceTracker,
  type PerformanceTracker,
  type SlaComplianceEntry,
} from '@enterprisehub/observability';

/** One bot in the `/health/bots` answer. */
export interface BotHealthEntry {
  bot: string;
  /** `ok` when every operation with data meets its target, `violated` otherwise, `no_data` without samples. */
  status: 'ok' | 'violated' | 'no_data';
  /** Latest recorded turn, ISO time, or null. */
  lastActivityAt: string | null;
  operations: SlaComplianceEntry[];
}

/** The `/health/bots` answer. */
export interface BotHealthReport {
  window: '1h';
  /** `live` (this process's tracker) or `repository` (rebuilt from persisted samples). */
  source: 'live' | 'repository';
  bots: BotHealthEntry[];
  /** SLA rows for components that are not bots (the handoff service). */
  other: SlaComplianceEntry[];
}

/** Options of {@link createBotHealth}. */
export interface BotHealthOptions {
  tracker: PerformanceTracker;
  repository: MetricsRepository;
  tenants: TenantRegistry;
  clock: Clock;
  /** Read persisted samples instead of the live tracker (web processes in production). */
  fromRepository: boolean;
  /** How long a view is reused, ms. @defaultValue 10000 from the repository, 1000 live */
  cacheMs?: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Creates the `/health/bots` reader. */
export function createBotHealth(options: BotHealthOptions): () => Promise<BotHealthReport> {
  const cacheMs = options.cacheMs ?? (options.fromRepository ? 10_000 : 1_000);
  let cached: { at: number; report: Promise<BotHealthReport> } | undefined;

  const lastActivity = async (bot: string): Promise<number | undefined> => {
    const tenantIds = [GLOBAL_TENANT_ID, ...options.tenants.list().map((tenant) => tenant.id)];
    const latest = await Promise.all(
      tenantIds.map(async (tenantId) => {
        const samples = await options.repository.querySamples({
          tenantId,
          name: PERFORMANCE_SAMPLE_NAME,
          labels: { bot },
          from: options.clock.now() - WEEK_MS,
          limit: 1,
        });
        return samples.at(-1)?.at;
      }),
    );
    const times = latest.filter((at): at is number => typeof at === 'number');
    return times.length > 0 ? Math.max(...times) : undefined;
  };

  const build = async (): Promise<BotHealthReport> => {
    let tracker = options.tracker;
    if (options.fromRepository) {
      tracker = createPerformanceTracker({ clock: options.clock, repository: options.repository });
      await tracker.restore({ tenantIds: options.tenants.list().map((tenant) => tenant.id) });
    }
    const entries = tracker.slaCompliance({ window: '1h' });
    const bots = await Promise.all(
      BOT_NAMES.map(async (bot): Promise<BotHealthEntry> => {
        const operations = entries.filter((entry) => entry.bot === bot);
        const withData = operations.filter((entry) => entry.status !== 'no_data');
        const status =
          withData.length === 0
            ? 'no_data'
            : withData.every((entry) => entry.compliant)
              ? 'ok'
              : 'violated';
        const at = await lastActivity(bot);
        return {
          bot,
          status,
          lastActivityAt: at === undefined ? null : new Date(at).toISOString(),
          operations,
        };
      }),
    );
    if (options.fromRepository) await tracker.close();
    return {
      window: '1h',
      source: options.fromRepository ? 'repository' : 'live',
      bots,
      other: entries.filter((entry) => !(BOT_NAMES as readonly string[]).includes(entry.bot)),
    };
  };

  return () => {
    const now = options.clock.now();
    if (!cached || now - cached.at > cacheMs) {
      const report = build();
      cached = { at: now, report };
      report.catch(() => {
        cached = undefined;
      });
    }
    return cached.report;
  };
}
