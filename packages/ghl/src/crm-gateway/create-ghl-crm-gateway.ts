import {
  crmActionSchema,
  EnterpriseHubError,
  MemoryCache,
  systemClock,
  toEnterpriseHubError,
  type Cache,
  type Clock,
  type CrmAction,
  type CrmExecuteResult,
  type CrmGateway,
  type GhlMapping,
} from '@enterprisehub/core';
import type { GhlClient } from '../client/create-ghl-client';
import { isAmbiguous, type CrmActionContext } from './crm-action-context';
import { customFieldsAction, dndAction, noteAction, tagsAction, workflowAction } from './crm-contact-actions';
import { sendMessageAction } from './crm-message-actions';
import { appointmentAction, createOpportunityAction, moveStageAction } from './crm-pipeline-actions';
import { freeSlotsFor } from './free-slots-for';

/** Options of {@link createGhlCrmGateway}: one client, or a client per tenant, plus the tenant's GHL mapping. */
export interface GhlCrmGatewayOptions {
  /** The client, when every action goes to one location. */
  client?: GhlClient;
  /** The client of a tenant's location (multi-tenant deployments); wins over `client`. */
  clientForTenant?: (tenantId: string) => GhlClient | Promise<GhlClient>;
  /** Logical names → GHL ids (custom fields, pipeline stages, workflows, calendar): one mapping or one per tenant (`tenant.ghl`). */
  mapping: GhlMapping | ((tenantId: string) => GhlMapping | Promise<GhlMapping>);
  /** Remembers finished and in-progress action keys; share it (Redis) between instances. @defaultValue an in-memory cache */
  idempotencyCache?: Cache;
  /** How long finished action keys are remembered, ms. @defaultValue 7 days */
  idempotencyTtlMs?: number;
  /** Length of a calendar slot, minutes (GHL's free-slots answer lists starts only). @defaultValue `30` */
  slotMinutes?: number;
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
}

type Remembered = { state: 'done'; result: CrmExecuteResult } | { state: 'pending'; startedAt: number };

function dispatch(context: CrmActionContext, action: CrmAction): Promise<CrmExecuteResult> {
  switch (action.type) {
    case 'sendMessage':
      return sendMessageAction(context, action);
    case 'addTags':
    case 'removeTags':
      return tagsAction(context, action);
    case 'updateCustomFields':
      return customFieldsAction(context, action);
    case 'moveOpportunityStage':
      return moveStageAction(context, action);
    case 'createOpportunity':
      return createOpportunityAction(context, action);
    case 'createAppointment':
      return appointmentAction(context, action);
    case 'addToWorkflow':
      return workflowAction(context, action);
    case 'addNote':
      return noteAction(context, action);
    case 'setDnd':
      return dndAction(context, action);
  }
}

/**
 * Creates the core `CrmGateway` that performs CRM-neutral actions on GHL: messages on each channel,
 * tags, custom fields, opportunity stages, appointments, workflows, notes and DND, resolving logical
 * names through the tenant's mapping. Idempotent per `idempotencyKey`: a finished key returns its
 * first result; creating calls (messages, notes, opportunities, appointments) look for the result of
 * an earlier, possibly-landed attempt before creating again, so a timeout never duplicates them.
 *
 * @throws `EnterpriseHubError` `CRM_MAPPING_MISSING` for an unmapped name; GHL failures as `GhlApiError`
 * (retryable for 429, 5xx, timeouts).
 * @example
 * ```ts
 * const crm = createGhlCrmGateway({ clientForTenant: (id) => clients.get(id), mapping: (id) => registry.get(id).ghl });
 * await crm.execute({ tenantId, action: { type: 'addTags', idempotencyKey: 'k1', contactId, tags: ['hot'] } });
 * ```
 */
export function createGhlCrmGateway(options: GhlCrmGatewayOptions): CrmGateway {
  const clock = options.clock ?? systemClock;
  const cache = options.idempotencyCache ?? new MemoryCache({ clock });
  const ttlMs = options.idempotencyTtlMs ?? 7 * 86_400_000;
  const running = new Map<string, Promise<CrmExecuteResult>>();

  const clientFor = async (tenantId: string): Promise<GhlClient> => {
    const client = options.clientForTenant !== undefined ? await options.clientForTenant(tenantId) : options.client;
    if (client === undefined) throw new EnterpriseHubError({ code: 'CONFIG_INVALID', message: 'createGhlCrmGateway needs a client or clientForTenant.' });
    return client;
  };
  const mappingFor = async (tenantId: string): Promise<GhlMapping> =>
    typeof options.mapping === 'function' ? options.mapping(tenantId) : options.mapping;

  const run = async (tenantId: string, action: CrmAction, signal: AbortSignal | undefined): Promise<CrmExecuteResult> => {
    const key = `ghl-crm:${action.idempotencyKey}`;
    const remembered = await cache.get<Remembered>({ tenantId, key });
    if (remembered?.state === 'done') return remembered.result;
    const earlierAttemptAt = remembered?.state === 'pending' ? remembered.startedAt : undefined;
    await cache.set<Remembered>({ tenantId, key, value: { state: 'pending', startedAt: earlierAttemptAt ?? clock.now() }, ttlMs });
    try {
      const context: CrmActionContext = { tenantId, client: await clientFor(tenantId), mapping: await mappingFor(tenantId), clock, signal, earlierAttemptAt };
      const result = await dispatch(context, action);
      await cache.set<Remembered>({ tenantId, key, value: { state: 'done', result }, ttlMs });
      return result;
    } catch (error) {
      // Only an ambiguous failure may have landed; anything else needs no look-up next time.
      if (!isAmbiguous(error) && earlierAttemptAt === undefined) await cache.delete({ tenantId, key });
      throw toEnterpriseHubError(error);
    }
  };

  return {
    execute: async ({ tenantId, action, signal }) => {
      const parsed = crmActionSchema.safeParse(action);
      if (!parsed.success) throw toEnterpriseHubError(parsed.error);
      const flightKey = `${tenantId}\u0000${parsed.data.idempotencyKey}`;
      const inFlight = running.get(flightKey);
      if (inFlight !== undefined) return inFlight;
      const started = run(tenantId, parsed.data, signal).finally(() => running.delete(flightKey));
      running.set(flightKey, started);
      return started;
    },
    getFreeSlots: async ({ tenantId, calendarId, from, to, timeZone, signal }) => {
      const mapping = await mappingFor(tenantId);
      const calendar = calendarId ?? mapping.calendarId;
      if (calendar === undefined) {
        throw new EnterpriseHubError({ code: 'CRM_MAPPING_MISSING', message: `Tenant ${tenantId} has no GHL calendar mapped.`, details: { tenantId } });
      }
      const client = await clientFor(tenantId);
      return freeSlotsFor({ client, calendarId: calendar, from, to, timeZone, signal, slotMinutes: options.slotMinutes ?? 30 });
    },
  };
}
