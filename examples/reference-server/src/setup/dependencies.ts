/**
 * Dependency checks for `/ready`: the database, Redis, the job queue (depth), the cache's L2 breaker, and the LLM
 * and GHL circuits. Database, Redis and queue are required; LLM, GHL and cache only degrade the service.
 */
import type { JobQueue, JobStatus, TenantRegistry, TieredCache } from '@enterprisehub/core';
import type { RedisPorts } from '@enterprisehub/adapters/redis';
import type { DependencyStatus } from '../routes/health';

/** Counts jobs in a state across every tenant. */
export async function countJobs(options: {
  queue: JobQueue;
  tenants: TenantRegistry;
  status: JobStatus;
}): Promise<number> {
  const counts = await Promise.all(
    options.tenants
      .list()
      .map((tenant) => options.queue.count({ tenantId: tenant.id, status: options.status })),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Inputs of {@link createDependencyChecks}. */
export interface DependencyCheckOptions {
  database: () => Promise<DependencyStatus>;
  redis?: RedisPorts;
  queue: JobQueue;
  queueKind: string;
  tenants: TenantRegistry;
  cache: TieredCache;
  optional: (() => DependencyStatus)[];
}

/** Creates the dependency check list used by `/ready`. */
export function createDependencyChecks(
  options: DependencyCheckOptions,
): () => Promise<DependencyStatus[]> {
  const { queue, tenants, queueKind } = options;
  const queueStatus = async (): Promise<DependencyStatus> => {
    try {
      const [waiting, delayed, failed] = await Promise.all(
        (['waiting', 'delayed', 'failed'] as const).map((status) =>
          countJobs({ queue, tenants, status }),
        ),
      );
      return {
        name: 'queue',
        ok: true,
        detail: {
          kind: queueKind,
          waiting: waiting ?? 0,
          delayed: delayed ?? 0,
          failed: failed ?? 0,
        },
      };
    } catch {
      return { name: 'queue', ok: false, detail: { kind: queueKind } };
    }
  };
  return async () => {
    const [database, redisHealth, queueReport] = await Promise.all([
      options.database(),
      options.redis?.health(),
      queueStatus(),
    ]);
    const list: DependencyStatus[] = [database];
    if (redisHealth) {
      list.push({
        name: 'redis',
        ok: redisHealth.status === 'up',
        detail:
          redisHealth.status === 'up'
            ? { latencyMs: redisHealth.latencyMs }
            : { errorCode: redisHealth.errorCode },
      });
    }
    list.push(queueReport, {
      name: 'cache',
      ok: true,
      required: false,
      detail: {
        l2: options.redis ? 'redis' : 'none',
        breaker: options.cache.stats().l2.breaker,
      },
    });
    for (const check of options.optional) list.push(check());
    return list;
  };
}
