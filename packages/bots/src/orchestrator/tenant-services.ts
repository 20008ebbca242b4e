import type { BotName, LlmClient, Tenant } from '@enterprisehub/core';
import type { AgencyContactInfo } from '../compliance/compliance-types';
import { createComplianceGuard, type ComplianceGuard } from '../compliance/compliance-guard';
import {
  FAIR_HOUSING_DEMOGRAPHIC_RULES,
  FAIR_HOUSING_PREFERENCE_RULES,
} from '../compliance/fair-housing-block-rules';
import { FAIR_HOUSING_STEERING_RULES } from '../compliance/fair-housing-steering-rules';
import { compileTextRules, type CompiledTextRule } from '../compliance/text-rule-engine';
import type { BotEngine } from '../engines/bot-engine';
import { createBuyerBot } from '../engines/buyer-bot';
import { createLeadBot } from '../engines/lead-bot';
import { createSellerBot } from '../engines/seller-bot';
import { createFactExtractor, type FactExtractor } from '../extraction/fact-extractor';
import { createIntentDecoder, type IntentDecoder } from '../intent/intent-decoder';
import { createGuardedLlmClient } from '../llm/guarded-llm-client';
import type { LlmCostMode } from '../llm/llm-cost-guard';
import type { ScoringWeights, TemperatureThresholds } from '../scoring/scoring-weights';
import type { TemplateOverrides } from '../templates/default-templates';
import type { BotOrchestratorOptions, BotPorts, PerTenant } from './orchestrator-types';

/** What the orchestrator builds once per tenant (rebuilt when the tenant object changes). @internal */
export interface TenantServices {
  tenant: Tenant;
  decoder: IntentDecoder;
  extractor: FactExtractor;
  guard: ComplianceGuard;
  /** Fair-housing rules compiled for reading the lead's own questions. */
  inboundFairHousing: CompiledTextRule[];
  engines: Readonly<Record<BotName, BotEngine>>;
  templates: TemplateOverrides | undefined;
  scoring:
    { thresholds?: Partial<TemperatureThresholds>; weights?: Partial<ScoringWeights> } | undefined;
  /** The cost-guarded model client, when the tenant runs in LLM mode. */
  llm: LlmClient | undefined;
}

/** Per-turn LLM bookkeeping shared by the guarded clients: deadlines and the cost mode seen. @internal */
export class TurnBudgets {
  private readonly deadlines = new Map<string, number>();
  private readonly modes = new Map<string, LlmCostMode>();

  start(tenantId: string, contactId: string, deadline: number): void {
    this.deadlines.set(`${tenantId}\u0000${contactId}`, deadline);
    this.modes.delete(`${tenantId}\u0000${contactId}`);
  }

  end(tenantId: string, contactId: string): void {
    this.deadlines.delete(`${tenantId}\u0000${contactId}`);
    this.modes.delete(`${tenantId}\u0000${contactId}`);
  }

  deadline(tenantId: string, contactId: string | undefined): number | undefined {
    return contactId === undefined
      ? undefined
      : this.deadlines.get(`${tenantId}\u0000${contactId}`);
  }

  setMode(tenantId: string, contactId: string | undefined, mode: LlmCostMode): void {
    if (contactId !== undefined) this.modes.set(`${tenantId}\u0000${contactId}`, mode);
  }

  mode(tenantId: string, contactId: string): LlmCostMode | undefined {
    return this.modes.get(`${tenantId}\u0000${contactId}`);
  }
}

/** Resolves a {@link PerTenant} setting. @internal */
export function perTenant<T>(setting: PerTenant<T> | undefined, tenant: Tenant): T | undefined {
  return typeof setting === 'function'
    ? (setting as (tenant: Tenant) => T | undefined)(tenant)
    : setting;
}

/** Builds and caches {@link TenantServices} per tenant object. @internal */
export function createTenantServices(options: {
  ports: BotPorts;
  settings: BotOrchestratorOptions;
  budgets: TurnBudgets;
}): (tenant: Tenant) => TenantServices {
  const { ports, settings, budgets } = options;
  const cache = new WeakMap<Tenant, TenantServices>();
  const engines = { lead: createLeadBot(), buyer: createBuyerBot(), seller: createSellerBot() };
  return (tenant) => {
    const cached = cache.get(tenant);
    if (cached) return cached;
    const llm =
      ports.llm && tenant.llm.enabled
        ? createGuardedLlmClient({
            llm: ports.llm,
            tenant,
            clock: ports.clock,
            costGuard: ports.costGuard,
            deadlineFor: (contactId) => budgets.deadline(tenant.id, contactId),
            onMode: (mode, contactId) => budgets.setMode(tenant.id, contactId, mode),
          })
        : undefined;
    const contactInfo: AgencyContactInfo | undefined = perTenant(settings.contactInfo, tenant);
    const areaNames = tenant.market.areas.flatMap((area) => [
      area.name,
      ...area.aliases.filter((alias) => alias.length >= 4),
    ]);
    const services: TenantServices = {
      tenant,
      decoder: createIntentDecoder({
        market: tenant.market,
        tenantId: tenant.id,
        ...(llm ? { llm } : {}),
      }),
      extractor: createFactExtractor({
        market: tenant.market,
        clock: ports.clock,
        timeZone: tenant.timeZone,
        tenantId: tenant.id,
        ...(llm ? { llm } : {}),
      }),
      guard: createComplianceGuard({
        tenant,
        clock: ports.clock,
        ...(contactInfo ? { contactInfo } : {}),
      }),
      inboundFairHousing: compileTextRules(
        [
          ...FAIR_HOUSING_PREFERENCE_RULES,
          ...FAIR_HOUSING_DEMOGRAPHIC_RULES,
          ...FAIR_HOUSING_STEERING_RULES,
        ],
        areaNames,
      ),
      engines,
      templates: perTenant(settings.templates, tenant),
      scoring: perTenant(settings.scoring, tenant),
      llm,
    };
    cache.set(tenant, services);
    return services;
  };
}
