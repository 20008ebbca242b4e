/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import {
  alertRecordSchema,
  metricSampleSchema,
  type AlertRecord,
  type MetricSample,
} from '../domain/metric-sample';
import type { AlertQuery, MetricSampleQuery, MetricsRepository } from '../ports/metrics-repository';
import type { TenantScoped } from '../ports/tenant-scoped';
import { TenantMap, copy, parseOrThrow, throwIfAborted } from './memory-support';

/** Options for {@link createMemoryMetricsRepository}. */
export interface MemoryMetricsRepositoryOptions {
  /** Samples kept per tenant; the oldest are dropped beyond it. Default 100,000. */
  maxSamplesPerTenant?: number;
}

/** In-memory {@link MetricsRepository}. */
export class MemoryMetricsRepository implements MetricsRepository {
  private readonly samples = new Map<string, MetricSample[]>();
  private readonly alerts = new TenantMap<AlertRecord>();
  private readonly maxSamples: number;

  /** Creates an empty repository. */
  constructor(options: MemoryMetricsRepositoryOptions = {}) {
    this.maxSamples = options.maxSamplesPerTenant ?? 100_000;
  }

  /** {@inheritDoc MetricsRepository.appendSamples} */
  async appendSamples(options: TenantScoped & { samples: MetricSample[] }): Promise<void> {
    throwIfAborted(options.signal);
    const parsed = options.samples.map((sample) => parseOrThrow(metricSampleSchema, sample));
    const list = this.samples.get(options.tenantId) ?? [];
    list.push(...parsed);
    if (list.length > this.maxSamples) list.splice(0, list.length - this.maxSamples);
    this.samples.set(options.tenantId, list);
  }

  /** {@inheritDoc MetricsRepository.querySamples} */
  async querySamples(options: MetricSampleQuery): Promise<MetricSample[]> {
    throwIfAborted(options.signal);
    const { from, to, labels } = options;
    const matches = (this.samples.get(options.tenantId) ?? [])
      .filter((sample) => sample.name === options.name)
      .filter((sample) => from === undefined || sample.at >= from)
      .filter((sample) => to === undefined || sample.at < to)
      .filter(
        (sample) =>
          !labels || Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      )
      .sort((a, b) => a.at - b.at);
    const limit = options.limit ?? 10_000;
    return matches.slice(Math.max(0, matches.length - limit)).map(copy);
  }

  /** {@inheritDoc MetricsRepository.pruneSamples} */
  async pruneSamples(options: TenantScoped & { before: number }): Promise<number> {
    throwIfAborted(options.signal);
    const list = this.samples.get(options.tenantId) ?? [];
    const kept = list.filter((sample) => sample.at >= options.before);
    this.samples.set(options.tenantId, kept);
    return list.length - kept.length;
  }

  /** {@inheritDoc MetricsRepository.saveAlert} */
  async saveAlert(options: TenantScoped & { alert: AlertRecord }): Promise<void> {
    throwIfAborted(options.signal);
    const alert = parseOrThrow(alertRecordSchema, options.alert);
    this.alerts.set(options.tenantId, alert.id, alert);
  }

  /** {@inheritDoc MetricsRepository.listAlerts} */
  async listAlerts(options: AlertQuery): Promise<AlertRecord[]> {
    throwIfAborted(options.signal);
    const { from } = options;
    return [...this.alerts.partition(options.tenantId).values()]
      .filter((alert) => options.status === undefined || alert.status === options.status)
      .filter((alert) => options.ruleId === undefined || alert.ruleId === options.ruleId)
      .filter((alert) => from === undefined || alert.firedAt >= from)
      .sort((a, b) => b.firedAt - a.firedAt)
      .slice(0, options.limit ?? 100)
      .map(copy);
  }
}

/**
 * Creates an in-memory metrics repository.
 *
 * @example
 * ```ts
 * const metrics = createMemoryMetricsRepository();
 * await metrics.appendSamples({ tenantId: GLOBAL_TENANT_ID, samples: [{ name: 'error_rate', value: 0.01, at, labels: {} }] });
 * ```
 */
export function createMemoryMetricsRepository(
  options: MemoryMetricsRepositoryOptions = {},
): MemoryMetricsRepository {
  return new MemoryMetricsRepository(options);
}
