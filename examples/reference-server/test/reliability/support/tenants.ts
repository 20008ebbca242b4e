/**
 * Two tenants for the reliability suite: copies of the demo tenant with their own ids and GHL locations, and quiet
 * hours off so replies go to the outbox at any time of day (the suite must not depend on the clock).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_TENANT, type Tenant } from '@enterprisehub/core';

/** Tenant ids and GHL locations used across the suite. */
export const TENANT_A = { id: 'agency-a', locationId: 'loc-agency-a' } as const;
export const TENANT_B = { id: 'agency-b', locationId: 'loc-agency-b' } as const;

function tenant(ids: { id: string; locationId: string }, agencyName: string): Tenant {
  return {
    ...structuredClone(DEMO_TENANT),
    id: ids.id,
    ghlLocationId: ids.locationId,
    agencyName,
    compliance: {
      ...structuredClone(DEMO_TENANT.compliance),
      quietHours: { ...DEMO_TENANT.compliance.quietHours, enabled: false },
    },
  };
}

/** The two tenants, A and B. */
export function twoTenants(): Tenant[] {
  return [tenant(TENANT_A, 'Agency A Realty'), tenant(TENANT_B, 'Agency B Homes')];
}

/** Writes `tenants.json` with both tenants into `dir` and returns its path (for `TENANTS_FILE`). */
export async function writeTenantsFile(dir: string): Promise<string> {
  const path = join(dir, 'tenants.json');
  await writeFile(path, JSON.stringify({ tenants: twoTenants() }, null, 2));
  return path;
}
