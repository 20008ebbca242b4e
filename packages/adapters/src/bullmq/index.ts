/**
 * `@enterprisehub/adapters/bullmq`: the `JobQueue` and `Scheduler` ports on BullMQ (Redis), with
 * per-contact ordering across any number of workers. `bullmq` (and through it `ioredis`) is an
 * optional peer.
 *
 * @module
 */
export { BullmqJobQueue, createBullmqJobQueue } from './bullmq-job-queue';
export type { BullmqJobQueueOptions } from './bullmq-job-queue-options';
