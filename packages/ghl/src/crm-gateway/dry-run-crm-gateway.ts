import { MemoryCrmGateway, systemClock, type Clock, type CrmAction, type CrmExecuteResult, type FreeSlot, type GhlMapping } from '@enterprisehub/core';
import { mapped } from './crm-action-context';

/** Options of {@link createDryRunCrmGateway}. */
export interface DryRunCrmGatewayOptions {
  /** Validate logical names against this mapping (or per tenant), failing like the real gateway would. */
  mapping?: GhlMapping | ((tenantId: string) => GhlMapping);
  /** Free slots `getFreeSlots` answers with (filtered to the requested range). @defaultValue none */
  freeSlots?: FreeSlot[];
  /** Time source. @defaultValue `systemClock` */
  clock?: Clock;
}

/** The GHL operation a recorded action would have called. */
export interface PlannedGhlOperation {
  tenantId: string;
  idempotencyKey: string;
  /** e.g. `POST /conversations/messages`. */
  operation: string;
}

const OPERATIONS: Record<CrmAction['type'], string> = {
  sendMessage: 'POST /conversations/messages',
  addTags: 'POST /contacts/{contactId}/tags',
  removeTags: 'DELETE /contacts/{contactId}/tags',
  updateCustomFields: 'PUT /contacts/{contactId}',
  moveOpportunityStage: 'PUT /opportunities/{id}',
  createOpportunity: 'POST /opportunities/',
  createAppointment: 'POST /calendars/events/appointments',
  addToWorkflow: 'POST /contacts/{contactId}/workflow/{workflowId}',
  addNote: 'POST /contacts/{contactId}/notes',
  setDnd: 'PUT /contacts/{contactId}',
};

function validate(action: CrmAction, mapping: GhlMapping, tenantId: string): CrmExecuteResult | undefined {
  if (action.type === 'sendMessage' && (action.channel === 'GMB' || action.channel === 'Call')) {
    return { kind: 'skipped', reason: `channel_unsupported:${action.channel}` };
  }
  if (action.type === 'updateCustomFields') for (const name of Object.keys(action.fields)) mapped({ table: mapping.customFields, name, what: 'custom field', tenantId });
  if (action.type === 'addToWorkflow') mapped({ table: mapping.workflows, name: action.workflow, what: 'workflow', tenantId });
  if (action.type === 'moveOpportunityStage' || action.type === 'createOpportunity') mapped({ table: mapping.pipeline?.stages, name: action.stage, what: 'pipeline stage', tenantId });
  if (action.type === 'createAppointment' && action.calendarId === undefined) mapped({ table: { calendar: mapping.calendarId ?? '' }, name: 'calendar', what: 'calendar', tenantId });
  return undefined;
}

/**
 * A core `CrmGateway` that calls nothing: it records each action (idempotent per key), the GHL operation
 * it would have used, and — with a mapping — fails on unmapped names exactly like the real gateway.
 * The embedded default; inspect `executed()` and `plannedOperations()` in tests and the admin API.
 */
export class DryRunCrmGateway extends MemoryCrmGateway {
  private readonly planned: PlannedGhlOperation[];

  /** Creates an empty dry-run gateway. */
  constructor(options: DryRunCrmGatewayOptions = {}) {
    const planned: PlannedGhlOperation[] = [];
    let sequence = 0;
    super({
      clock: options.clock ?? systemClock,
      ...(options.freeSlots === undefined ? {} : { freeSlots: options.freeSlots }),
      onExecute: (action, tenantId) => {
        const mapping = typeof options.mapping === 'function' ? options.mapping(tenantId) : options.mapping;
        const skipped = mapping === undefined ? undefined : validate(action, mapping, tenantId);
        if (skipped !== undefined) return skipped;
        planned.push({ tenantId, idempotencyKey: action.idempotencyKey, operation: OPERATIONS[action.type] });
        sequence += 1;
        return { kind: 'done', externalId: `dry-run-${sequence}` };
      },
    });
    this.planned = planned;
  }

  /** Records the action (once per tenant and idempotency key) instead of calling GHL; unmapped names fail with `CRM_MAPPING_MISSING`. */
  override execute(options: Parameters<MemoryCrmGateway['execute']>[0]): Promise<CrmExecuteResult> {
    return super.execute(options);
  }

  /** The configured free slots that lie within the requested range. */
  override getFreeSlots(options: Parameters<MemoryCrmGateway['getFreeSlots']>[0]): Promise<FreeSlot[]> {
    return super.getFreeSlots(options);
  }

  /** GHL operations the recorded actions would have called, oldest first. */
  plannedOperations(tenantId?: string): PlannedGhlOperation[] {
    return this.planned.filter((entry) => tenantId === undefined || entry.tenantId === tenantId).map((entry) => ({ ...entry }));
  }
}

/**
 * Creates a {@link DryRunCrmGateway}.
 *
 * @example
 * ```ts
 * const crm = createDryRunCrmGateway({ mapping: tenant.ghl });
 * await crm.execute({ tenantId, action });
 * crm.plannedOperations(tenantId); // [{ operation: 'POST /conversations/messages', … }]
 * ```
 */
export function createDryRunCrmGateway(options: DryRunCrmGatewayOptions = {}): DryRunCrmGateway {
  return new DryRunCrmGateway(options);
}
