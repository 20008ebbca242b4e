/**
 * LLM spend per clock hour, from the `llm.called` events of this process (the cost guard keeps only the
 * trailing hour). Kept for the last 24 hours.
 */
import type { Clock, EventBus } from '@enterprisehub/core';

const HOUR_MS = 3_600_000;
const KEEP_HOURS = 24;

/** Hourly LLM spend. */
export interface CostHistory {
  /** Spend per hour (start of the hour, epoch ms), oldest first, the last 24 hours including empty ones. */
  perHour(): { hour: number; usd: number }[];
  /** Stops listening. */
  close(): void;
}

/** Subscribes to `llm.called` and sums `costUsd` per clock hour. */
export function createCostHistory(options: { events: EventBus; clock: Clock }): CostHistory {
  const buckets = new Map<number, number>();
  const unsubscribe = options.events.on('llm.called', (event) => {
    if (event.costUsd === undefined) return;
    const hour = Math.floor(event.at / HOUR_MS) * HOUR_MS;
    buckets.set(hour, (buckets.get(hour) ?? 0) + event.costUsd);
    const oldest = hour - KEEP_HOURS * HOUR_MS;
    for (const key of buckets.keys()) if (key <= oldest) buckets.delete(key);
  });
  return {
    perHour: () => {
      const current = Math.floor(options.clock.now() / HOUR_MS) * HOUR_MS;
      return Array.from({ length: KEEP_HOURS }, (_, index) => {
        const hour = current - (KEEP_HOURS - 1 - index) * HOUR_MS;
        return { hour, usd: Math.round((buckets.get(hour) ?? 0) * 1e6) / 1e6 };
      });
    },
    close: () => unsubscribe(),
  };
}
