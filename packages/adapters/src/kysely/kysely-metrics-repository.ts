import {
  EnterpriseHubError,
  alertRecordSchema,
  metricSampleSchema,
  toEnterpriseHubError,
  type AlertQuery,
  type AlertRecord,
  type MetricSample,
  type MetricSampleQuery,
  type MetricsRepository,
  type TenantScoped,
} from '@enterprisehub/core';
import { sql } from 'kysely';
import { storeCall } from './store-error';
import { assertScope, toMillis, type KyselyStoreContext } from './store-context';

/**
 * `MetricsRepository` on Kysely: metric samples (label filter via `jsonb @>`) and alert
 * history (filter columns plus the whole record as `jsonb`). Holds no PII.
 */
export class KyselyMetricsRepository implements MetricsRepository {
  readonly #context: KyselyStoreContext;

  /** Creates the repository over a store context (see `createKyselyStores`). */
  constructor(context: KyselyStoreContext) {
    this.#context = context;
  }

  /** Appends samples in one multi-row insert (`MetricsRepository.appendSamples`). */
  async appendSamples(options: TenantScoped & { samples: MetricSample[] }): Promise<void> {
    assertScope(this.#context, options.tenantId);
    if (options.samples.length === 0) return;
    const parsed = metricSampleSchema.array().safeParse(options.samples);
    if (!parsed.success) throw toEnterpriseHubError(parsed.error);
    await storeCall('metrics.appendSamples', () =>
      this.#context.db
        .insertInto('metric_samples')
        .values(
          parsed.data.map((sample) => ({
            tenant_id: options.tenantId,
            name: sample.name,
            at: sample.at,
            value: sample.value,
            labels: JSON.stringify(sample.labels),
          })),
        )
        .execute({ signal: options.signal }),
    );
  }

  /** Samples of one metric, oldest first, the newest `limit` kept (`MetricsRepository.querySamples`). */
  async querySamples(options: MetricSampleQuery): Promise<MetricSample[]> {
    assertScope(this.#context, options.tenantId);
    return storeCall('metrics.querySamples', async () => {
      let query = this.#context.db
        .selectFrom('metric_samples')
        .select(['name', 'at', 'value', 'labels', 'seq'])
        .where('tenant_id', '=', options.tenantId)
        .where('name', '=', options.name);
      if (options.from !== undefined) query = query.where('at', '>=', options.from);
      if (options.to !== undefined) query = query.where('at', '<', options.to);
      const labels = options.labels;
      if (labels !== undefined && Object.keys(labels).length > 0) {
        query = query.where(sql<boolean>`labels @> ${JSON.stringify(labels)}::jsonb`);
      }
      // Newest kept when cut: take the newest `limit`, then return them oldest first.
      const rows = await query
        .orderBy('at', 'desc')
        .orderBy('seq', 'desc')
        .limit(options.limit ?? 10_000)
        .execute({ signal: options.signal });
      return rows.reverse().map((row) => ({
        name: row.name,
        at: toMillis(row.at),
        value: Number(row.value),
        labels: row.labels,
      }));
    });
  }

  /** Deletes samples older than `before`; returns how many (`MetricsRepository.pruneSamples`). */
  async pruneSamples(options: TenantScoped & { before: number }): Promise<number> {
    assertScope(this.#context, options.tenantId);
    return storeCall('metrics.pruneSamples', async () => {
      const result = await this.#context.db
        .deleteFrom('metric_samples')
        .where('tenant_id', '=', options.tenantId)
        .where('at', '<', options.before)
        .executeTakeFirst({ signal: options.signal });
      return Number(result.numDeletedRows);
    });
  }

  /** Inserts or replaces an alert record by id (`MetricsRepository.saveAlert`). */
  async saveAlert(options: TenantScoped & { alert: AlertRecord }): Promise<void> {
    assertScope(this.#context, options.tenantId);
    const parsed = alertRecordSchema.safeParse(options.alert);
    if (!parsed.success) throw toEnterpriseHubError(parsed.error);
    const alert = parsed.data;
    const columns = {
      rule_id: alert.ruleId,
      status: alert.status,
      fired_at: alert.firedAt,
      data: JSON.stringify(alert),
    };
    await storeCall('metrics.saveAlert', () =>
      this.#context.db
        .insertInto('alerts')
        .values({ ...columns, tenant_id: options.tenantId, alert_id: alert.id })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'alert_id']).doUpdateSet(columns))
        .execute({ signal: options.signal }),
    );
  }

  /** Alert records matching the filters, newest first (`MetricsRepository.listAlerts`). */
  async listAlerts(options: AlertQuery): Promise<AlertRecord[]> {
    assertScope(this.#context, options.tenantId);
    return storeCall('metrics.listAlerts', async () => {
      let query = this.#context.db
        .selectFrom('alerts')
        .select('data')
        .where('tenant_id', '=', options.tenantId);
      if (options.status !== undefined) query = query.where('status', '=', options.status);
      if (options.ruleId !== undefined) query = query.where('rule_id', '=', options.ruleId);
      if (options.from !== undefined) query = query.where('fired_at', '>=', options.from);
      const rows = await query
        .orderBy('fired_at', 'desc')
        .orderBy('alert_id')
        .limit(options.limit ?? 100)
        .execute({ signal: options.signal });
      return rows.map((row) => {
        const parsed = alertRecordSchema.safeParse(row.data);
        if (parsed.success) return parsed.data;
        throw new EnterpriseHubError({
          code: 'STORE_CORRUPT',
          message: 'A stored alert record failed validation on read.',
          cause: parsed.error,
        });
      });
    });
  }
}
