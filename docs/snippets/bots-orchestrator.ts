/**
 * Compiled snippet for docs/bots.md: embedding the bot orchestrator in a Node service on the in-memory ports (swap in
 * the PostgreSQL / Redis adapters for production), handling an inbound message and wiring the scheduled jobs.
 */
import {
  createEventBus,
  createMemoryPorts,
  TenantRegistry,
  type Clock,
  type LlmClient,
} from '@enterprisehub/core';
import {
  createBotOrchestrator,
  createDemoListingSource,
  type BotOrchestrator,
  type LlmCostGuard,
  type TurnResult,
} from '@enterprisehub/bots';

/** Wires the orchestrator; `llm` and `costGuard` are optional (rules engine only without them). */
export function startBots(options: {
  clock: Clock;
  llm?: LlmClient;
  costGuard?: LlmCostGuard;
}): BotOrchestrator {
  const memory = createMemoryPorts({ clock: options.clock });
  const events = createEventBus();
  events.on('bot.replied', ({ bot, durationMs }) => {
    void bot;
    void durationMs; // feed your metrics here (observability's collector listens to the same bus)
  });
  const bots = createBotOrchestrator({
    ports: {
      ...memory,
      limiter: memory.rateLimiter,
      queue: memory.jobs,
      scheduler: memory.jobs,
      events,
      listings: createDemoListingSource({ now: options.clock.now() }),
      ...(options.llm ? { llm: options.llm } : {}),
      ...(options.costGuard ? { costGuard: options.costGuard } : {}),
    },
    tenants: TenantRegistry.demo(),
    options: { handoff: { hourlyLimit: 3 }, hotLeadWorkflow: 'hot_lead' },
  });
  bots.registerJobHandlers(memory.jobs); // nurture follow-ups, dormancy checks, deferred sends, re-queued messages
  return bots;
}

/** Handles one inbound SMS and returns what the lead will receive (or why nothing). */
export async function onSms(
  bots: BotOrchestrator,
  sms: { contactId: string; messageId: string; text: string; at: number },
): Promise<string> {
  const result: TurnResult = await bots.handleInbound({
    tenantId: 'demo',
    contactId: sms.contactId,
    messageId: sms.messageId,
    channel: 'SMS',
    body: sms.text,
    receivedAt: sms.at,
  });
  switch (result.reply.kind) {
    case 'sent':
      return result.reply.text; // queued in the outbox with the CRM actions (result.actions)
    case 'deferred':
      return `held until ${new Date(result.reply.until).toISOString()} (quiet hours)`;
    default:
      return `no reply: ${result.reply.reason}`;
  }
}
