import type { FakeRecord } from './fake-ghl-state';
import { fail, find, iso, isResult, ok, text, validate, type FakeRoute, type FakeRouteContext } from './fake-route';

const CONTACT_FIELDS = [
  'firstName', 'lastName', 'name', 'email', 'phone', 'address1', 'city', 'state', 'postalCode', 'website', 'timezone',
  'dnd', 'dndSettings', 'inboundDndSettings', 'tags', 'customFields', 'source', 'dateOfBirth', 'country', 'assignedTo',
];
const CREATE_FIELDS = [...CONTACT_FIELDS, 'locationId', 'gender', 'companyName'];

function customFieldValues(input: unknown, previous: unknown): { id: string; value: unknown }[] {
  const current = new Map(Array.isArray(previous) ? (previous as { id: string; value: unknown }[]).map((field) => [field.id, field.value]) : []);
  if (Array.isArray(input)) {
    for (const field of input as { id?: string; key?: string; field_value?: unknown }[]) current.set(field.id ?? field.key ?? '', field.field_value);
  }
  return [...current].map(([id, value]) => ({ id, value }));
}

function applyContact(contact: FakeRecord, body: Record<string, unknown>, now: number): FakeRecord {
  const { customFields, tags, ...rest } = body;
  Object.assign(contact, rest, { dateUpdated: iso(now) });
  if (customFields !== undefined) contact['customFields'] = customFieldValues(customFields, contact['customFields']);
  if (Array.isArray(tags)) contact['tags'] = [...new Set(tags as string[])];
  const name = [text(contact['firstName']), text(contact['lastName'])].filter(Boolean).join(' ');
  if (name !== '' && body['name'] === undefined) contact['name'] = name;
  if (typeof contact['email'] === 'string') contact['emailLowerCase'] = contact['email'].toLowerCase();
  return contact;
}

function newContact(context: FakeRouteContext): FakeRecord {
  const contact: FakeRecord = { id: context.state.nextId('ct'), locationId: context.locationId, tags: [], customFields: [], dnd: false, type: 'lead', dateAdded: iso(context.now) };
  context.state.contacts.set(contact.id, contact);
  return applyContact(contact, { ...context.body, locationId: context.locationId }, context.now);
}

function duplicateOf(context: FakeRouteContext, email: string | undefined, phone: string | undefined): FakeRecord | undefined {
  return context.state.inLocation(context.state.contacts, context.locationId).find(
    (contact) =>
      (email !== undefined && text(contact['email'])?.toLowerCase() === email.toLowerCase()) ||
      (phone !== undefined && contact['phone'] === phone),
  );
}

function contactRoute(handler: (contact: FakeRecord, context: FakeRouteContext) => ReturnType<FakeRoute>): FakeRoute {
  return (context) => {
    const contact = find(context.state.contacts, context.params['contactId'], context);
    return isResult(contact) ? contact : handler(contact, context);
  };
}

/** Contacts API routes of the fake. @internal */
export const FAKE_CONTACT_ROUTES: Record<string, FakeRoute> = {
  'GET /contacts/{contactId}': contactRoute((contact) => ok({ contact })),
  'POST /contacts/': (context) => validate(context.body, { required: ['locationId'], allowed: CREATE_FIELDS }) ?? ok({ contact: newContact(context) }, 201),
  'POST /contacts/upsert': (context) => {
    const invalid = validate(context.body, { required: ['locationId'], allowed: [...CREATE_FIELDS, 'createNewIfDuplicateAllowed'] });
    if (invalid !== undefined) return invalid;
    const { createNewIfDuplicateAllowed: _ignored, ...body } = context.body;
    const existing = duplicateOf(context, text(body['email']), text(body['phone']));
    if (existing === undefined) return ok({ new: true, contact: newContact({ ...context, body }), traceId: context.state.nextId('trace') });
    return ok({ new: false, contact: applyContact(existing, body, context.now), traceId: context.state.nextId('trace') });
  },
  'PUT /contacts/{contactId}': contactRoute((contact, context) => validate(context.body, { allowed: CONTACT_FIELDS }) ?? ok({ succeded: true, contact: applyContact(contact, context.body, context.now) })),
  'DELETE /contacts/{contactId}': contactRoute((contact, context) => {
    context.state.contacts.delete(contact.id);
    return ok({ succeded: true });
  }),
  'POST /contacts/search': (context) => {
    const query = text(context.body['query'])?.toLowerCase();
    const pageLimit = typeof context.body['pageLimit'] === 'number' ? context.body['pageLimit'] : 20;
    const all = context.state
      .inLocation(context.state.contacts, text(context.body['locationId']) ?? context.locationId)
      .filter((contact) => query === undefined || JSON.stringify(contact).toLowerCase().includes(query));
    return ok({ contacts: all.slice(0, pageLimit), total: all.length });
  },
  'GET /contacts/search/duplicate': (context) => {
    if (context.query.get('locationId') === null) return fail(422, ['locationId should not be empty']);
    return ok({ contact: duplicateOf(context, context.query.get('email') ?? undefined, context.query.get('number') ?? undefined) ?? null });
  },
  'POST /contacts/{contactId}/tags': contactRoute((contact, context) => {
    if (!Array.isArray(context.body['tags'])) return fail(422, ['tags must be an array']);
    contact['tags'] = [...new Set([...(contact['tags'] as string[]), ...(context.body['tags'] as string[])])];
    return ok({ tags: contact['tags'] }, 201);
  }),
  'DELETE /contacts/{contactId}/tags': contactRoute((contact, context) => {
    if (!Array.isArray(context.body['tags'])) return fail(422, ['tags must be an array']);
    const removed = new Set(context.body['tags'] as string[]);
    contact['tags'] = (contact['tags'] as string[]).filter((tag) => !removed.has(tag));
    return ok({ tags: contact['tags'] });
  }),
  'GET /contacts/{contactId}/notes': contactRoute((contact, context) => ok({ notes: [...context.state.notes.values()].filter((note) => note['contactId'] === contact.id) })),
  'POST /contacts/{contactId}/notes': contactRoute((contact, context) => {
    const invalid = validate(context.body, { required: ['body'], allowed: ['body', 'userId', 'title', 'color', 'pinned'] });
    if (invalid !== undefined) return invalid;
    const note: FakeRecord = { id: context.state.nextId('nt'), locationId: context.locationId, contactId: contact.id, dateAdded: iso(context.now), ...context.body };
    context.state.notes.set(note.id, note);
    return ok({ note }, 201);
  }),
  'GET /contacts/{contactId}/tasks': contactRoute((contact, context) => ok({ tasks: [...context.state.tasks.values()].filter((task) => task['contactId'] === contact.id) })),
  'POST /contacts/{contactId}/tasks': contactRoute((contact, context) => {
    const invalid = validate(context.body, { required: ['title', 'dueDate', 'completed'], allowed: ['title', 'body', 'dueDate', 'completed', 'assignedTo'] });
    if (invalid !== undefined) return invalid;
    const task: FakeRecord = { id: context.state.nextId('tk'), locationId: context.locationId, contactId: contact.id, ...context.body };
    context.state.tasks.set(task.id, task);
    return ok({ task }, 201);
  }),
  'GET /contacts/{contactId}/appointments': contactRoute((contact, context) =>
    ok({ events: [...context.state.appointments.values()].filter((event) => event['contactId'] === contact.id) }),
  ),
  'POST /contacts/{contactId}/workflow/{workflowId}': contactRoute((contact, context) => {
    const workflow = find(context.state.workflows, context.params['workflowId'], context);
    if (isResult(workflow)) return workflow;
    context.state.enrolments.add(`${contact.id}:${workflow.id}`);
    return ok({ succeded: true });
  }),
  'DELETE /contacts/{contactId}/workflow/{workflowId}': contactRoute((contact, context) => {
    context.state.enrolments.delete(`${contact.id}:${context.params['workflowId'] ?? ''}`);
    return ok({ succeded: true });
  }),
};
