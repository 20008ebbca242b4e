import type { AlertRecord, MetricSample } from '../domain/metric-sample';
import type { TenantScoped } from './tenant-scoped';

/** Filters for {@link MetricsRepository.querySamples}. */
export interface MetricSampleQuery extends TenantScoped {
  /** Metric name. */
  name: string;
  /** Samples at or after this time, epoch ms. */
  from?: number;
  /** Samples strictly before this time, epoch ms. */
  to?: number;
  /** Only samples whose labels include all of these. */
  labels?: Record<string, string>;
  /** Maximum results (newest kept when cut); default 10,000. */
  limit?: number;
}

/** Filters for {@link MetricsRepository.listAlerts}. */
export interface AlertQuery extends TenantScoped {
  /** Only alerts in this status. */
  status?: AlertRecord['status'];
  /** Only alerts of this rule. */
  ruleId?: string;
  /** Alerts fired at or after this time, epoch ms. */
  from?: number;
  /** Maximum results; default 100. Newest first. */
  limit?: number;
}

/**
 * Port: write-through persistence for performance trackers and alert history.
 * Deployment-wide records use the tenant id `GLOBAL_TENANT_ID`.
 */
export interface MetricsRepository {
  /** Appends samples. */
  appendSamples(options: TenantScoped & { samples: MetricSample[] }): Promise<void>;
  /** Samples of one metric, ordered by `at` ascending. */
  querySamples(options: MetricSampleQuery): Promise<MetricSample[]>;
  /** Deletes samples strictly older than `before` (epoch ms); returns how many were deleted. */
  pruneSamples(options: TenantScoped & { before: number }): Promise<number>;
  /** Inserts or replaces an alert record by `alert.id`. */
  saveAlert(options: TenantScoped & { alert: AlertRecord }): Promise<void>;
  /** Alert records matching the filters, newest `firedAt` first. */
  listAlerts(options: AlertQuery): Promise<AlertRecord[]>;
}
