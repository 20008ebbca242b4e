/**
 * The bots on your own stores. This example keeps everything in memory; in production pass the stores of
 * `@enterprisehub/adapters/postgres` (`createPostgresStores`) and the Redis ports instead — or your own
 * implementations of the core ports (check them with the contract suites in `@enterprisehub/core/testing`).
 */
import {
  createEventBus,
  createMemoryPorts,
  type Clock,
  type EventBus,
  type TenantRegistry,
} from '@enterprisehub/core';
import {
  createBotOrchestrator,
  createDemoListingSource,
  type BotOrchestrator,
} from '@enterprisehub/bots';

/** The stores the app owns, and the orchestrator built on them. */
export interface EmbeddedBots {
  /** The orchestrator. */
  bots: BotOrchestrator;
  /** Your stores (here: in memory). */
  stores: ReturnType<typeof createMemoryPorts>;
  /** The event bus (`bot.replied`, `handoff.*`, …). */
  events: EventBus;
}

/** Creates the orchestrator for `tenants` on in-memory stores; swap `stores` for your own in production. */
export function createEmbeddedBots(options: {
  tenants: TenantRegistry;
  clock?: Clock;
}): EmbeddedBots {
  const stores = createMemoryPorts(options.clock === undefined ? {} : { clock: options.clock });
  const events = createEventBus();
  const bots = createBotOrchestrator({
    ports: {
      ...stores,
      limiter: stores.rateLimiter,
      queue: stores.jobs,
      scheduler: stores.jobs,
      events,
      listings: createDemoListingSource({ now: stores.clock.now() }),
    },
    tenants: options.tenants,
  });
  bots.registerJobHandlers(stores.jobs); // nurture follow-ups, dormancy checks, deferred sends
  return { bots, stores, events };
}
