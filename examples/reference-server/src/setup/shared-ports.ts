/**
 * The parts every process of a deployment shares: in-process in the embedded mode; Redis (cache L2, locks, rate
 * limiter) and a BullMQ job queue / scheduler in production, so any number of web and worker processes cooperate.
 */
import {
  createMemoryPorts,
  type Clock,
  type JobQueue,
  type Keyring,
  type LockManager,
  type RateLimiter,
  type Scheduler,
} from '@enterprisehub/core';
import { createRedisPorts, type RedisPorts } from '@enterprisehub/adapters/redis';
import { createBullmqJobQueue } from '@enterprisehub/adapters/bullmq';
import type { Config } from '../config';
import type { Logger } from '../logger';

/** What {@link createSharedPorts} builds. */
export interface SharedPorts {
  /** Redis adapters (production only). */
  redis?: RedisPorts;
  locks: LockManager;
  limiter: RateLimiter;
  queue: JobQueue;
  scheduler: Scheduler;
  queueKind: 'in-process' | 'bullmq';
  /** Closes what was created here (the queue is closed by the runtime first). */
  close(): Promise<void>;
}

/** Creates the shared ports for the configured mode. */
export function createSharedPorts(options: {
  config: Config;
  clock: Clock;
  keyring: Keyring;
  logger: Logger;
}): SharedPorts {
  const { config, clock, logger } = options;
  if (config.mode !== 'production') {
    const memory = createMemoryPorts({ clock });
    return {
      locks: memory.locks,
      limiter: memory.rateLimiter,
      queue: memory.jobs,
      scheduler: memory.jobs,
      queueKind: 'in-process',
      close: () => Promise.resolve(),
    };
  }
  const url = config.REDIS_URL ?? '';
  const redis = createRedisPorts({
    url,
    keyPrefix: config.DEPLOYMENT_ID,
    clock,
    keyring: options.keyring,
  });
  const bullmq = createBullmqJobQueue({
    connection: { url },
    prefix: config.DEPLOYMENT_ID,
    concurrency: config.WORKER_CONCURRENCY,
    clock,
    onJobFailed: (job) =>
      logger.error(
        { tenantId: job.tenantId, job: job.name, attempts: job.attempt },
        'job failed its last attempt (dead-lettered)',
      ),
    onError: (error) => logger.warn({ error }, 'job queue connection error'),
  });
  return {
    redis,
    locks: redis.locks,
    limiter: redis.rateLimiter,
    queue: bullmq,
    scheduler: bullmq,
    queueKind: 'bullmq',
    close: () => redis.close(),
  };
}
