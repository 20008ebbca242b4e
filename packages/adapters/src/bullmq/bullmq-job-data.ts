import { EnterpriseHubError, jsonValueSchema, type Job } from '@enterprisehub/core';
import { z } from 'zod';

/** What the adapter stores as a BullMQ job's `data`. @internal */
export const bullmqJobDataSchema = z.object({
  tenantId: z.string(),
  jobId: z.string(),
  payload: jsonValueSchema,
  orderingKey: z.string().optional(),
  /** Member of the ordering key's sorted set (`<seq>:<bullId>`), when keyed. */
  member: z.string().optional(),
  maxAttempts: z.number().int().positive(),
  backoffMs: z.number().nonnegative(),
  enqueuedAt: z.number(),
  /** Logical due time: the requested run time, or the next retry's time after a failed attempt. */
  runAt: z.number(),
  /** Random per enqueue, to tell a fresh add from BullMQ returning an existing job with the same id. */
  nonce: z.string(),
});

/** Parsed BullMQ job data. @internal */
export type BullmqJobData = z.infer<typeof bullmqJobDataSchema>;

/** Parses stored job data; a foreign or corrupt job is a `STORE_CORRUPT` error. @internal */
export function parseJobData(data: unknown): BullmqJobData {
  const parsed = bullmqJobDataSchema.safeParse(data);
  if (!parsed.success) {
    throw new EnterpriseHubError({
      code: 'STORE_CORRUPT',
      message: 'A BullMQ job does not carry EnterpriseHub job data.',
    });
  }
  return parsed.data;
}

/**
 * The BullMQ job id of `(tenant, jobId)`: both parts URI-encoded and joined by `|`, so ids are unique
 * across tenants, never contain `:` (BullMQ forbids it) and are never an integer.
 *
 * @internal
 */
export function bullJobId(tenantId: string, jobId: string): string {
  return `${encodeURIComponent(tenantId)}|${encodeURIComponent(jobId)}`;
}

/** The port's view of a stored job. @internal */
export function toPortJob(data: BullmqJobData, state: { name: string; attemptsMade: number }): Job {
  return {
    id: data.jobId,
    tenantId: data.tenantId,
    name: state.name,
    payload: data.payload,
    ...(data.orderingKey === undefined ? {} : { orderingKey: data.orderingKey }),
    attempt: state.attemptsMade + 1,
    maxAttempts: data.maxAttempts,
    enqueuedAt: data.enqueuedAt,
    runAt: data.runAt,
  };
}
