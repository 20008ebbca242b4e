import type { CrmAction } from '../domain/crm-action';
import type { TenantScoped } from './tenant-scoped';

/** Result of {@link CrmGateway.execute}: done (with the CRM's id) or deliberately skipped. */
export type CrmExecuteResult =
  | {
      /** The CRM performed the action. */
      kind: 'done';
      /** Id the CRM gave the result (message, appointment, opportunity, …). */
      externalId?: string;
    }
  | {
      /** Deliberately not performed (e.g. contact has DND, already in the stage). */
      kind: 'skipped';
      /** Why, PII-free. */
      reason: string;
    };

/** A free calendar slot. */
export interface FreeSlot {
  /** ISO 8601 start with offset. */
  startTime: string;
  /** ISO 8601 end with offset. */
  endTime: string;
}

/**
 * Port: the CRM actions bots need, in CRM-neutral words (GHL implements it).
 * Throws `EnterpriseHubError` with `retryable: true` for transient failures (rate limits, 5xx, network).
 */
export interface CrmGateway {
  /** Performs the action; idempotent per `action.idempotencyKey` (a repeat returns the first result or `skipped`). */
  execute(options: TenantScoped & { action: CrmAction }): Promise<CrmExecuteResult>;
  /** Free slots of a calendar (the tenant's default when omitted) between two ISO times. */
  getFreeSlots(
    options: TenantScoped & { calendarId?: string; from: string; to: string; timeZone?: string },
  ): Promise<FreeSlot[]>;
}
