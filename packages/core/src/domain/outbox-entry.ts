import { z } from 'zod';
import { crmActionSchema } from './crm-action';

/** Outbox entry statuses, as a zod enum. */
export const outboxStatusSchema = z.enum(['pending', 'in_flight', 'delivered', 'skipped', 'dead']);

/** Delivery status of an outbox entry (`dead` = dead-lettered). */
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

/** Zod schema for one outbox entry (a CRM action awaiting or past delivery). */
export const outboxEntrySchema = z.object({
  /** Entry id, unique per tenant. */
  id: z.string().min(1),
  /** Owning tenant. */
  tenantId: z.string().min(1),
  /** Contact the action applies to (copied from the action). */
  contactId: z.string().min(1),
  /** The action to deliver. */
  action: crmActionSchema,
  /** Status. */
  status: outboxStatusSchema,
  /** Delivery attempts made so far. */
  attempts: z.number().int().nonnegative(),
  /** Attempts after which the entry is dead-lettered. */
  maxAttempts: z.number().int().positive(),
  /** Earliest time of the next attempt, epoch ms. */
  nextAttemptAt: z.number().int().nonnegative(),
  /** While `in_flight`: when the worker's lease ends and the entry may be claimed again, epoch ms. */
  leaseExpiresAt: z.number().int().nonnegative().optional(),
  /** While `in_flight`: token the claiming worker must present to ack or fail. */
  leaseToken: z.string().optional(),
  /** Last failure: error code and a PII-free message. */
  lastError: z
    .object({
      /** Error code, e.g. `GHL_RATE_LIMITED`. */
      code: z.string(),
      /** PII-free message. */
      message: z.string(),
    })
    .optional(),
  /** External id returned by the CRM on delivery (message id, appointment id, …). */
  externalId: z.string().optional(),
  /** Why the gateway skipped the action, when `skipped`. */
  skipReason: z.string().optional(),
  /** When enqueued, epoch ms. */
  createdAt: z.number().int().nonnegative(),
  /** Last status change, epoch ms. */
  updatedAt: z.number().int().nonnegative(),
});

/** One outbox entry: a CRM action with its delivery status, attempts and lease. */
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** Default attempts before an outbox entry is dead-lettered. */
export const DEFAULT_OUTBOX_MAX_ATTEMPTS = 8;

/**
 * Default outbox retry delay after the given number of failed attempts: 1 s doubling, capped at 5 min.
 *
 * @example
 * ```ts
 * outboxBackoffMs(1); // 1000
 * outboxBackoffMs(3); // 4000
 * ```
 */
export function outboxBackoffMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(300_000, 1000 * 2 ** Math.min(exponent, 20));
}
