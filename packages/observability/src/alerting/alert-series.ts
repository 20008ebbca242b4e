import type { AlertSeverity } from '@enterprisehub/core';
import { alertFingerprint } from './alert-fingerprint';
import type { AlertOperator, AlertRule } from './alert-rule';
import type { AlertSourceSnapshot } from './alert-source';

/** One metric series a rule evaluates, with the verdict for this evaluation. */
export interface AlertSeries {
  /** Fingerprint of rule + labels. */
  fingerprint: string;
  /** Metric name as found in the source. */
  metricName: string;
  /** Rule labels, placeholder captures and `tenantId` (without `alertname`/`severity`). */
  labels: Record<string, string>;
  /** Tenant of the snapshot, if any. */
  tenantId: string | undefined;
  /** Metric value. */
  value: number;
  /** Samples behind the value. */
  samples: number;
  /** Verdict: not enough data, healthy, or breaching with a severity and the crossed threshold. */
  verdict:
    | { kind: 'unknown' }
    | { kind: 'ok' }
    | { kind: 'breach'; severity: AlertSeverity; threshold: number };
}

const compare = (operator: AlertOperator, value: number, threshold: number): boolean => {
  switch (operator) {
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    case 'eq':
      return value === threshold;
    case 'neq':
      return value !== threshold;
  }
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type PatternMatcher =
  { exact: string } | { match: (name: string) => Record<string, string> | undefined };

/** Compiled patterns by pattern text (bounded). */
const patternCache = new Map<string, PatternMatcher>();

/** Compiles a metric pattern with `{label}` placeholders into a matcher returning the captured labels. */
function compilePattern(pattern: string): PatternMatcher {
  const cached = patternCache.get(pattern);
  if (cached) return cached;
  const names: string[] = [];
  const source = pattern
    .split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)
    .map((part) => {
      if (/^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(part)) {
        names.push(part.slice(1, -1));
        return '([^.]+?)';
      }
      return escapeRegex(part);
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  const compiled: PatternMatcher =
    names.length === 0
      ? { exact: pattern }
      : {
          match: (name) => {
            const found = regex.exec(name);
            if (!found) return undefined;
            return Object.fromEntries(names.map((label, index) => [label, found[index + 1] ?? '']));
          },
        };
  if (patternCache.size >= 1000) patternCache.clear();
  patternCache.set(pattern, compiled);
  return compiled;
}

/** A source snapshot with its readings indexed by metric name. */
export interface IndexedSnapshot {
  /** Tenant of the snapshot. */
  tenantId: string | undefined;
  /** Value and sample count per metric (main and supplementary). */
  readings: Map<string, { value: number; samples: number }>;
}

/** Indexes snapshots once per evaluation, so each rule looks its metric up instead of scanning. */
export function indexSnapshots(snapshots: readonly AlertSourceSnapshot[]): IndexedSnapshot[] {
  return snapshots.map((snapshot) => {
    const readings = new Map<string, { value: number; samples: number }>();
    for (const [name, value] of Object.entries(snapshot.metrics)) {
      readings.set(name, { value, samples: snapshot.samples[name] ?? 0 });
    }
    for (const [name, value] of Object.entries(snapshot.supplementary ?? {})) {
      readings.set(name, { value, samples: snapshot.supplementarySamples?.[name] ?? 0 });
    }
    return { tenantId: snapshot.tenantId, readings };
  });
}

function verdictFor(
  rule: AlertRule,
  labels: Record<string, string>,
  reading: { value: number; samples: number },
) {
  if (!Number.isFinite(reading.value) || reading.samples < rule.minSamples)
    return { kind: 'unknown' } as const;
  const override = rule.overrides.find((candidate) =>
    Object.entries(candidate.match).every(([name, value]) => labels[name] === value),
  );
  const threshold = override ? override.threshold : rule.threshold;
  const warning = override ? override.warningThreshold : rule.warningThreshold;
  if (compare(rule.operator, reading.value, threshold)) {
    return { kind: 'breach', severity: rule.severity, threshold } as const;
  }
  if (warning !== undefined && compare(rule.operator, reading.value, warning)) {
    return { kind: 'breach', severity: 'warning', threshold: warning } as const;
  }
  return { kind: 'ok' } as const;
}

/** Options for {@link expandSeries}. */
export interface ExpandSeriesOptions {
  /** The rule to evaluate. */
  rule: AlertRule;
  /** Snapshots from the source (indexed on the fly unless `indexed` is given). */
  snapshots?: readonly AlertSourceSnapshot[];
  /** Snapshots already indexed with {@link indexSnapshots}. */
  indexed?: readonly IndexedSnapshot[];
}

/** Every series of the rule found in the snapshots, each with its verdict. */
export function expandSeries(options: ExpandSeriesOptions): AlertSeries[] {
  const { rule } = options;
  const indexed = options.indexed ?? indexSnapshots(options.snapshots ?? []);
  const pattern = compilePattern(rule.metric);
  const matches: {
    snapshot: IndexedSnapshot;
    metricName: string;
    captured: Record<string, string>;
    reading: { value: number; samples: number };
  }[] = [];
  for (const snapshot of indexed) {
    if ('exact' in pattern) {
      const reading = snapshot.readings.get(pattern.exact);
      if (reading) matches.push({ snapshot, metricName: pattern.exact, captured: {}, reading });
      continue;
    }
    for (const [metricName, reading] of snapshot.readings) {
      const captured = pattern.match(metricName);
      if (captured) matches.push({ snapshot, metricName, captured, reading });
    }
  }
  return matches.map(({ snapshot, metricName, captured, reading }) => {
    const labels: Record<string, string> = { ...rule.labels, ...captured };
    if (snapshot.tenantId !== undefined) labels['tenantId'] = snapshot.tenantId;
    return {
      fingerprint: alertFingerprint({ ruleId: rule.id, labels }),
      metricName,
      labels,
      tenantId: snapshot.tenantId,
      value: reading.value,
      samples: reading.samples,
      verdict: verdictFor(rule, labels, reading),
    };
  });
}
