import { createEventBus } from '@enterprisehub/core';
import { createHandoffGovernor } from '../handoff/handoff-governor';
import { BOT_JOB_NAMES } from '../scheduling/bot-jobs';
import { createJobScheduler } from '../scheduling/job-scheduler';
import { controlContact } from './contact-controls';
import { handleInbound } from './inbound-pipeline';
import { handleBotJob } from './job-handlers';
import type { OrchestratorContext, ResolvedSettings } from './orchestrator-context';
import type {
  BotOrchestrator,
  BotOrchestratorOptions,
  BotPorts,
  TenantLookup,
} from './orchestrator-types';
import { createTenantServices, TurnBudgets } from './tenant-services';

/** Input of {@link createBotOrchestrator}. */
export interface CreateBotOrchestratorInput {
  /** The core ports (stores, unit of work, locks, limiter, clock, queue/scheduler, CRM, listings, LLM, …). */
  ports: BotPorts;
  /** Tenants by id (core's `TenantRegistry` fits). */
  tenants: TenantLookup;
  /** Tuning; every field has a default. */
  options?: BotOrchestratorOptions;
}

/**
 * Creates the bot orchestrator: the eight-step flow of ARCHITECTURE.md for every inbound message (idempotency,
 * contact lock, tenant checks, opt-out / HELP / escalation, intent and handoff, the active bot's turn, the compliance
 * guard at the send boundary, one unit of work for state + audit + CRM actions, events), plus the scheduled jobs
 * (nurture follow-ups, dormancy checks, deferred sends, re-queued messages). With no `llm` port (or a tenant with
 * `llm.enabled: false`) the deterministic rules engine does everything.
 *
 * @example
 * ```ts
 * const memory = createMemoryPorts({ clock });
 * const bots = createBotOrchestrator({
 *   ports: { ...memory, limiter: memory.rateLimiter, queue: memory.jobs, scheduler: memory.jobs, events, listings: createDemoListingSource() },
 *   tenants: TenantRegistry.demo(),
 * });
 * bots.registerJobHandlers(memory.jobs);
 * const result = await bots.handleInbound({ tenantId: 'demo', contactId: 'c1', messageId: 'm1', channel: 'SMS', body: 'Looking to buy in Cedar Park', receivedAt: clock.now() });
 * result.reply; // { kind: 'sent', text: "…Thanks for reaching out…", bot: 'buyer', … }
 * ```
 */
export function createBotOrchestrator(input: CreateBotOrchestratorInput): BotOrchestrator {
  const { ports, tenants } = input;
  const options = input.options ?? {};
  const settings: ResolvedSettings = {
    ...options,
    lockTtlMs: options.lockTtlMs ?? 30_000,
    lockWaitMs: options.lockWaitMs ?? 5_000,
    requeueDelayMs: options.requeueDelayMs ?? 2_000,
    processedTtlMs: options.processedTtlMs ?? 7 * 24 * 60 * 60 * 1000,
    turnTimeoutMs: options.turnTimeoutMs ?? 8_000,
    hotLeadWorkflow: options.hotLeadWorkflow ?? 'hot_lead',
    nurture: options.nurture ?? true,
  };
  const events = ports.events ?? createEventBus();
  const budgets = new TurnBudgets();
  const crm = ports.crm;
  const ctx: OrchestratorContext = {
    ports,
    tenants,
    settings,
    events,
    clock: ports.clock,
    services: createTenantServices({ ports, settings, budgets }),
    governor: createHandoffGovernor({
      limiter: ports.limiter,
      locks: ports.locks,
      clock: ports.clock,
      options: { ...options.handoff, events, audit: ports.audit },
    }),
    scheduler: createJobScheduler({ scheduler: ports.scheduler, queue: ports.queue }),
    budgets,
    crmFor: (tenantId) => (typeof crm === 'function' ? crm(tenantId) : crm),
  };
  return {
    handleInbound: (event) => handleInbound(ctx, event),
    handleJob: (job) => handleBotJob(ctx, job),
    registerJobHandlers(queue) {
      for (const name of BOT_JOB_NAMES) {
        queue.registerHandler(name, async (job) => {
          await handleBotJob(ctx, job);
        });
      }
    },
    pause: (control) => controlContact(ctx, 'pause', control),
    resume: (control) => controlContact(ctx, 'resume', control),
    releaseEscalation: (control) => controlContact(ctx, 'release_escalation', control),
    handoffAnalytics: ({ tenantId }) => ctx.governor.analytics({ tenantId }),
  };
}
