import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { tenantSchema, type Tenant, type TenantInput } from '../domain/tenant';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { DEMO_TENANT } from './demo-tenant';

/** Outcome of {@link TenantRegistry.resolveLocation}: whether bot work may run for an inbound location id. */
export type TenantResolution =
  | {
      /** Known, enabled, not in maintenance: run bot work. */
      kind: 'active';
      /** The tenant. */
      tenant: Tenant;
    }
  | {
      /** No tenant has this location id. */
      kind: 'unknown';
    }
  | {
      /** The tenant is disabled. */
      kind: 'disabled';
      /** The tenant. */
      tenant: Tenant;
    }
  | {
      /** The tenant is in maintenance mode. */
      kind: 'maintenance';
      /** The tenant. */
      tenant: Tenant;
    };

/** Options naming where tenants came from. */
export interface TenantSourceOptions {
  /** File path or label named in validation errors; default `tenants`. */
  source?: string;
}

const documentSchema = z.union([
  z.array(z.unknown()),
  z.object({ tenants: z.array(z.unknown()) }).loose(),
]);

function invalid(
  message: string,
  details: Record<string, string | number>,
  cause?: unknown,
): EnterpriseHubError {
  return new EnterpriseHubError({ code: 'TENANT_CONFIG_INVALID', message, details, cause });
}

function tenantLabel(raw: unknown, index: number): string {
  const id =
    typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string'
      ? raw.id
      : undefined;
  return id === undefined ? `#${index}` : `"${id}" (#${index})`;
}

function parseTenant(raw: unknown, index: number, source: string): Tenant {
  const result = tenantSchema.safeParse(raw);
  if (result.success) return result.data;
  const label = tenantLabel(raw, index);
  const problems = result.error.issues.map(
    (issue) => `field ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
  );
  const field = result.error.issues[0]?.path.map(String).join('.') ?? '';
  const details = { source, tenant: label, field, issues: problems.length };
  throw invalid(
    `${source}: tenant ${label}: ${problems.slice(0, 5).join('; ')}.`,
    details,
    result.error,
  );
}

/**
 * The tenants of a deployment (one per GHL location), validated, looked up by id or GHL location id.
 *
 * @example
 * ```ts
 * const tenants = await TenantRegistry.fromFile('./tenants.json');
 * const resolution = tenants.resolveLocation(webhook.locationId);
 * if (resolution.kind !== 'active') return; // unknown, disabled or in maintenance: no bot work
 * ```
 */
export class TenantRegistry {
  private readonly byId = new Map<string, Tenant>();
  private readonly byLocation = new Map<string, string>();

  /** Creates a registry from already-valid tenants; throws `TENANT_CONFIG_INVALID` on duplicate ids or locations. */
  constructor(tenants: Iterable<Tenant> = []) {
    for (const tenant of tenants) this.add(tenant, 'tenants');
  }

  /** Validates tenants from parsed JSON: an array of tenants or `{ "tenants": [...] }`. Throws `TENANT_CONFIG_INVALID`. */
  static fromObject(input: unknown, options: TenantSourceOptions = {}): TenantRegistry {
    const source = options.source ?? 'tenants';
    const document = documentSchema.safeParse(input);
    if (!document.success) {
      throw invalid(
        `${source}: expected an array of tenants or an object with a "tenants" array.`,
        { source },
      );
    }
    const raw = Array.isArray(document.data) ? document.data : document.data.tenants;
    const registry = new TenantRegistry();
    raw.forEach((entry, index) => registry.add(parseTenant(entry, index, source), source));
    return registry;
  }

  /** Reads and validates a tenant JSON file (e.g. `hub_mapping.json`); errors name the file, tenant and field. */
  static async fromFile(path: string): Promise<TenantRegistry> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw invalid(`${path}: the tenant file could not be read.`, { source: path }, error);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw invalid(`${path}: the tenant file is not valid JSON.`, { source: path }, error);
    }
    return TenantRegistry.fromObject(json, { source: path });
  }

  /** A registry holding only the {@link DEMO_TENANT}. */
  static demo(): TenantRegistry {
    return new TenantRegistry([DEMO_TENANT]);
  }

  /** Number of tenants. */
  get size(): number {
    return this.byId.size;
  }

  /** The tenant with this id, or `undefined`. */
  get(tenantId: string): Tenant | undefined {
    return this.byId.get(tenantId);
  }

  /** The tenant with this id; throws `TENANT_NOT_FOUND` when there is none. */
  require(tenantId: string): Tenant {
    const tenant = this.byId.get(tenantId);
    if (!tenant) {
      throw new EnterpriseHubError({
        code: 'TENANT_NOT_FOUND',
        message: `No tenant with id ${tenantId}.`,
        details: { tenantId },
      });
    }
    return tenant;
  }

  /** The tenant for a GHL location id, or `undefined`. */
  getByLocationId(locationId: string): Tenant | undefined {
    const tenantId = this.byLocation.get(locationId);
    return tenantId === undefined ? undefined : this.byId.get(tenantId);
  }

  /** Whether bot work may run for a GHL location: `active`, or why not (`unknown`, `disabled`, `maintenance`). */
  resolveLocation(locationId: string): TenantResolution {
    const tenant = this.getByLocationId(locationId);
    if (!tenant) return { kind: 'unknown' };
    if (!tenant.enabled) return { kind: 'disabled', tenant };
    if (tenant.maintenance) return { kind: 'maintenance', tenant };
    return { kind: 'active', tenant };
  }

  /** All tenants, ordered by id. */
  list(): Tenant[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Validates and adds or replaces a tenant (by id); returns it. Throws `TENANT_CONFIG_INVALID`. */
  upsert(input: TenantInput): Tenant {
    const tenant = parseTenant(input, 0, 'upsert');
    const previous = this.byId.get(tenant.id);
    if (previous) this.byLocation.delete(previous.ghlLocationId);
    try {
      this.add(tenant, 'upsert', true);
    } catch (error) {
      if (previous) this.add(previous, 'upsert', true);
      throw error;
    }
    return tenant;
  }

  /** Removes a tenant; returns whether it existed. */
  remove(tenantId: string): boolean {
    const tenant = this.byId.get(tenantId);
    if (!tenant) return false;
    this.byId.delete(tenantId);
    this.byLocation.delete(tenant.ghlLocationId);
    return true;
  }

  /** Enables a tenant; returns the updated tenant. Throws `TENANT_NOT_FOUND`. */
  enable(tenantId: string): Tenant {
    return this.patch(tenantId, { enabled: true });
  }

  /** Disables a tenant (no bot work runs for it); returns the updated tenant. Throws `TENANT_NOT_FOUND`. */
  disable(tenantId: string): Tenant {
    return this.patch(tenantId, { enabled: false });
  }

  /** Turns maintenance mode on or off; returns the updated tenant. Throws `TENANT_NOT_FOUND`. */
  setMaintenance(tenantId: string, maintenance: boolean): Tenant {
    return this.patch(tenantId, { maintenance });
  }

  private patch(
    tenantId: string,
    changes: Partial<Pick<Tenant, 'enabled' | 'maintenance'>>,
  ): Tenant {
    const updated = { ...this.require(tenantId), ...changes };
    this.byId.set(tenantId, updated);
    return updated;
  }

  private add(tenant: Tenant, source: string, replace = false): void {
    if (!replace && this.byId.has(tenant.id)) {
      throw invalid(`${source}: tenant id "${tenant.id}" appears twice.`, {
        source,
        tenant: tenant.id,
        field: 'id',
      });
    }
    const owner = this.byLocation.get(tenant.ghlLocationId);
    if (owner !== undefined && owner !== tenant.id) {
      throw invalid(`${source}: tenants "${owner}" and "${tenant.id}" share one ghlLocationId.`, {
        source,
        tenant: tenant.id,
        field: 'ghlLocationId',
      });
    }
    this.byId.set(tenant.id, tenant);
    this.byLocation.set(tenant.ghlLocationId, tenant.id);
  }
}
