import { LRUCache } from 'lru-cache';

/** One L1 entry; `value === undefined` is a negative entry. Fresh until `expiresAt`, servable stale until `staleUntil`. */
export interface L1Entry {
  value: unknown;
  expiresAt: number;
  staleUntil: number;
  /** Estimated bytes (only with a byte limit). */
  size: number;
  /** `Promise.resolve(value)`, created on the first hit and reused, so an L1 hit allocates no promise. */
  resolved?: Promise<unknown>;
}

/**
 * All tenants' entries for one key. Keys are mostly used by one tenant, so the first tenant's entry sits in the
 * bucket itself and a hit costs one lru-cache lookup plus a tenant comparison (no per-read key concatenation).
 * Buckets are replaced, never mutated, so lru-cache re-measures their size.
 */
interface Bucket {
  tenantId: string;
  entry: L1Entry | undefined;
  others: ReadonlyMap<string, L1Entry> | undefined;
}

/** Options of {@link L1Tier}. @internal */
export interface L1TierOptions {
  maxEntries: number;
  maxBytes: number | undefined;
}

function bucketSize(bucket: Bucket): number {
  let size = bucket.entry?.size ?? 0;
  if (bucket.others) for (const entry of bucket.others.values()) size += entry.size;
  return Math.max(1, size);
}

/**
 * The in-process tier: lru-cache (entry count = distinct keys, optional byte limit) holding tenant-scoped entries.
 * Tenant A can never read tenant B's entry: a lookup only returns the entry stored under the same tenant id.
 *
 * @internal
 */
export class L1Tier {
  private readonly lru: LRUCache<string, Bucket>;
  private readonly hasByteLimit: boolean;

  constructor(options: L1TierOptions) {
    this.hasByteLimit = options.maxBytes !== undefined;
    this.lru = new LRUCache<string, Bucket>({
      max: Math.max(1, options.maxEntries),
      ...(options.maxBytes === undefined ? {} : { maxSize: Math.max(1, options.maxBytes) }),
    });
  }

  /** The entry of (tenant, key), refreshing the key's recency; `undefined` when absent. */
  get(tenantId: string, key: string): L1Entry | undefined {
    const bucket = this.lru.get(key);
    if (bucket === undefined) return undefined;
    if (bucket.tenantId === tenantId) return bucket.entry;
    return bucket.others?.get(tenantId);
  }

  /** Stores the entry of (tenant, key). */
  set(tenantId: string, key: string, entry: L1Entry): void {
    const current = this.lru.peek(key);
    let next: Bucket;
    if (current === undefined || (current.tenantId === tenantId && current.others === undefined)) {
      next = { tenantId, entry, others: undefined };
    } else if (current.tenantId === tenantId) {
      next = { ...current, entry };
    } else {
      next = { ...current, others: new Map(current.others).set(tenantId, entry) };
    }
    this.store(key, next);
  }

  /** Removes the entry of (tenant, key). */
  delete(tenantId: string, key: string): void {
    const current = this.lru.peek(key);
    if (current === undefined) return;
    if (current.tenantId === tenantId) {
      if (current.others === undefined || current.others.size === 0) {
        this.lru.delete(key);
        return;
      }
      this.store(key, { ...current, entry: undefined });
      return;
    }
    if (!current.others?.has(tenantId)) return;
    const others = new Map(current.others);
    others.delete(tenantId);
    if (current.entry === undefined && others.size === 0) this.lru.delete(key);
    else this.store(key, { ...current, others: others.size === 0 ? undefined : others });
  }

  private store(key: string, bucket: Bucket): void {
    if (this.hasByteLimit) this.lru.set(key, bucket, { size: bucketSize(bucket) + key.length * 2 });
    else this.lru.set(key, bucket);
  }
}
