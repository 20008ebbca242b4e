import { describe, expect, it } from 'vitest';
import type { CrmAction, GhlMapping } from '@enterprisehub/core';
import { createGhlCrmGateway, createDryRunCrmGateway } from '@enterprisehub/ghl';
import { drive } from './support/drive';
import { setupClient } from './support/setup-client';

const mapping: GhlMapping = {
  customFields: { lead_score: 'field-lead_score', budget: 'field-budget' },
  pipeline: { id: 'pipeline-fake-location', stages: { new: 'stage-new', qualified: 'stage-qualified' } },
  workflows: { nurture: 'workflow-nurture' },
  calendarId: 'calendar-fake-location',
};

async function setup(clientOptions: Parameters<typeof setupClient>[0] = {}) {
  const context = setupClient(clientOptions);
  const crm = createGhlCrmGateway({ client: context.client, mapping, clock: context.clock });
  const { contact } = await drive(context.clock, context.client.contacts.upsert({ firstName: 'Ana', phone: '+15125550100' }));
  const execute = (action: CrmAction) => drive(context.clock, crm.execute({ tenantId: 'tenant-1', action }));
  return { ...context, crm, contactId: contact.id, execute };
}

const count = (calls: { operation: string | undefined }[], operation: string) => calls.filter((call) => call.operation === operation).length;

describe('GHL CrmGateway', () => {
  it('sends an SMS once per idempotency key', async () => {
    const { fake, contactId, execute } = await setup();
    const action: CrmAction = { type: 'sendMessage', idempotencyKey: 'reply-1', contactId, channel: 'SMS', body: 'Hi Ana, still looking in Austin?' };
    const first = await execute(action);
    const second = await execute(action);
    expect(first).toMatchObject({ kind: 'done' });
    expect(second).toEqual(first);
    expect(count(fake.calls, 'POST /conversations/messages')).toBe(1);
  });

  it('does not duplicate a message whose answer timed out after GHL processed it', async () => {
    const { fake, contactId, execute } = await setup({ client: { timeoutMs: 5_000 } });
    fake.scenarios.slowResponse({ delayMs: 60_000, operation: 'POST /conversations/messages' });
    const result = await execute({ type: 'sendMessage', idempotencyKey: 'reply-2', contactId, channel: 'SMS', body: 'Tour Saturday?' });
    expect(result).toMatchObject({ kind: 'done' });
    expect(fake.state.messages.size).toBe(1);
    expect(count(fake.calls, 'POST /conversations/messages')).toBe(1);
  });

  it('looks the message up on the outbox retry when the first look-up failed too', async () => {
    const { fake, contactId, execute } = await setup({ client: { timeoutMs: 5_000 } });
    fake.scenarios.slowResponse({ delayMs: 60_000, operation: 'POST /conversations/messages' });
    fake.scenarios.serverError({ count: 4, operation: 'GET /conversations/search' });
    const action: CrmAction = { type: 'sendMessage', idempotencyKey: 'reply-3', contactId, channel: 'SMS', body: 'Tour Sunday?' };
    await expect(execute(action)).rejects.toMatchObject({ code: 'GHL_TIMEOUT', retryable: true });
    expect(await execute(action)).toMatchObject({ kind: 'done' });
    expect(fake.state.messages.size).toBe(1);
    expect(count(fake.calls, 'POST /conversations/messages')).toBe(1);
  });

  it('sends again after a 5xx that GHL did not process — exactly one message in the end', async () => {
    const { fake, contactId, execute } = await setup();
    fake.scenarios.serverError({ operation: 'POST /conversations/messages' });
    const action: CrmAction = { type: 'sendMessage', idempotencyKey: 'reply-4', contactId, channel: 'SMS', body: 'Hello again' };
    await expect(execute(action)).rejects.toMatchObject({ code: 'GHL_UNAVAILABLE', retryable: true });
    expect(await execute(action)).toMatchObject({ kind: 'done' });
    expect(fake.state.messages.size).toBe(1);
  });

  it('skips channels the API cannot send on', async () => {
    const { fake, contactId, execute } = await setup();
    expect(await execute({ type: 'sendMessage', idempotencyKey: 'k', contactId, channel: 'Call', body: 'x' })).toEqual({ kind: 'skipped', reason: 'channel_unsupported:Call' });
    expect(count(fake.calls, 'POST /conversations/messages')).toBe(0);
  });

  it('writes tags, mapped custom fields, DND and workflow enrolment', async () => {
    const { fake, contactId, execute } = await setup();
    await execute({ type: 'addTags', idempotencyKey: 't1', contactId, tags: ['hot', 'buyer'] });
    await execute({ type: 'removeTags', idempotencyKey: 't2', contactId, tags: ['buyer'] });
    await execute({ type: 'updateCustomFields', idempotencyKey: 'f1', contactId, fields: { lead_score: 9, budget: '450000' } });
    await execute({ type: 'setDnd', idempotencyKey: 'd1', contactId, enabled: true, channels: ['SMS'] });
    await execute({ type: 'addToWorkflow', idempotencyKey: 'w1', contactId, workflow: 'nurture' });
    const contact = fake.state.contacts.get(contactId);
    expect(contact?.['tags']).toEqual(['hot']);
    expect(contact?.['customFields']).toEqual([{ id: 'field-lead_score', value: 9 }, { id: 'field-budget', value: '450000' }]);
    expect(contact?.['dndSettings']).toEqual({ SMS: { status: 'active' } });
    expect(fake.state.enrolments.has(`${contactId}:workflow-nurture`)).toBe(true);
  });

  it('fails with CRM_MAPPING_MISSING for an unmapped name, before calling GHL', async () => {
    const { fake, contactId, execute } = await setup();
    const before = fake.calls.length;
    await expect(execute({ type: 'addToWorkflow', idempotencyKey: 'w2', contactId, workflow: 'unknown' })).rejects.toMatchObject({ code: 'CRM_MAPPING_MISSING', retryable: false });
    expect(fake.calls).toHaveLength(before);
  });

  it('creates one opportunity per contact and name, and moves it through mapped stages', async () => {
    const { fake, contactId, execute } = await setup();
    const created = await execute({ type: 'createOpportunity', idempotencyKey: 'o1', contactId, name: 'Ana – buyer', stage: 'new', monetaryValueUsd: 450_000 });
    const again = await execute({ type: 'createOpportunity', idempotencyKey: 'o2', contactId, name: 'Ana – buyer', stage: 'new' });
    expect(again).toEqual(created);
    await execute({ type: 'moveOpportunityStage', idempotencyKey: 'o3', contactId, stage: 'qualified' });
    expect([...fake.state.opportunities.values()].map((opportunity) => opportunity['pipelineStageId'])).toEqual(['stage-qualified']);
  });

  it('books an appointment once and offers the remaining free slots', async () => {
    const { clock, crm, fake, contactId, execute } = await setup();
    const from = new Date(clock.now() + 86_400_000).toISOString();
    const to = new Date(clock.now() + 2 * 86_400_000).toISOString();
    const slots = await drive(clock, crm.getFreeSlots({ tenantId: 'tenant-1', from, to }));
    const slot = slots[0];
    expect(slot !== undefined && Date.parse(slot.endTime) - Date.parse(slot.startTime)).toBe(30 * 60_000);
    const action = { type: 'createAppointment', contactId, startTime: slot?.startTime ?? '', endTime: slot?.endTime ?? '', title: 'Showing' } as const;
    await execute({ ...action, idempotencyKey: 'a1' });
    await execute({ ...action, idempotencyKey: 'a2' });
    expect(fake.state.appointments.size).toBe(1);
    const after = await drive(clock, crm.getFreeSlots({ tenantId: 'tenant-1', from, to }));
    expect(after.map((free) => free.startTime)).not.toContain(slot?.startTime);
  });

  it('adds a note once even when its answer was lost', async () => {
    const { fake, contactId, execute } = await setup({ client: { timeoutMs: 5_000 } });
    fake.scenarios.networkError({ operation: 'GET /contacts/{contactId}/notes' });
    fake.scenarios.slowResponse({ delayMs: 60_000, operation: 'POST /contacts/{contactId}/notes' });
    expect(await execute({ type: 'addNote', idempotencyKey: 'n1', contactId, body: 'Pre-approved, 450k' })).toMatchObject({ kind: 'done' });
    expect(fake.state.notes.size).toBe(1);
  });

  it('rejects an invalid action with VALIDATION_FAILED', async () => {
    const { crm } = await setup();
    const invalid = { type: 'addTags', idempotencyKey: '', contactId: 'c', tags: [] } as unknown as CrmAction;
    await expect(crm.execute({ tenantId: 'tenant-1', action: invalid })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('DryRunCrmGateway', () => {
  it('records actions and the GHL operations they would use, once per key', async () => {
    const crm = createDryRunCrmGateway({ mapping });
    const action: CrmAction = { type: 'sendMessage', idempotencyKey: 'r1', contactId: 'c1', channel: 'SMS', body: 'Hi' };
    await crm.execute({ tenantId: 't1', action });
    await crm.execute({ tenantId: 't1', action });
    expect(crm.executed('t1')).toHaveLength(1);
    expect(crm.plannedOperations('t1')).toEqual([{ tenantId: 't1', idempotencyKey: 'r1', operation: 'POST /conversations/messages' }]);
  });

  it('fails on unmapped names like the real gateway', async () => {
    const crm = createDryRunCrmGateway({ mapping });
    await expect(crm.execute({ tenantId: 't1', action: { type: 'updateCustomFields', idempotencyKey: 'f', contactId: 'c', fields: { nope: 1 } } })).rejects.toMatchObject({ code: 'CRM_MAPPING_MISSING' });
  });
});
