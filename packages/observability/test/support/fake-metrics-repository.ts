import { MemoryMetricsRepository, type MetricSample, type TenantScoped } from '@enterprisehub/core';

/** Core's in-memory MetricsRepository with call counting, failure injection and a peek helper. */
export class FakeMetricsRepository extends MemoryMetricsRepository {
  /** Number of appendSamples calls so far (failed ones included). */
  appendCalls = 0;
  /** How many of the next appendSamples calls reject. */
  failNext = 0;

  override async appendSamples(options: TenantScoped & { samples: MetricSample[] }): Promise<void> {
    this.appendCalls += 1;
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('database down');
    }
    await super.appendSamples(options);
  }

  /** Every sample of a tenant (any metric name), oldest first. */
  async all(tenantId: string, name: string): Promise<MetricSample[]> {
    return this.querySamples({ tenantId, name, limit: Number.MAX_SAFE_INTEGER });
  }
}
