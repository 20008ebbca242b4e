import type { Clock, CrmGateway, EventBus } from '@enterprisehub/core';
import type { HandoffGovernor } from '../handoff/handoff-types';
import type { JobScheduler } from '../scheduling/job-scheduler';
import type { BotOrchestratorOptions, BotPorts, TenantLookup } from './orchestrator-types';
import type { TenantServices, TurnBudgets } from './tenant-services';

/** Settings with their defaults applied. @internal */
export interface ResolvedSettings extends BotOrchestratorOptions {
  lockTtlMs: number;
  lockWaitMs: number;
  requeueDelayMs: number;
  processedTtlMs: number;
  turnTimeoutMs: number;
  hotLeadWorkflow: string;
  nurture: boolean;
}

/** What every orchestrator step receives. @internal */
export interface OrchestratorContext {
  ports: BotPorts;
  tenants: TenantLookup;
  settings: ResolvedSettings;
  events: EventBus;
  clock: Clock;
  services: (tenant: TenantServices['tenant']) => TenantServices;
  governor: HandoffGovernor;
  scheduler: JobScheduler | undefined;
  budgets: TurnBudgets;
  /** The CRM gateway for a tenant (free slots), when the host gave one. */
  crmFor: (tenantId: string) => CrmGateway | undefined;
}

/** Inbox id marking a message as processed. @internal */
export const processedId = (messageId: string): string => `processed:${messageId}`;

/** Lock key of a contact's turns. @internal */
export const contactLockKey = (contactId: string): string => `contact:${contactId}`;
