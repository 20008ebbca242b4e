import {
  EnterpriseHubError,
  type Clock,
  type Contact,
  type ContactLookupHashes,
} from '@enterprisehub/core';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from './database';
import type { PiiCodec } from './pii-codec';

/** What every kysely store is built from: a (possibly transactional) Kysely handle, a clock and the PII codec. */
export interface KyselyStoreContext {
  /** Database handle, already bound to the stores' schema; a transaction inside a unit of work. */
  db: Kysely<StoreDatabase>;
  /** Time source for timestamps, leases and expiry. */
  clock: Clock;
  /** Encrypts and decrypts PII columns. */
  pii: PiiCodec;
  /** Computes blind indexes for a contact upserted without explicit `lookup` hashes. */
  lookupHashes?: (contact: Contact) => ContactLookupHashes;
  /** Set inside a unit of work: calls for any other tenant throw `TENANT_MISMATCH`. */
  scopeTenantId?: string;
}

/** Throws `TENANT_MISMATCH` when a unit-of-work store is called for another tenant. @internal */
export function assertScope(context: KyselyStoreContext, tenantId: string): void {
  if (context.scopeTenantId !== undefined && context.scopeTenantId !== tenantId) {
    throw new EnterpriseHubError({
      code: 'TENANT_MISMATCH',
      message: 'A unit-of-work store was called for a tenant other than the one it was opened for.',
    });
  }
}

/** Throws `TENANT_MISMATCH` when a record's own tenant differs from the call's scope. @internal */
export function assertRecordTenant(recordTenantId: string, tenantId: string, what: string): void {
  if (recordTenantId !== tenantId) {
    throw new EnterpriseHubError({
      code: 'TENANT_MISMATCH',
      message: `The ${what} belongs to a different tenant than the call is scoped to.`,
    });
  }
}

/** Converts a `bigint` column value (string from `pg`, number from PGlite) to epoch ms. @internal */
export function toMillis(value: string | number): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Like {@link toMillis} for nullable columns. @internal */
export function toOptionalMillis(value: string | number | null): number | undefined {
  return value === null ? undefined : toMillis(value);
}
