import type { Clock } from '../ports/clock';
import { systemClock } from '../ports/system-clock';
import type { TenantScoped } from '../ports/tenant-scoped';
import { CircuitBreaker } from './circuit-breaker';
import { CoarseClock } from './coarse-clock';
import { estimateSize } from './estimate-size';
import { L1Tier } from './l1-tier';
import { L2Tier } from './l2-tier';
import type { GetOrSetOptions, TieredCache, TieredCacheOptions, TieredCacheStats } from './tiered-cache-types';
import { waitWithSignal } from './wait-with-signal';

/** A load in progress for one (tenant, key); `discarded` once a set/delete made its result obsolete. */
interface Flight {
  promise: Promise<unknown>;
  state: { discarded: boolean };
}

type KeyOptions = TenantScoped & { key: string };

/** Tenant-scoped id of an in-flight load; the length prefix makes `('a:b', 'c')` and `('a', 'b:c')` distinct. */
function flightId(tenantId: string, key: string): string {
  return `${tenantId.length}:${tenantId}:${key}`;
}

class DefaultTieredCache implements TieredCache {
  private readonly l1: L1Tier;
  private readonly l2: L2Tier | undefined;
  private readonly breaker: CircuitBreaker;
  private readonly clock: Clock;
  private readonly ttlClock: CoarseClock;
  private readonly staleMs: number;
  private readonly negativeTtlMs: number;
  private readonly promotedTtlMs: number;
  private readonly sizeOf: ((value: unknown) => number) | undefined;
  private readonly events: TieredCacheOptions['events'];
  private readonly flights = new Map<string, Flight>();
  private l1Hits = 0;
  private l1Misses = 0;

  constructor(options: TieredCacheOptions) {
    const maxBytes = options.l1?.maxBytes;
    this.l1 = new L1Tier({ maxEntries: options.l1?.maxEntries ?? 10_000, maxBytes });
    this.sizeOf = maxBytes === undefined ? undefined : (options.l1?.sizeOf ?? estimateSize);
    this.clock = options.clock ?? systemClock;
    this.ttlClock = new CoarseClock(this.clock);
    this.staleMs = Math.max(0, options.staleWhileRevalidateMs ?? 0);
    this.negativeTtlMs = Math.max(0, options.negativeTtlMs ?? 0);
    this.promotedTtlMs = Math.max(0, options.l1?.promotedTtlMs ?? 30_000);
    this.events = options.events;
    this.breaker = new CircuitBreaker({
      name: 'cache-l2',
      failureThreshold: options.breaker?.failureThreshold ?? 5,
      resetTimeoutMs: options.breaker?.resetTimeoutMs ?? 30_000,
      timeoutMs: options.breaker?.l2TimeoutMs ?? 100,
      clock: this.clock,
    });
    const onL2Access = this.events ? (tenantId: string, hit: boolean) => this.emit(tenantId, 'l2', hit) : undefined;
    this.l2 = options.l2 ? new L2Tier(options.l2, this.breaker, onL2Access) : undefined;
  }

  get<T = unknown>(options: KeyOptions): Promise<T | undefined> {
    const entry = this.l1.get(options.tenantId, options.key);
    if (entry !== undefined && entry.expiresAt > this.ttlClock.now()) {
      this.l1Hits += 1;
      if (this.events) this.emit(options.tenantId, 'l1', true);
      return (entry.resolved ??= Promise.resolve(entry.value)) as Promise<T | undefined>;
    }
    return this.getFromL2<T>(options);
  }

  getOrSet<T>(options: GetOrSetOptions<T>): Promise<T> {
    const { tenantId, key } = options;
    const entry = this.l1.get(tenantId, key);
    if (entry !== undefined) {
      const now = this.ttlClock.now();
      if (entry.staleUntil > now) {
        this.l1Hits += 1;
        if (this.events) this.emit(tenantId, 'l1', true);
        if (entry.expiresAt <= now && !this.flights.has(flightId(tenantId, key))) {
          this.startFlight(options).promise.catch(() => undefined); // background refresh; the stale value stays on failure
        }
        return (entry.resolved ??= Promise.resolve(entry.value)) as Promise<T>;
      }
      this.l1.delete(tenantId, key);
    }
    this.l1Misses += 1;
    if (this.events) this.emit(tenantId, 'l1', false);
    const flight = this.flights.get(flightId(tenantId, key)) ?? this.startFlight(options);
    return waitWithSignal(flight.promise as Promise<T>, options.signal);
  }

  async set<T = unknown>(options: KeyOptions & { value: T; ttlMs: number }): Promise<void> {
    const { tenantId, key } = options;
    this.discardFlight(tenantId, key);
    if (options.value === undefined || options.ttlMs <= 0) {
      this.l1.delete(tenantId, key);
      await this.l2?.remove(tenantId, key);
      return;
    }
    const expiresAt = this.clock.now() + options.ttlMs;
    this.storeL1(options, options.value, expiresAt);
    await this.l2?.write({ tenantId, key, value: options.value, ttlMs: options.ttlMs });
  }

  async delete(options: KeyOptions): Promise<void> {
    this.discardFlight(options.tenantId, options.key);
    this.l1.delete(options.tenantId, options.key);
    await this.l2?.remove(options.tenantId, options.key);
  }

  stats(): TieredCacheStats {
    return {
      l1: { hits: this.l1Hits, misses: this.l1Misses },
      l2: {
        hits: this.l2?.hits ?? 0,
        misses: this.l2?.misses ?? 0,
        errors: this.l2?.errors ?? 0,
        breaker: this.breaker.state,
      },
    };
  }

  private async getFromL2<T>(options: KeyOptions): Promise<T | undefined> {
    this.l1Misses += 1;
    if (this.events) this.emit(options.tenantId, 'l1', false);
    if (this.l2 === undefined) return undefined;
    const read = await this.l2.read(options.tenantId, options.key);
    if (read === undefined) return undefined;
    if (this.promotedTtlMs > 0) this.storeL1(options, read.value, this.clock.now() + this.promotedTtlMs);
    return read.value as T;
  }

  private startFlight<T>(options: GetOrSetOptions<T>): Flight {
    const id = flightId(options.tenantId, options.key);
    const state = { discarded: false };
    const promise = this.load(options, state).finally(() => {
      if (this.flights.get(id)?.state === state) this.flights.delete(id);
    });
    const flight: Flight = { promise, state };
    this.flights.set(id, flight);
    return flight;
  }

  private async load<T>(options: GetOrSetOptions<T>, state: Flight['state']): Promise<T> {
    const { tenantId, key, ttlMs } = options;
    if (this.l2) {
      const read = await this.l2.read(tenantId, key);
      if (read !== undefined) {
        const promotedMs = Math.min(ttlMs, this.promotedTtlMs);
        if (!state.discarded && promotedMs > 0) this.storeL1(options, read.value, this.clock.now() + promotedMs);
        return read.value as T;
      }
    }
    const value = await options.load();
    if (state.discarded || ttlMs <= 0) return value;
    const now = this.clock.now();
    if (value === undefined) {
      if (this.negativeTtlMs > 0) this.storeL1(options, undefined, now + this.negativeTtlMs);
      return value;
    }
    const expiresAt = now + ttlMs;
    this.storeL1(options, value, expiresAt);
    await this.l2?.write({ tenantId, key, value, ttlMs });
    return value;
  }

  private storeL1(target: KeyOptions, value: unknown, expiresAt: number): void {
    const staleUntil = value === undefined ? expiresAt : expiresAt + this.staleMs;
    const size = this.sizeOf === undefined ? 0 : Math.ceil(this.sizeOf(value));
    this.l1.set(target.tenantId, target.key, { value, expiresAt, staleUntil, size: Number.isFinite(size) ? size : 1 });
  }

  private discardFlight(tenantId: string, key: string): void {
    const id = flightId(tenantId, key);
    const flight = this.flights.get(id);
    if (flight === undefined) return;
    flight.state.discarded = true;
    this.flights.delete(id);
  }

  private emit(tenantId: string, tier: 'l1' | 'l2', hit: boolean): void {
    this.events?.emit('cache.accessed', { tenantId, at: this.clock.now(), tier, hit });
  }
}

/**
 * Creates a {@link TieredCache}: L1 lru-cache (entry and byte limits, TTL by the injected clock) in front of an
 * optional L2 {@link Cache} behind a circuit breaker, with single-flight `getOrSet`.
 *
 * @example
 * ```ts
 * const cache = createTieredCache({ l1: { maxEntries: 5_000 }, l2: redisCache, breaker: { l2TimeoutMs: 50 } });
 * const listing = await cache.getOrSet({ tenantId, key: `listing:${id}`, ttlMs: 60_000, load: () => fetchListing(id) });
 * ```
 */
export function createTieredCache(options: TieredCacheOptions = {}): TieredCache {
  return new DefaultTieredCache(options);
}
