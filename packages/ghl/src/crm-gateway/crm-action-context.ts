import { EnterpriseHubError, type Clock, type CrmExecuteResult, type GhlMapping } from '@enterprisehub/core';
import { GhlApiError } from '../client/ghl-api-error';
import type { GhlClient } from '../client/create-ghl-client';

/** What an action handler gets: the tenant's client and mapping, and whether an earlier attempt may have landed. @internal */
export interface CrmActionContext {
  tenantId: string;
  client: GhlClient;
  mapping: GhlMapping;
  clock: Clock;
  signal: AbortSignal | undefined;
  /** When an earlier attempt of the same action started and did not finish cleanly (epoch ms). */
  earlierAttemptAt: number | undefined;
}

/** The done result with GHL's id. @internal */
export const done = (externalId: string | undefined): CrmExecuteResult => (externalId === undefined ? { kind: 'done' } : { kind: 'done', externalId });

/** A GHL id from the tenant mapping, or `CRM_MAPPING_MISSING`. @internal */
export function mapped(lookup: { table: Readonly<Record<string, string>> | undefined; name: string; what: string; tenantId: string }): string {
  const { table, name, what, tenantId } = lookup;
  const id = table?.[name];
  if (id === undefined || id === '') {
    throw new EnterpriseHubError({
      code: 'CRM_MAPPING_MISSING',
      message: `Tenant ${tenantId} has no GHL ${what} mapped for "${name}".`,
      details: { tenantId, name, what },
    });
  }
  return id;
}

/**
 * True when a failure leaves it unknown whether GHL processed the request: no answer (timeout, dropped
 * connection after sending) or a 5xx. A refused connection or a 4xx/429 means it was not processed. @internal
 */
export function isAmbiguous(error: unknown): boolean {
  if (!GhlApiError.isGhlApiError(error)) return false;
  if (error.status === undefined) return error.details['connectionRefused'] !== true;
  return error.status >= 500;
}

/**
 * Runs a creating call "exactly once": looks for an earlier attempt's result first, creates otherwise, and
 * after an ambiguous failure looks again before giving up with the (retryable) error. @internal
 */
export async function createOnce(
  context: CrmActionContext,
  steps: { lookup: (since: number) => Promise<string | undefined>; create: () => Promise<string | undefined> },
): Promise<CrmExecuteResult> {
  if (context.earlierAttemptAt !== undefined) {
    const found = await steps.lookup(context.earlierAttemptAt);
    if (found !== undefined) return done(found);
  }
  const startedAt = context.clock.now();
  try {
    return done(await steps.create());
  } catch (error) {
    if (!isAmbiguous(error)) throw error;
    const found = await steps.lookup(startedAt).catch(() => undefined);
    if (found !== undefined) return done(found);
    throw error;
  }
}
