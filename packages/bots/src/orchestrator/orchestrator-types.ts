import type {
  AuditLog,
  Clock,
  ContactStore,
  ConversationStore,
  CrmGateway,
  EventBus,
  Inbox,
  Job,
  JobQueue,
  JsonValue,
  ListingSource,
  LlmClient,
  LockManager,
  MetricsRepository,
  RateLimiter,
  Scheduler,
  Tenant,
  UnitOfWork,
} from '@enterprisehub/core';
import type { AgencyContactInfo } from '../compliance/compliance-types';
import type { HandoffAnalytics, HandoffGovernorSettings } from '../handoff/handoff-types';
import type { LlmCostGuard } from '../llm/llm-cost-guard';
import type { ScoringWeights, TemperatureThresholds } from '../scoring/scoring-weights';
import type { TemplateOverrides } from '../templates/default-templates';
import type { InboundMessageInput } from './inbound-event';
import type { TurnResult } from './turn-result';

/** The core ports the orchestrator talks to; it never touches a CRM, database or model SDK directly. */
export interface BotPorts {
  /** Conversation state (reads; writes go through `unitOfWork`). */
  conversations: ConversationStore;
  /** Contacts (reads; writes go through `unitOfWork`). */
  contacts: ContactStore;
  /** Idempotency: `processed:<messageId>` marks handled messages. */
  inbox: Inbox;
  /** Audit log (handoff decisions; turn records go through `unitOfWork`). */
  audit: AuditLog;
  /** Commits state + audit + outbox (CRM actions) together. */
  unitOfWork: UnitOfWork;
  /** Per-contact locks (one turn per contact at a time) and the handoff lock. */
  locks: LockManager;
  /** Shared counters (handoff limits). */
  limiter: RateLimiter;
  /** Time source. */
  clock: Clock;
  /** Bus the turn events go to (observability listens); a private bus when omitted. */
  events?: EventBus;
  /** Job queue: re-queues busy contacts; also schedules follow-ups when no `scheduler` is given. */
  queue?: JobQueue;
  /** Delayed jobs (nurture, dormancy, deferred sends), replaced by id. */
  scheduler?: Scheduler;
  /** CRM gateway for free calendar slots, or one per tenant. Actions themselves go through the outbox. */
  crm?: CrmGateway | ((tenantId: string) => CrmGateway);
  /** Listings and sold comps (buyer matching, seller CMA); e.g. `createDemoListingSource()`. */
  listings?: ListingSource;
  /** Model client for LLM mode (used for tenants with `llm.enabled`); the rules engine answers without it. */
  llm?: LlmClient;
  /** LLM spend guard consulted before every model call. */
  costGuard?: LlmCostGuard;
  /** Receives A/B template outcome samples (`bots.template.outcome`). */
  metrics?: MetricsRepository;
}

/** Looks tenants up by id (core's `TenantRegistry` fits). */
export interface TenantLookup {
  /** The tenant, or `undefined` when unknown. */
  get(tenantId: string): Tenant | undefined;
}

/** A per-tenant setting: one value for all tenants, or a function of the tenant. */
export type PerTenant<T> = T | ((tenant: Tenant) => T | undefined);

/** Options of {@link createBotOrchestrator}. */
export interface BotOrchestratorOptions {
  /** Contact lock TTL, ms. @defaultValue 30000 */
  lockTtlMs?: number;
  /** How long a message waits for a busy contact before it is re-queued, ms. @defaultValue 5000 */
  lockWaitMs?: number;
  /** Delay before a re-queued message is retried, ms. @defaultValue 2000 */
  requeueDelayMs?: number;
  /** How long processed message ids are remembered, ms. @defaultValue 7 days */
  processedTtlMs?: number;
  /** Time budget of one turn's model calls in LLM mode, ms (then the rules engine answers). @defaultValue 8000 */
  turnTimeoutMs?: number;
  /** Handoff guardrail overrides (confidence, hourly/daily limits, circular window). */
  handoff?: Omit<HandoffGovernorSettings, 'events' | 'audit'>;
  /** Scoring thresholds and weights. */
  scoring?: PerTenant<{
    thresholds?: Partial<TemperatureThresholds>;
    weights?: Partial<ScoringWeights>;
  }>;
  /** Message templates replacing the defaults key by key. */
  templates?: PerTenant<TemplateOverrides>;
  /** Agency contact details for HELP replies and the CAN-SPAM footer. */
  contactInfo?: PerTenant<AgencyContactInfo>;
  /** Logical workflow name hot leads are added to. @defaultValue `'hot_lead'` */
  hotLeadWorkflow?: string;
  /** Schedule nurture follow-ups and dormancy checks. @defaultValue true */
  nurture?: boolean;
}

/** Runs the Lead, Buyer and Seller bots for inbound messages and scheduled jobs. */
export interface BotOrchestrator {
  /**
   * Handles one inbound message end to end (the eight steps of ARCHITECTURE.md): idempotent per message id,
   * one turn per contact at a time, state + audit + CRM actions committed together, events emitted after commit.
   *
   * @throws An `EnterpriseHubError` with `VALIDATION_FAILED` for a malformed event; retryable port errors
   *   (`STORE_UNAVAILABLE`, `LOCK_NOT_ACQUIRED` without a queue, …) so the caller's queue retries.
   */
  handleInbound(event: InboundMessageInput): Promise<TurnResult>;
  /** Handles one of the orchestrator's jobs (see `BOT_JOB_NAMES`); unknown names throw `QUEUE_HANDLER_MISSING`. */
  handleJob(job: Job<JsonValue>): Promise<TurnResult | undefined>;
  /** Registers a handler for every bot job name on `queue`. */
  registerJobHandlers(queue: Pick<JobQueue, 'registerHandler'>): void;
  /** Pauses bot replies for a contact (an agent took over); inbound messages are still recorded. */
  pause(options: ContactControlOptions): Promise<void>;
  /** Resumes bot replies paused with {@link BotOrchestrator.pause}. */
  resume(options: ContactControlOptions): Promise<void>;
  /** Ends a human escalation: the bots may answer the contact again. */
  releaseEscalation(options: ContactControlOptions): Promise<void>;
  /** Handoff totals, success rate and refusals by reason for a tenant (this process). */
  handoffAnalytics(options: { tenantId: string }): HandoffAnalytics;
}

/** Identifies the contact of a control call. */
export interface ContactControlOptions {
  /** Tenant. */
  tenantId: string;
  /** Contact. */
  contactId: string;
  /** Who did it (agent or user id, no PII), recorded in the audit log. */
  actorId?: string;
}
