import { describe, expect, it } from 'vitest';
import { createGhlOAuth, createMemoryGhlTokenStore, OPERATION_VERSIONS, type GhlClient } from '@enterprisehub/ghl';
import { FAKE_OAUTH_CLIENT } from '@enterprisehub/ghl/testing';
import { drive } from './support/drive';
import { loadOperations, validateCall } from './support/openapi';
import { setupClient } from './support/setup-client';

const RESOURCES = ['contacts', 'conversations', 'opportunities', 'calendars', 'locations', 'users', 'workflows'] as const;

/** Wraps the client's resources so the walk can prove it called every method. */
function tracked(client: GhlClient): { client: GhlClient; called: Set<string> } {
  const called = new Set<string>();
  const wrapped = Object.fromEntries(
    RESOURCES.map((name) => [
      name,
      new Proxy(client[name], {
        get: (target, property, receiver) => {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            called.add(`${name}.${String(property)}`);
            return (value as (...parameters: unknown[]) => unknown).apply(target, args);
          };
        },
      }),
    ]),
  );
  return { client: { ...client, ...wrapped }, called };
}

describe('conformance with GHL’s OpenAPI descriptions', () => {
  it('every request the client can make matches its operation: method, path, query, body, enums, Version, auth', async () => {
    const { clock, fake, client: raw } = setupClient();
    const { client, called } = tracked(raw);
    const run = <T>(work: Promise<T>) => drive(clock, work);
    fake.state.customValues.set('value-1', { id: 'value-1', locationId: fake.locationId, name: 'agent_name', value: 'Jorge' });

    const { contact } = await run(client.contacts.upsert({ firstName: 'Ana', phone: '+15125550100', tags: ['lead'], dnd: false, dndSettings: { SMS: { status: 'inactive' } }, customFields: [{ id: 'field-lead_score', field_value: '7' }] }));
    const created = await run(client.contacts.create({ firstName: 'Ben', email: 'ben@example.com', source: 'Zillow' }));
    await run(client.contacts.get(contact.id));
    await run(client.contacts.search({ query: 'Ana', pageLimit: 10 }));
    await run(client.contacts.findDuplicate({ phone: '+15125550100' }));
    await run(client.contacts.update(contact.id, { lastName: 'Lopez', customFields: [{ id: 'field-budget', field_value: ['400k'] }] }));
    await run(client.contacts.addTags(contact.id, ['buyer']));
    await run(client.contacts.removeTags(contact.id, ['lead']));
    await run(client.contacts.addNote(contact.id, { body: 'Pre-approved' }));
    await run(client.contacts.listNotes(contact.id));
    await run(client.contacts.addTask(contact.id, { title: 'Call back', dueDate: new Date(clock.now() + 86_400_000).toISOString() }));
    await run(client.contacts.listTasks(contact.id));
    await run(client.contacts.addToWorkflow(contact.id, 'workflow-nurture', { eventStartTime: new Date(clock.now()).toISOString() }));
    await run(client.contacts.removeFromWorkflow(contact.id, 'workflow-nurture'));

    for (const type of ['SMS', 'WhatsApp', 'IG', 'FB', 'Live_Chat'] as const) await run(client.conversations.sendMessage({ type, contactId: contact.id, message: 'Hi' }));
    const sent = await run(client.conversations.sendMessage({ type: 'Email', contactId: contact.id, subject: 'Homes', html: '<p>Hi</p>', emailTo: 'ana@example.com' }));
    await run(client.conversations.search({ contactId: contact.id, status: 'all', sort: 'desc', sortBy: 'last_message_date', limit: 5 }));
    await run(client.conversations.getMessages(sent.conversationId, { limit: 10, type: 'TYPE_SMS' }));
    await run(client.conversations.getMessage(sent.messageId));
    await run(client.conversations.updateMessageStatus(sent.messageId, { status: 'delivered' }));

    const [pipeline] = await run(client.opportunities.listPipelines());
    const opportunity = await run(client.opportunities.create({ pipelineId: pipeline?.id ?? '', name: 'Ana', contactId: contact.id, monetaryValue: 450_000, pipelineStageId: 'stage-new' }));
    await run(client.opportunities.search({ contactId: contact.id, pipelineId: pipeline?.id ?? '', status: 'open', limit: 10, q: 'Ana' }));
    await run(client.opportunities.get(opportunity.id));
    await run(client.opportunities.update(opportunity.id, { name: 'Ana Lopez', monetaryValue: 500_000 }));
    await run(client.opportunities.moveToStage(opportunity.id, { pipelineStageId: 'stage-qualified' }));
    await run(client.opportunities.updateStatus(opportunity.id, { status: 'won' }));

    const [calendar] = await run(client.calendars.list());
    const start = clock.now() + 86_400_000;
    const days = await run(client.calendars.getFreeSlots(calendar?.id ?? '', { startDate: start, endDate: start + 86_400_000, timezone: 'America/Chicago' }));
    const appointment = await run(client.calendars.createAppointment({ calendarId: calendar?.id ?? '', contactId: contact.id, startTime: days[0]?.slots[0] ?? '', title: 'Showing', meetingLocationType: 'address', address: '1 Main St' }));
    await run(client.contacts.listAppointments(contact.id));
    await run(client.calendars.getAppointment(appointment.id));
    await run(client.calendars.updateAppointment(appointment.id, { title: 'Showing (moved)' }));
    await run(client.calendars.cancelAppointment(appointment.id));

    await run(client.locations.get());
    await run(client.locations.listCustomFields({ model: 'contact' }));
    await run(client.locations.listCustomValues());
    await run(client.locations.updateCustomValue('value-1', { name: 'agent_name', value: 'Jorge R.' }));
    const [user] = await run(client.users.list());
    await run(client.users.get(user?.id ?? ''));
    await run(client.workflows.list());
    await run(client.contacts.delete(created.id));

    const oauth = createGhlOAuth({ ...FAKE_OAUTH_CLIENT, tokenStore: createMemoryGhlTokenStore(), fetch: fake.fetch, clock, redirectUri: 'https://app.example.com/cb' });
    const companyCode = fake.auth.createAuthorizationCode({ userType: 'Company', companyId: 'agency-1' });
    await run(oauth.exchangeCode({ code: companyCode, userType: 'Company' }));
    await run(oauth.refresh({ key: 'company:agency-1' }));
    await run(oauth.getLocationToken({ companyId: 'agency-1', locationId: 'loc-2' }));

    const operations = loadOperations();
    const problems: string[] = [];
    for (const call of fake.calls) {
      const target = call.operation === undefined ? undefined : operations.get(call.operation);
      if (target === undefined) problems.push(`${call.method} ${call.path}: no such operation in the specs`);
      else problems.push(...validateCall(call, target).map((problem) => `${call.operation ?? ''} ${problem}`));
      expect(call.status, `${call.method} ${call.path}`).toBeLessThan(300);
    }
    expect(problems).toEqual([]);

    const everyMethod = RESOURCES.flatMap((name) => Object.keys(raw[name]).map((method) => `${name}.${method}`));
    expect(everyMethod.filter((method) => !called.has(method))).toEqual([]);
    const operationsUsed = new Set(fake.calls.map((call) => call.operation));
    expect(operationsUsed.size).toBeGreaterThanOrEqual(40);
  });

  it('the committed Version table matches the specs', () => {
    const operations = loadOperations();
    for (const [key, target] of operations) {
      const declared = target.operation.parameters?.find((parameter) => parameter.in === 'header' && parameter.name === 'Version')?.schema?.enum?.[0] ?? null;
      expect(OPERATION_VERSIONS[key as keyof typeof OPERATION_VERSIONS], key).toBe(declared);
    }
    expect(Object.keys(OPERATION_VERSIONS)).toHaveLength(operations.size);
  });

  it('flags a request that breaks the spec (the validator itself works)', () => {
    const operations = loadOperations();
    const target = operations.get('POST /opportunities/');
    expect(target).toBeDefined();
    if (target === undefined) return;
    const problems = validateCall(
      { method: 'POST', path: '/opportunities/', operation: 'POST /opportunities/', query: { foo: 'x' }, body: { name: 'x', status: 'closed', extra: 1 }, headers: { version: '2021-04-15', 'content-type': 'application/json' }, authenticated: false, status: 201, at: 0 },
      target,
    );
    expect(problems.join('\n')).toMatch(/Version/);
    expect(problems.join('\n')).toMatch(/Authorization/);
    expect(problems.join('\n')).toMatch(/query\.foo/);
    expect(problems.join('\n')).toMatch(/body\.pipelineId: required/);
    expect(problems.join('\n')).toMatch(/body\.status: "closed"/);
    expect(problems.join('\n')).toMatch(/body\.extra: not declared/);
  });
});
