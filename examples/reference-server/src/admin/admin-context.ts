/**
 * What every admin route shares: the runtime, credential checks, tenant scoping (another tenant's resource is a
 * 404, never a 403, so keys cannot probe which ids exist) and the audit trail of contact-data access.
 */
import { randomUUID } from 'node:crypto';
import { EnterpriseHubError, type Tenant } from '@enterprisehub/core';
import type { Runtime } from '../runtime';
import type { CostHistory } from './cost-history';
import type { Caller, CredentialVerifier } from './credentials';

/** Shared state of the admin routes. */
export interface AdminContext {
  runtime: Runtime;
  verifier: CredentialVerifier;
  costHistory: CostHistory;
  /** Re-applies silences persisted by other instances to this process' alert engine. */
  syncSilences(): Promise<void>;
  /** Persists the alert rules after a change. */
  saveRules(): Promise<void>;
  /** Persists tenants created or changed through the API. */
  saveTenant(tenant: Tenant): Promise<void>;
}

/** `NOT_FOUND` with a message that never says whether the id exists elsewhere. */
export function notFound(what: string): EnterpriseHubError {
  return new EnterpriseHubError({ code: 'NOT_FOUND', message: `No ${what} matches this request.` });
}

/** `VALIDATION_FAILED` for a bad parameter. */
export function badRequest(message: string): EnterpriseHubError {
  return new EnterpriseHubError({ code: 'VALIDATION_FAILED', message });
}

/** Whether the caller may act on `tenantId`. */
export function canAccess(caller: Caller, tenantId: string): boolean {
  return caller.scope === '*' || caller.scope === tenantId;
}

/**
 * The tenants a list covers: a tenant-scoped caller gets its own (asking for another → 404); an all-tenant caller
 * gets `requested` (404 when unknown) or every tenant.
 */
export function tenantsInScope(
  context: AdminContext,
  caller: Caller,
  requested: string | undefined,
): string[] {
  const { tenants } = context.runtime;
  if (requested !== undefined) {
    if (!canAccess(caller, requested) || !tenants.get(requested)) throw notFound('tenant');
    return [requested];
  }
  if (caller.scope !== '*') {
    if (!tenants.get(caller.scope)) throw notFound('tenant');
    return [caller.scope];
  }
  return tenants.list().map((tenant) => tenant.id);
}

/**
 * The tenant that holds `contactId` for this caller: the caller's tenant (or `requested`), else — for all-tenant
 * callers without `?tenantId=` — the one tenant that has a conversation or profile for the contact.
 * Throws `NOT_FOUND` when the contact is unknown in scope, `VALIDATION_FAILED` when it is ambiguous.
 */
export async function tenantOfContact(
  context: AdminContext,
  options: { caller: Caller; requested: string | undefined; contactId: string },
): Promise<string> {
  const candidates = tenantsInScope(context, options.caller, options.requested);
  const { stores } = context.runtime;
  const holders: string[] = [];
  for (const tenantId of candidates) {
    const [conversation, contact] = await Promise.all([
      stores.conversations.get({ tenantId, contactId: options.contactId }),
      stores.contacts.get({ tenantId, contactId: options.contactId }),
    ]);
    if (conversation || contact) holders.push(tenantId);
  }
  if (holders.length === 0) throw notFound('contact');
  if (holders.length > 1) {
    throw badRequest('This contact id exists in several tenants; pass ?tenantId= to choose one.');
  }
  return holders[0] as string;
}

/** Records that a caller read or changed contact data (`data.accessed`; no PII, ids and route only). */
export async function auditAccess(
  context: AdminContext,
  options: {
    caller: Caller;
    tenantId: string;
    contactId?: string;
    action: string;
    requestId?: string;
    data?: Record<string, string | number | boolean | string[]>;
  },
): Promise<void> {
  const { runtime } = context;
  await runtime.stores.audit.append({
    tenantId: options.tenantId,
    event: {
      id: `adm_${randomUUID()}`,
      tenantId: options.tenantId,
      ...(options.contactId === undefined ? {} : { contactId: options.contactId }),
      type: 'data.accessed',
      actor: { kind: 'api_key', id: options.caller.keyId },
      at: runtime.clock.now(),
      ...(options.requestId === undefined ? {} : { correlationId: options.requestId }),
      data: { action: options.action, via: options.caller.via, ...options.data },
    },
  });
}

/** Throws `AUTH_FORBIDDEN` unless the caller is scoped to every tenant. */
export function requireAllTenants(caller: Caller): void {
  if (caller.scope !== '*') {
    throw new EnterpriseHubError({
      code: 'AUTH_FORBIDDEN',
      message: 'This operation needs a key scoped to every tenant.',
    });
  }
}
