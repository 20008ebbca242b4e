/** Compiled snippet for docs/bots.md, "Orchestrator and LLM mode": every port, one turn, agent controls. */
import type {
  AuditLog,
  Clock,
  ContactStore,
  ConversationStore,
  CrmGateway,
  EventBus,
  Inbox,
  JobQueue,
  LlmClient,
  LockManager,
  MetricsRepository,
  RateLimiter,
  Scheduler,
  UnitOfWork,
} from '@enterprisehub/core';
import type { LlmCostGuard, TenantLookup } from '@enterprisehub/bots';

declare const conversations: ConversationStore;
declare const contacts: ContactStore;
declare const inbox: Inbox;
declare const audit: AuditLog;
declare const unitOfWork: UnitOfWork;
declare const locks: LockManager;
declare const limiter: RateLimiter;
declare const clock: Clock;
declare const events: EventBus;
declare const queue: JobQueue;
declare const scheduler: Scheduler;
declare const crm: CrmGateway;
declare const llm: LlmClient;
declare const costGuard: LlmCostGuard;
declare const metrics: MetricsRepository;
declare const tenants: TenantLookup;
declare const tenantId: string;
declare const contactId: string;
declare const messageId: string;
declare const body: string;
declare const receivedAt: number;

// #region orchestrator
import { createBotOrchestrator, createDemoListingSource } from '@enterprisehub/bots';

const required = { conversations, contacts, inbox, audit, unitOfWork, locks, limiter, clock };
const optional = { events, queue, scheduler, crm, llm, costGuard, metrics }; // each may be left out
const bots = createBotOrchestrator({
  ports: { ...required, ...optional, listings: createDemoListingSource() },
  tenants, // core TenantRegistry, or any { get(tenantId) }
  options: { handoff: { hourlyLimit: 3 }, lockWaitMs: 5_000, turnTimeoutMs: 8_000 },
});
bots.registerJobHandlers(queue); // bots.inbound-message, bots.nurture-follow-up, bots.dormant-check, bots.deferred-send
const result = await bots.handleInbound({
  tenantId,
  contactId,
  messageId,
  channel: 'SMS',
  body,
  receivedAt,
});
// result.reply: { kind: 'sent', text, messageId, bot, source } | { kind: 'deferred', until, … } | { kind: 'none', reason }
// result.actions (CRM actions committed to the outbox), result.decisions (intent, handoff, compliance, llm, bot…),
// result.score
await bots.pause({ tenantId, contactId }); // an agent takes over; messages are still recorded
await bots.releaseEscalation({ tenantId, contactId }); // after "can I talk to a person?"
// #endregion orchestrator

export { result };
