import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPERATION_VERSIONS } from '@enterprisehub/ghl';
import { drive } from './support/drive';
import { setupClient } from './support/setup-client';

describe('GHL client resources against the fake', () => {
  it('upserts, reads, tags and updates a contact with the Version each operation declares', async () => {
    const { clock, fake, client } = setupClient();
    const { contact, isNew } = await drive(clock, client.contacts.upsert({ firstName: 'Maria', phone: '+15125550100', tags: ['lead'] }));
    expect(isNew).toBe(true);
    const again = await drive(clock, client.contacts.upsert({ phone: '+15125550100', lastName: 'Lopez' }));
    expect(again).toMatchObject({ isNew: false, contact: { id: contact.id, lastName: 'Lopez' } });
    expect(await drive(clock, client.contacts.addTags(contact.id, ['buyer']))).toEqual(['lead', 'buyer']);
    expect(await drive(clock, client.contacts.removeTags(contact.id, ['lead']))).toEqual(['buyer']);
    const updated = await drive(clock, client.contacts.update(contact.id, { email: 'maria@example.com', companyName: 'dropped' }));
    expect(updated.email).toBe('maria@example.com');
    for (const call of fake.calls) {
      expect(call.headers['version']).toBe(OPERATION_VERSIONS[call.operation as keyof typeof OPERATION_VERSIONS]);
      expect(call.authenticated).toBe(true);
      expect(call.status).toBeLessThan(300);
    }
    expect(fake.calls.find((call) => call.method === 'PUT')?.body).not.toHaveProperty('companyName');
  });

  it('sends an SMS with Version 2021-04-15 and reads it back from the conversation', async () => {
    const { clock, fake, client } = setupClient();
    const { contact } = await drive(clock, client.contacts.upsert({ phone: '+15125550101' }));
    const sent = await drive(clock, client.conversations.sendMessage({ type: 'SMS', contactId: contact.id, message: 'Hi Maria!' }));
    const page = await drive(clock, client.conversations.getMessages(sent.conversationId));
    expect(page.messages.map((message) => message.body)).toEqual(['Hi Maria!']);
    const send = fake.calls.find((call) => call.operation === 'POST /conversations/messages');
    expect(send?.headers['version']).toBe('2021-04-15');
    expect(send?.body).toMatchObject({ type: 'SMS', subType: 'SMS', status: 'pending' });
  });

  it('creates and moves an opportunity, books an appointment in a free slot and lists workflows and users', async () => {
    const { clock, client } = setupClient();
    const { contact } = await drive(clock, client.contacts.upsert({ email: 'lead@example.com' }));
    const [pipeline] = await drive(clock, client.opportunities.listPipelines());
    const opportunity = await drive(clock, client.opportunities.create({ pipelineId: pipeline?.id ?? '', name: 'Buyer lead', contactId: contact.id }));
    const moved = await drive(clock, client.opportunities.moveToStage(opportunity.id, { pipelineStageId: 'stage-qualified' }));
    expect(moved.pipelineStageId).toBe('stage-qualified');
    const [calendar] = await drive(clock, client.calendars.list());
    const start = clock.now() + 86_400_000;
    const days = await drive(clock, client.calendars.getFreeSlots(calendar?.id ?? '', { startDate: start, endDate: start + 86_400_000 }));
    const slot = days[0]?.slots[0] ?? '';
    const appointment = await drive(clock, client.calendars.createAppointment({ calendarId: calendar?.id ?? '', contactId: contact.id, startTime: slot, title: 'Showing' }));
    expect(appointment).toMatchObject({ contactId: contact.id, startTime: slot });
    const after = await drive(clock, client.calendars.getFreeSlots(calendar?.id ?? '', { startDate: start, endDate: start + 86_400_000 }));
    expect(after.flatMap((day) => day.slots)).not.toContain(slot);
    expect((await drive(clock, client.workflows.list())).map((workflow) => workflow.name)).toContain('nurture');
    expect(await drive(clock, client.users.list())).toHaveLength(1);
    expect((await drive(clock, client.locations.listCustomFields())).map((field) => field.fieldKey)).toContain('contact.lead_score');
  });

  it('sends any spec operation through client.request, and apiVersion overrides every Version', async () => {
    const { clock, fake, client } = setupClient({ fake: { strictVersion: false }, client: { apiVersion: 'v3' } });
    const answer = await drive(clock, client.request({ method: 'GET', path: '/workflows/', query: { locationId: fake.locationId }, schema: z.object({ workflows: z.array(z.unknown()) }).loose() }));
    expect(answer.workflows).toHaveLength(2);
    expect(fake.calls[0]?.headers['version']).toBe('v3');
  });

  it('keeps PII out of errors when GHL rejects a body (422)', async () => {
    const { clock, client } = setupClient();
    const input = { email: 'maria.lopez@example.com', phone: '+15125550199', additionalEmails: ['x@example.com'] } as Parameters<typeof client.contacts.upsert>[0];
    const error = await drive(clock, client.contacts.upsert(input)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'GHL_REQUEST_REJECTED', status: 422, retryable: false });
    const text = String(error) + JSON.stringify(error);
    for (const secret of ['maria.lopez@example.com', '+15125550199', 'pit-test-token', 'x@example.com']) expect(text).not.toContain(secret);
  });
});
