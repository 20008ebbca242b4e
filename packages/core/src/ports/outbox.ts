import type { CrmAction } from '../domain/crm-action';
import type { OutboxEntry, OutboxStatus } from '../domain/outbox-entry';
import type { TenantScoped } from './tenant-scoped';

/** Options for {@link Outbox.claim}; the delivery worker claims across tenants, so there is no `tenantId`. */
export interface OutboxClaimOptions {
  /** Tenants to claim from: a list, or `'all'` (default) for every tenant. */
  tenantIds?: string[] | 'all';
  /** Maximum entries to claim. */
  limit: number;
  /** Lease length, ms: an entry not acked or failed within it becomes claimable again. */
  leaseMs: number;
  /** Aborts the call. */
  signal?: AbortSignal;
}

/** Failure reported by {@link Outbox.fail}. */
export interface OutboxFailure {
  /** Error code (e.g. `GHL_RATE_LIMITED`). */
  code: string;
  /** PII-free message. */
  message: string;
  /** `false` dead-letters at once. */
  retryable: boolean;
  /** Retry after this many ms instead of the default backoff (e.g. from `Retry-After`). */
  retryAfterMs?: number;
}

/**
 * Port: CRM actions awaiting delivery, retried with backoff until delivered or dead-lettered.
 *
 * Enqueue happens in the same unit of work as the state that produced the actions. Entries are idempotent per
 * (tenant, `action.idempotencyKey`). A claimed entry is leased to one worker; only the lease token's holder may
 * ack or fail it.
 */
export interface Outbox {
  /**
   * Adds actions as `pending` entries due at `availableAt` (default now). An action whose idempotency key is
   * already in the outbox is not added again; its existing entry is returned instead. Returns entries in input order.
   */
  enqueue(
    options: TenantScoped & { actions: CrmAction[]; maxAttempts?: number; availableAt?: number },
  ): Promise<OutboxEntry[]>;
  /**
   * Leases up to `limit` due entries (pending with `nextAttemptAt <= now`, or in flight with an expired lease),
   * oldest due first, marks them `in_flight`, increments `attempts` (so a worker that crashes mid-delivery still
   * uses up an attempt) and sets a fresh `leaseToken`. Two concurrent claims never return the same entry.
   */
  claim(options: OutboxClaimOptions): Promise<OutboxEntry[]>;
  /**
   * Marks a leased entry `delivered` (or `skipped` with `skipReason`); returns `false` when the lease token does
   * not match (lease lost) and changes nothing.
   */
  ack(
    options: TenantScoped & {
      id: string;
      leaseToken: string;
      externalId?: string;
      skipReason?: string;
    },
  ): Promise<boolean>;
  /**
   * Records the failure of the leased attempt: back to `pending` due after the backoff (`retryAfterMs` or the
   * default `outboxBackoffMs(attempts)`), or `dead` when not retryable or `attempts >= maxAttempts`. Returns the updated entry, or `undefined` when the lease was lost.
   */
  fail(
    options: TenantScoped & { id: string; leaseToken: string; error: OutboxFailure },
  ): Promise<OutboxEntry | undefined>;
  /** Lists the tenant's entries, oldest first. */
  list(
    options: TenantScoped & { contactId?: string; status?: OutboxStatus; limit?: number },
  ): Promise<OutboxEntry[]>;
  /** Moves a dead-lettered entry back to `pending` with zero attempts; returns whether it was dead. */
  retryDeadLetter(options: TenantScoped & { id: string }): Promise<boolean>;
}
