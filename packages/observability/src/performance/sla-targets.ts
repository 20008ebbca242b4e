import type { TrackedComponent, TrackedOperation } from './performance-types';

/** Latency targets for one bot/operation, in milliseconds. */
export interface SlaTarget {
  /** Bot (or `handoff` service) the target applies to. */
  bot: TrackedComponent;
  /** Operation the target applies to. */
  operation: TrackedOperation;
  /** Median target. */
  p50Ms: number;
  /** 95th-percentile target. */
  p95Ms: number;
  /** 99th-percentile target. */
  p99Ms: number;
}

/** The seed SLA table (Phase 4 audit spec): P50 / P95 / P99 targets per bot and operation. */
export const DEFAULT_SLA_TARGETS: readonly SlaTarget[] = Object.freeze([
  { bot: 'lead', operation: 'full_qualification', p50Ms: 500, p95Ms: 2000, p99Ms: 3000 },
  { bot: 'lead', operation: 'process', p50Ms: 300, p95Ms: 1500, p99Ms: 2000 },
  { bot: 'lead', operation: 'handoff', p50Ms: 100, p95Ms: 500, p99Ms: 800 },
  { bot: 'buyer', operation: 'full_qualification', p50Ms: 800, p95Ms: 2500, p99Ms: 3500 },
  { bot: 'buyer', operation: 'process', p50Ms: 400, p95Ms: 1800, p99Ms: 2500 },
  { bot: 'buyer', operation: 'handoff', p50Ms: 100, p95Ms: 500, p99Ms: 800 },
  { bot: 'seller', operation: 'full_qualification', p50Ms: 700, p95Ms: 2500, p99Ms: 3500 },
  { bot: 'seller', operation: 'process', p50Ms: 400, p95Ms: 1800, p99Ms: 2500 },
  { bot: 'seller', operation: 'handoff', p50Ms: 100, p95Ms: 500, p99Ms: 800 },
  { bot: 'handoff', operation: 'execute', p50Ms: 100, p95Ms: 500, p99Ms: 800 },
]);

/**
 * SLA targets: one table for every tenant, or a function choosing the table per tenant
 * (`undefined` = the deployment as a whole).
 */
export type SlaTargetsOption =
  readonly SlaTarget[] | ((tenantId: string | undefined) => readonly SlaTarget[]);

/** Outcome of checking one bot/operation against its SLA target. */
export interface SlaComplianceEntry {
  /** Bot (or `handoff` service). */
  bot: TrackedComponent;
  /** Operation. */
  operation: TrackedOperation;
  /** `ok` within every target, `violated` above at least one, `no_data` when nothing was recorded. */
  status: 'ok' | 'violated' | 'no_data';
  /** Convenience flag: true unless `status` is `violated`. */
  compliant: boolean;
  /** The target checked. */
  target: { p50Ms: number; p95Ms: number; p99Ms: number };
  /** Observed percentiles and sample count in the window. */
  actual: { p50Ms: number; p95Ms: number; p99Ms: number; count: number };
  /** One sentence per exceeded percentile, e.g. `P95 2300 ms exceeds target 2000 ms`. */
  violations: string[];
}

/** Checks observed percentiles against a target. */
export function checkSla(
  target: SlaTarget,
  actual: { p50: number; p95: number; p99: number; count: number },
): SlaComplianceEntry {
  const violations: string[] = [];
  if (actual.count > 0) {
    const pairs: [string, number, number][] = [
      ['P50', actual.p50, target.p50Ms],
      ['P95', actual.p95, target.p95Ms],
      ['P99', actual.p99, target.p99Ms],
    ];
    for (const [label, observed, limit] of pairs) {
      if (observed > limit) {
        violations.push(`${label} ${Math.round(observed)} ms exceeds target ${limit} ms`);
      }
    }
  }
  const status = actual.count === 0 ? 'no_data' : violations.length > 0 ? 'violated' : 'ok';
  return {
    bot: target.bot,
    operation: target.operation,
    status,
    compliant: status !== 'violated',
    target: { p50Ms: target.p50Ms, p95Ms: target.p95Ms, p99Ms: target.p99Ms },
    actual: { p50Ms: actual.p50, p95Ms: actual.p95, p99Ms: actual.p99, count: actual.count },
    violations,
  };
}
