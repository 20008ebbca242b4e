import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import type { Cache } from '../ports/cache';
import type { CircuitBreaker } from './circuit-breaker';

function isCircuitOpen(error: unknown): boolean {
  return EnterpriseHubError.isInstance(error) && error.code === 'CIRCUIT_OPEN';
}

/**
 * The L2 side of the tiered cache: calls the {@link Cache} port through the breaker with plain values (so other
 * code sharing the L2 reads and writes the same entries), never throws, counts hits, misses and errors. A call
 * skipped because the circuit is open counts as neither.
 *
 * @internal
 */
export class L2Tier {
  hits = 0;
  misses = 0;
  errors = 0;

  constructor(
    private readonly cache: Cache,
    private readonly breaker: CircuitBreaker,
    private readonly onAccess: ((tenantId: string, hit: boolean) => void) | undefined,
  ) {}

  /** Reads (tenant, key); `undefined` on a miss, a failure or an open circuit. */
  async read(tenantId: string, key: string): Promise<{ value: unknown } | undefined> {
    if (!this.breaker.isCallPermitted) return undefined;
    let value: unknown;
    try {
      value = await this.breaker.execute(() => this.cache.get({ tenantId, key }));
    } catch (error) {
      if (!isCircuitOpen(error)) this.errors += 1;
      return undefined;
    }
    const hit = value !== undefined;
    if (hit) this.hits += 1;
    else this.misses += 1;
    this.onAccess?.(tenantId, hit);
    return hit ? { value } : undefined;
  }

  /** Writes `value` for `ttlMs`. */
  async write(options: { tenantId: string; key: string; value: unknown; ttlMs: number }): Promise<void> {
    const { tenantId, key, value, ttlMs } = options;
    await this.call(() => this.cache.set({ tenantId, key, value, ttlMs }));
  }

  /** Deletes (tenant, key) from L2. */
  async remove(tenantId: string, key: string): Promise<void> {
    await this.call(() => this.cache.delete({ tenantId, key }));
  }

  private async call(operation: () => Promise<void>): Promise<void> {
    if (!this.breaker.isCallPermitted) return;
    try {
      await this.breaker.execute(operation);
    } catch (error) {
      if (!isCircuitOpen(error)) this.errors += 1;
    }
  }
}
