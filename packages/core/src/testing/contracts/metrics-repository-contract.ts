import assert from 'node:assert/strict';
import type { MetricsRepository } from '../../ports/metrics-repository';
import { buildAlertRecord, buildMetricSample } from '../record-builders';
import { type ContractSuite, uniqueTenantId } from './contract-suite';

/** Contract every {@link MetricsRepository} must satisfy. */
export const metricsRepositoryContract: ContractSuite<MetricsRepository> = {
  name: 'MetricsRepository',
  cases: [
    {
      name: 'querySamples filters by name, time range and labels, oldest first',
      async run(harness) {
        const metrics = await harness.create();
        const tenantId = uniqueTenantId('t');
        const at = harness.clock.now();
        await metrics.appendSamples({
          tenantId,
          samples: [
            buildMetricSample({ name: 'latency', value: 3, at: at + 3, labels: { bot: 'lead' } }),
            buildMetricSample({ name: 'latency', value: 1, at: at + 1, labels: { bot: 'lead' } }),
            buildMetricSample({ name: 'latency', value: 2, at: at + 2, labels: { bot: 'buyer' } }),
            buildMetricSample({ name: 'error_rate', value: 0.5, at: at + 1 }),
          ],
        });
        const values = async (
          query: Omit<Parameters<MetricsRepository['querySamples']>[0], 'tenantId'>,
        ) => (await metrics.querySamples({ tenantId, ...query })).map((sample) => sample.value);
        assert.deepEqual(await values({ name: 'latency' }), [1, 2, 3]);
        assert.deepEqual(await values({ name: 'latency', labels: { bot: 'lead' } }), [1, 3]);
        assert.deepEqual(await values({ name: 'latency', from: at + 2 }), [2, 3]);
        assert.deepEqual(await values({ name: 'latency', to: at + 2 }), [1]);
        assert.deepEqual(await values({ name: 'latency', limit: 2 }), [2, 3]);
      },
    },
    {
      name: 'pruneSamples deletes samples older than the cut-off and counts them',
      async run(harness) {
        const metrics = await harness.create();
        const tenantId = uniqueTenantId('t');
        const at = harness.clock.now();
        await metrics.appendSamples({
          tenantId,
          samples: [0, 1, 2].map((offset) => buildMetricSample({ at: at + offset })),
        });
        assert.equal(await metrics.pruneSamples({ tenantId, before: at + 2 }), 2);
        assert.equal((await metrics.querySamples({ tenantId, name: 'error_rate' })).length, 1);
      },
    },
    {
      name: 'saveAlert upserts by id and listAlerts filters, newest first',
      async run(harness) {
        const metrics = await harness.create();
        const tenantId = uniqueTenantId('t');
        const at = harness.clock.now();
        const older = buildAlertRecord({ id: 'a1', ruleId: 'sla_violation', firedAt: at });
        const newer = buildAlertRecord({ id: 'a2', ruleId: 'high_error_rate', firedAt: at + 10 });
        await metrics.saveAlert({ tenantId, alert: older });
        await metrics.saveAlert({ tenantId, alert: newer });
        await metrics.saveAlert({
          tenantId,
          alert: { ...older, status: 'acknowledged', acknowledgedAt: at + 5, acknowledgedBy: 'u1' },
        });
        const all = await metrics.listAlerts({ tenantId });
        assert.deepEqual(
          all.map((alert) => [alert.id, alert.status]),
          [
            ['a2', 'firing'],
            ['a1', 'acknowledged'],
          ],
        );
        assert.deepEqual(
          (await metrics.listAlerts({ tenantId, status: 'firing' })).map((alert) => alert.id),
          ['a2'],
        );
        assert.deepEqual(
          (await metrics.listAlerts({ tenantId, ruleId: 'sla_violation' })).map(
            (alert) => alert.id,
          ),
          ['a1'],
        );
        assert.deepEqual(
          (await metrics.listAlerts({ tenantId, from: at + 1 })).map((alert) => alert.id),
          ['a2'],
        );
      },
    },
    {
      name: 'tenant isolation: another tenant never reads, counts or prunes the samples and alerts',
      async run(harness) {
        const metrics = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        await metrics.appendSamples({
          tenantId: tenantA,
          samples: [buildMetricSample({ at: harness.clock.now() })],
        });
        await metrics.saveAlert({ tenantId: tenantA, alert: buildAlertRecord({ id: 'same' }) });
        assert.deepEqual(await metrics.querySamples({ tenantId: tenantB, name: 'error_rate' }), []);
        assert.deepEqual(await metrics.listAlerts({ tenantId: tenantB }), []);
        assert.equal(
          await metrics.pruneSamples({ tenantId: tenantB, before: Number.MAX_SAFE_INTEGER }),
          0,
        );
        assert.equal(
          (await metrics.querySamples({ tenantId: tenantA, name: 'error_rate' })).length,
          1,
        );
      },
    },
  ],
};
