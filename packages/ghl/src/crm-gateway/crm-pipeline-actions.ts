import { EnterpriseHubError, type CrmActionOf, type CrmExecuteResult } from '@enterprisehub/core';
import { createOnce, done, mapped, type CrmActionContext } from './crm-action-context';

function pipelineOf(context: CrmActionContext): { id: string; stages: Record<string, string> } {
  const pipeline = context.mapping.pipeline;
  if (pipeline === undefined) {
    throw new EnterpriseHubError({ code: 'CRM_MAPPING_MISSING', message: `Tenant ${context.tenantId} has no GHL pipeline mapped.`, details: { tenantId: context.tenantId } });
  }
  return pipeline;
}

/** `moveOpportunityStage` → `PUT /opportunities/{id}` (the contact's open opportunity in the tenant pipeline when no id is given). @internal */
export async function moveStageAction(context: CrmActionContext, action: CrmActionOf<'moveOpportunityStage'>): Promise<CrmExecuteResult> {
  const pipeline = pipelineOf(context);
  const pipelineStageId = mapped({ table: pipeline.stages, name: action.stage, what: 'pipeline stage', tenantId: context.tenantId });
  let opportunityId = action.opportunityId;
  if (opportunityId === undefined) {
    const { opportunities } = await context.client.opportunities.search({ contactId: action.contactId, pipelineId: pipeline.id, status: 'open' }, { signal: context.signal });
    opportunityId = opportunities[0]?.id;
  }
  if (opportunityId === undefined) return { kind: 'skipped', reason: 'no_open_opportunity' };
  await context.client.opportunities.moveToStage(opportunityId, { pipelineStageId, pipelineId: pipeline.id }, { signal: context.signal });
  return done(opportunityId);
}

/** `createOpportunity` → `POST /opportunities/`, unless the contact already has an open one of that name in the pipeline. @internal */
export async function createOpportunityAction(context: CrmActionContext, action: CrmActionOf<'createOpportunity'>): Promise<CrmExecuteResult> {
  const pipeline = pipelineOf(context);
  const pipelineStageId = mapped({ table: pipeline.stages, name: action.stage, what: 'pipeline stage', tenantId: context.tenantId });
  const lookup = async (): Promise<string | undefined> => {
    const { opportunities } = await context.client.opportunities.search({ contactId: action.contactId, pipelineId: pipeline.id, status: 'open' }, { signal: context.signal });
    return opportunities.find((opportunity) => opportunity.name === action.name)?.id;
  };
  const existing = await lookup();
  if (existing !== undefined) return done(existing);
  return createOnce(context, {
    lookup,
    create: async () =>
      (
        await context.client.opportunities.create(
          {
            pipelineId: pipeline.id,
            pipelineStageId,
            name: action.name,
            contactId: action.contactId,
            status: 'open',
            ...(action.monetaryValueUsd === undefined ? {} : { monetaryValue: action.monetaryValueUsd }),
            ...(context.mapping.assignedUserId === undefined ? {} : { assignedTo: context.mapping.assignedUserId }),
          },
          { signal: context.signal },
        )
      ).id,
  });
}

/** `createAppointment` → `POST /calendars/events/appointments`, unless the contact already has that slot booked. @internal */
export async function appointmentAction(context: CrmActionContext, action: CrmActionOf<'createAppointment'>): Promise<CrmExecuteResult> {
  const calendarId = action.calendarId ?? context.mapping.calendarId;
  if (calendarId === undefined) {
    throw new EnterpriseHubError({ code: 'CRM_MAPPING_MISSING', message: `Tenant ${context.tenantId} has no GHL calendar mapped.`, details: { tenantId: context.tenantId } });
  }
  const lookup = async (): Promise<string | undefined> => {
    const events = await context.client.contacts.listAppointments(action.contactId, { signal: context.signal });
    return events.find(
      (event) => event.calendarId === calendarId && event.appointmentStatus !== 'cancelled' && Date.parse(event.startTime ?? '') === Date.parse(action.startTime),
    )?.id;
  };
  const existing = await lookup();
  if (existing !== undefined) return done(existing);
  return createOnce(context, {
    lookup,
    create: async () =>
      (
        await context.client.calendars.createAppointment(
          {
            calendarId,
            contactId: action.contactId,
            startTime: action.startTime,
            endTime: action.endTime,
            title: action.title,
            appointmentStatus: 'confirmed',
            ...(action.address === undefined ? {} : { address: action.address }),
            ...(context.mapping.assignedUserId === undefined ? {} : { assignedUserId: context.mapping.assignedUserId }),
          },
          { signal: context.signal },
        )
      ).id,
  });
}
