import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { toEnterpriseHubError } from '../errors/to-enterprise-hub-error';

/**
 * A map partitioned by tenant: the same key under two tenants is two entries.
 *
 * @internal
 */
export class TenantMap<V> {
  private readonly partitions = new Map<string, Map<string, V>>();

  /** The tenant's partition, created on demand. */
  partition(tenantId: string): Map<string, V> {
    let partition = this.partitions.get(tenantId);
    if (!partition) {
      partition = new Map();
      this.partitions.set(tenantId, partition);
    }
    return partition;
  }

  /** Tenants that have a partition. */
  tenants(): string[] {
    return [...this.partitions.keys()];
  }

  get(tenantId: string, key: string): V | undefined {
    return this.partitions.get(tenantId)?.get(key);
  }

  set(tenantId: string, key: string, value: V): void {
    this.partition(tenantId).set(key, value);
  }

  delete(tenantId: string, key: string): boolean {
    return this.partitions.get(tenantId)?.delete(key) ?? false;
  }
}

/**
 * Throws `ABORTED` when the signal is already aborted.
 *
 * @internal
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new EnterpriseHubError({
      code: 'ABORTED',
      message: 'The operation was aborted.',
      cause: signal.reason,
    });
  }
}

/**
 * Throws `TENANT_MISMATCH` when a record's tenant differs from the call's tenant.
 *
 * @internal
 */
export function assertSameTenant(scope: string, recordTenantId: string, what: string): void {
  if (scope !== recordTenantId) {
    throw new EnterpriseHubError({
      code: 'TENANT_MISMATCH',
      message: `The ${what} belongs to a different tenant than the call is scoped to.`,
      details: { tenantId: scope },
    });
  }
}

/**
 * Parses with a zod schema, turning failures into `VALIDATION_FAILED`.
 *
 * @internal
 */
export function parseOrThrow<T>(schema: { parse(value: unknown): T }, value: unknown): T {
  try {
    return schema.parse(value);
  } catch (error) {
    throw toEnterpriseHubError(error);
  }
}

/**
 * Deep copy, so callers can never mutate stored records.
 *
 * @internal
 */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
