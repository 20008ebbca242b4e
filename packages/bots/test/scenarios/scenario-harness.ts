import {
  createEventBus,
  createMemoryCrmGateway,
  DEMO_TENANT,
  tenantSchema,
  TenantRegistry,
  type EventMap,
  type EventName,
  type FreeSlot,
  type LlmClient,
  type Tenant,
  type TenantInput,
} from '@enterprisehub/core';
import {
  createMemoryPorts,
  ManualClock,
  MANUAL_CLOCK_EPOCH,
  type MemoryPorts,
} from '@enterprisehub/core/testing';
import {
  createBotOrchestrator,
  createDemoListingSource,
  type BotOrchestrator,
  type BotOrchestratorOptions,
  type LlmCostGuard,
  type TurnResult,
} from '../../src/index';

const HOUR_MS = 3_600_000;

/** Free calendar slots at 10:00 and 14:00 Austin time (UTC-6 in winter) on the next `days` days. */
export function dailySlots(start: number, days = 6): FreeSlot[] {
  const slots: FreeSlot[] = [];
  const midnightUtc = Math.floor(start / (24 * HOUR_MS)) * 24 * HOUR_MS;
  for (let day = 1; day <= days; day += 1) {
    for (const hourUtc of [16, 20]) {
      const begin = midnightUtc + day * 24 * HOUR_MS + hourUtc * HOUR_MS;
      slots.push({
        startTime: new Date(begin).toISOString(),
        endTime: new Date(begin + HOUR_MS).toISOString(),
      });
    }
  }
  return slots;
}

/** Options of {@link createScenario}. */
export interface ScenarioOptions {
  /** Tenant overrides on top of the demo tenant. */
  tenant?: Partial<TenantInput>;
  /** Orchestrator options. */
  options?: BotOrchestratorOptions;
  /** LLM client (LLM mode needs `tenant.llm.enabled`). */
  llm?: LlmClient | ((clock: ManualClock) => LlmClient);
  /** Cost guard. */
  costGuard?: LlmCostGuard;
  /** Free calendar slots; default 10:00 and 14:00 Austin time on the next six days. */
  freeSlots?: FreeSlot[];
  /** Start time; default 2026-01-01T00:00Z (Dec 31, 6 pm in Austin). */
  start?: number;
}

/** A whole orchestrator on memory ports with a manual clock, plus helpers to drive a conversation. */
export function createScenario(options: ScenarioOptions = {}) {
  const clock = new ManualClock(options.start ?? MANUAL_CLOCK_EPOCH);
  const memory: MemoryPorts = createMemoryPorts({ clock });
  const slots = options.freeSlots ?? dailySlots(clock.now());
  const crm = createMemoryCrmGateway({ clock, freeSlots: slots });
  const events = createEventBus();
  const seen: { name: EventName; payload: EventMap[EventName] }[] = [];
  const names: EventName[] = [
    'message.received',
    'intent.decoded',
    'bot.replied',
    'bot.turn.completed',
    'handoff.completed',
    'handoff.blocked',
    'compliance.blocked',
    'compliance.rewritten',
    'compliance.deferred',
    'lead.scored',
    'error.raised',
  ];
  for (const name of names) events.on(name, (payload) => void seen.push({ name, payload }));
  const tenant: Tenant = tenantSchema.parse({ ...DEMO_TENANT, ...options.tenant });
  const tenants = new TenantRegistry([tenant]);
  const bots: BotOrchestrator = createBotOrchestrator({
    ports: {
      ...memory,
      limiter: memory.rateLimiter,
      queue: memory.jobs,
      scheduler: memory.jobs,
      crm,
      events,
      listings: createDemoListingSource({ now: clock.now() }),
      ...(options.llm
        ? { llm: typeof options.llm === 'function' ? options.llm(clock) : options.llm }
        : {}),
      ...(options.costGuard ? { costGuard: options.costGuard } : {}),
    },
    tenants,
    ...(options.options ? { options: options.options } : {}),
  });
  bots.registerJobHandlers(memory.jobs);
  let sequence = 0;
  return {
    clock,
    memory,
    crm,
    events: seen,
    tenant,
    tenants,
    bots,
    /** Sends one inbound SMS from `contactId` and returns the turn result. */
    async say(
      text: string,
      contactId = 'lead-1',
      extra: { messageId?: string; firstName?: string } = {},
    ): Promise<TurnResult> {
      sequence += 1;
      return bots.handleInbound({
        tenantId: tenant.id,
        contactId,
        messageId: extra.messageId ?? `m${sequence}`,
        channel: 'SMS',
        body: text,
        receivedAt: clock.now(),
        ...(extra.firstName ? { contact: { firstName: extra.firstName } } : {}),
      });
    },
    /** Text of the reply (sent or deferred), or '' when none. */
    replyText(result: TurnResult): string {
      return result.reply.kind === 'none' ? '' : result.reply.text;
    },
    /** Moves time forward and lets due jobs run. */
    async advance(ms: number): Promise<void> {
      await clock.advanceAsync(ms);
      await memory.jobs.drain();
      await clock.advanceAsync(0);
    },
    /** Outbox actions of a contact, oldest first. */
    async outbox(contactId = 'lead-1') {
      return (await memory.outbox.list({ tenantId: tenant.id, contactId, limit: 500 })).map(
        (entry) => entry.action,
      );
    },
    /** Stored conversation. */
    state: (contactId = 'lead-1') => memory.conversations.get({ tenantId: tenant.id, contactId }),
    /** Audit records of a contact. */
    audit: (contactId = 'lead-1', type?: string) =>
      memory.audit.query({
        tenantId: tenant.id,
        contactId,
        limit: 1000,
        ...(type ? { type } : {}),
      }),
    eventsNamed<K extends EventName>(name: K): EventMap[K][] {
      return seen
        .filter((event) => event.name === name)
        .map((event) => event.payload as EventMap[K]);
    },
  };
}

/** A scenario, as returned by {@link createScenario}. */
export type Scenario = ReturnType<typeof createScenario>;
