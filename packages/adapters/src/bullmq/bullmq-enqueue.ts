import { randomUUID } from 'node:crypto';
import type { EnqueueResult, JobEnqueueOptions, JsonValue } from '@enterprisehub/core';
import { bullJobId, type BullmqJobData } from './bullmq-job-data';
import { orderingMember } from './bullmq-index-keys';
import type { RunnerContext } from './bullmq-job-runner';
import { INDEX_JOB } from './bullmq-scripts';

/** BullMQ states in which a job with the same id makes an enqueue a duplicate. */
const TAKEN = new Set(['waiting', 'delayed', 'prioritized', 'active', 'waiting-children']);

/**
 * Enqueues one job: dedupes by id, indexes it for its tenant (and ordering key), then adds it to
 * BullMQ with its delay, attempts and exponential backoff. A finished job with the same id (a dead
 * letter) is replaced. Index entries written before a crash are cleaned up by the readers.
 *
 * @internal
 */
export async function enqueueJob(
  context: RunnerContext,
  options: JobEnqueueOptions<JsonValue>,
): Promise<EnqueueResult> {
  const { queue, side, keys, clock } = context;
  const jobId = options.jobId ?? randomUUID();
  const bullId = bullJobId(options.tenantId, jobId);
  const existing = await queue.getJobState(bullId);
  if (TAKEN.has(existing)) return { jobId, deduplicated: true };
  if (existing === 'completed' || existing === 'failed') await queue.remove(bullId);
  const now = clock.now();
  const runAt = options.runAt ?? now + Math.max(0, options.delayMs ?? 0);
  const key = options.orderingKey;
  const sequence = Number(
    await side.command('queue.enqueue', ['INCR', keys.sequence(options.tenantId)]),
  );
  const member = key === undefined ? undefined : orderingMember(sequence, bullId);
  const indexKeys = [keys.pending(options.tenantId)];
  if (key !== undefined) indexKeys.push(keys.orderingSet(options.tenantId, key));
  await side.script('queue.enqueue', INDEX_JOB, {
    keys: indexKeys,
    args: [runAt, bullId, member ?? ''],
  });
  const data: BullmqJobData = {
    tenantId: options.tenantId,
    jobId,
    payload: options.payload,
    ...(key === undefined ? {} : { orderingKey: key, member }),
    maxAttempts: Math.max(1, options.maxAttempts ?? 3),
    backoffMs: Math.max(0, options.backoffMs ?? 1000),
    enqueuedAt: now,
    runAt,
    nonce: randomUUID(),
  };
  const added = await queue.add(options.name, data, {
    jobId: bullId,
    delay: Math.max(0, runAt - now),
    attempts: data.maxAttempts,
    backoff: { type: 'exponential', delay: data.backoffMs },
    removeOnComplete: true,
    removeOnFail: { count: context.maxFailedJobs },
    stackTraceLimit: 0,
  });
  const fresh = (added.data as Partial<BullmqJobData>).nonce === data.nonce;
  if (!fresh && member !== undefined && key !== undefined)
    await side.command('queue.enqueue', ['ZREM', keys.orderingSet(options.tenantId, key), member]);
  return { jobId, deduplicated: !fresh };
}
