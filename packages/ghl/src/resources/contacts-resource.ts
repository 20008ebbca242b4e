import { z } from 'zod';
import {
  ghlContactAppointmentSchema,
  ghlContactSchema,
  ghlNoteSchema,
  ghlTaskSchema,
  type GhlContact,
  type GhlContactAppointment,
  type GhlContactInput,
  type GhlNote,
  type GhlTask,
} from './contact-schemas';
import { callFields, compact, type GhlCallOptions, type GhlRequestFunction } from './ghl-call-options';

const contactsAnswer = z.object({ contacts: z.array(ghlContactSchema).default([]), total: z.number().optional() }).loose();
const duplicateAnswer = z.object({ contact: ghlContactSchema.nullish() }).loose();
const upsertAnswer = z.object({ new: z.boolean().optional(), contact: ghlContactSchema }).loose();
const tagsAnswer = z.object({ tags: z.array(z.string()).default([]) }).loose();
const notesAnswer = z.object({ notes: z.array(ghlNoteSchema).default([]) }).loose();
const noteAnswer = z.object({ note: ghlNoteSchema }).loose();
const tasksAnswer = z.object({ tasks: z.array(ghlTaskSchema).default([]) }).loose();
const taskAnswer = z.object({ task: ghlTaskSchema }).loose();
const eventsAnswer = z.object({ events: z.array(ghlContactAppointmentSchema).default([]) }).loose();

const contactBody = z.object({ contact: ghlContactSchema }).loose();
const succeeded = z.object({ succeded: z.boolean().optional() }).loose();

/** Filters and paging of `POST /contacts/search` (`locationId` is filled in). */
export interface GhlContactSearch {
  /** Free-text query (≤ 75 characters). */
  query?: string;
  /** Page size, ≤ 500. @defaultValue `20` */
  pageLimit?: number;
  /** Page number (reaches at most 10,000 records). */
  page?: number;
  /** Cursor from the previous page's last contact (`searchAfter`), for deep paging. */
  searchAfter?: readonly (string | number)[];
  /** Filters such as `{ field: 'tags', operator: 'contains', value: 'buyer' }`. */
  filters?: readonly Readonly<Record<string, unknown>>[];
  /** Sort such as `{ field: 'dateAdded', direction: 'desc' }`. */
  sort?: readonly { field: string; direction: 'asc' | 'desc' }[];
}

/** Contacts API (`Version: 2021-07-28`): contacts, tags, notes, tasks, workflow enrolment. */
export interface ContactsResource {
  /** `GET /contacts/{contactId}`. Throws `GHL_NOT_FOUND` for an unknown id. */
  get(contactId: string, options?: GhlCallOptions): Promise<GhlContact>;
  /** `POST /contacts/search` (a read; retried like one). */
  search(search?: GhlContactSearch, options?: GhlCallOptions): Promise<{ contacts: GhlContact[]; total: number }>;
  /** `GET /contacts/search/duplicate`: the contact the location's duplicate rules match by email or phone, if any. */
  findDuplicate(match: { email?: string; phone?: string }, options?: GhlCallOptions): Promise<GhlContact | undefined>;
  /** `POST /contacts/upsert`: creates or updates by the location's duplicate rules; safe to retry. */
  upsert(input: GhlContactInput, options?: GhlCallOptions): Promise<{ contact: GhlContact; isNew: boolean }>;
  /** `POST /contacts/`: always creates (not retried after an ambiguous failure; prefer {@link ContactsResource.upsert}). */
  create(input: GhlContactInput, options?: GhlCallOptions): Promise<GhlContact>;
  /** `PUT /contacts/{contactId}` (`companyName` and `gender` are not accepted there and are dropped). */
  update(contactId: string, patch: GhlContactInput, options?: GhlCallOptions): Promise<GhlContact>;
  /** `DELETE /contacts/{contactId}`. */
  delete(contactId: string, options?: GhlCallOptions): Promise<void>;
  /** `POST /contacts/{contactId}/tags`; returns the contact's tags afterwards. Adding a present tag is a no-op. */
  addTags(contactId: string, tags: readonly string[], options?: GhlCallOptions): Promise<string[]>;
  /** `DELETE /contacts/{contactId}/tags`; returns the contact's tags afterwards. */
  removeTags(contactId: string, tags: readonly string[], options?: GhlCallOptions): Promise<string[]>;
  /** `GET /contacts/{contactId}/notes`. */
  listNotes(contactId: string, options?: GhlCallOptions): Promise<GhlNote[]>;
  /** `POST /contacts/{contactId}/notes`. */
  addNote(contactId: string, note: { body: string; userId?: string }, options?: GhlCallOptions): Promise<GhlNote>;
  /** `GET /contacts/{contactId}/tasks`. */
  listTasks(contactId: string, options?: GhlCallOptions): Promise<GhlTask[]>;
  /** `POST /contacts/{contactId}/tasks`; `dueDate` is ISO 8601. */
  addTask(
    contactId: string,
    task: { title: string; dueDate: string; body?: string; completed?: boolean; assignedTo?: string },
    options?: GhlCallOptions,
  ): Promise<GhlTask>;
  /** `GET /contacts/{contactId}/appointments`. */
  listAppointments(contactId: string, options?: GhlCallOptions): Promise<GhlContactAppointment[]>;
  /** `POST /contacts/{contactId}/workflow/{workflowId}`; `eventStartTime` (ISO 8601 with offset) starts it later. */
  addToWorkflow(contactId: string, workflowId: string, options?: GhlCallOptions & { eventStartTime?: string }): Promise<void>;
  /** `DELETE /contacts/{contactId}/workflow/{workflowId}`. */
  removeFromWorkflow(contactId: string, workflowId: string, options?: GhlCallOptions): Promise<void>;
}

/** Builds the contacts resource over a request function. @internal */
export function createContactsResource(request: GhlRequestFunction, locationId: string): ContactsResource {
  const byId = (contactId: string) => ({ contactId });
  return {
    get: async (contactId, options) =>
      (await request({ method: 'GET', path: '/contacts/{contactId}', pathParams: byId(contactId), schema: contactBody, ...callFields(options) })).contact,
    search: async (search = {}, options) => {
      const body = compact({ ...search, locationId, pageLimit: search.pageLimit ?? 20 });
      const schema = contactsAnswer;
      const result = await request({ method: 'POST', path: '/contacts/search', body, schema, idempotent: true, ...callFields(options) });
      return { contacts: result.contacts, total: result.total ?? result.contacts.length };
    },
    findDuplicate: async (match, options) => {
      const query = { locationId, email: match.email, number: match.phone };
      const schema = duplicateAnswer;
      const result = await request({ method: 'GET', path: '/contacts/search/duplicate', query, schema, ...callFields(options) });
      return result.contact ?? undefined;
    },
    upsert: async (input, options) => {
      const schema = upsertAnswer;
      const body = compact({ ...input, locationId });
      const result = await request({ method: 'POST', path: '/contacts/upsert', body, schema, idempotent: true, ...callFields(options) });
      return { contact: result.contact, isNew: result.new ?? false };
    },
    create: async (input, options) =>
      (await request({ method: 'POST', path: '/contacts/', body: compact({ ...input, locationId }), schema: contactBody, ...callFields(options) })).contact,
    update: async (contactId, patch, options) => {
      const { companyName: _companyName, gender: _gender, ...body } = patch;
      const path = '/contacts/{contactId}';
      return (await request({ method: 'PUT', path, pathParams: byId(contactId), body: compact(body), schema: contactBody, ...callFields(options) })).contact;
    },
    delete: async (contactId, options) => {
      await request({ method: 'DELETE', path: '/contacts/{contactId}', pathParams: byId(contactId), schema: succeeded, ...callFields(options) });
    },
    addTags: async (contactId, tags, options) => {
      const schema = tagsAnswer;
      const path = '/contacts/{contactId}/tags';
      const result = await request({ method: 'POST', path, pathParams: byId(contactId), body: { tags }, schema, idempotent: true, ...callFields(options) });
      return result.tags;
    },
    removeTags: async (contactId, tags, options) => {
      const schema = tagsAnswer;
      const path = '/contacts/{contactId}/tags';
      return (await request({ method: 'DELETE', path, pathParams: byId(contactId), body: { tags }, schema, ...callFields(options) })).tags;
    },
    listNotes: async (contactId, options) => {
      const schema = notesAnswer;
      return (await request({ method: 'GET', path: '/contacts/{contactId}/notes', pathParams: byId(contactId), schema, ...callFields(options) })).notes;
    },
    addNote: async (contactId, note, options) => {
      const schema = noteAnswer;
      const path = '/contacts/{contactId}/notes';
      return (await request({ method: 'POST', path, pathParams: byId(contactId), body: compact({ ...note }), schema, ...callFields(options) })).note;
    },
    listTasks: async (contactId, options) => {
      const schema = tasksAnswer;
      return (await request({ method: 'GET', path: '/contacts/{contactId}/tasks', pathParams: byId(contactId), schema, ...callFields(options) })).tasks;
    },
    addTask: async (contactId, task, options) => {
      const schema = taskAnswer;
      const body = compact({ ...task, completed: task.completed ?? false });
      return (await request({ method: 'POST', path: '/contacts/{contactId}/tasks', pathParams: byId(contactId), body, schema, ...callFields(options) })).task;
    },
    listAppointments: async (contactId, options) => {
      const schema = eventsAnswer;
      const path = '/contacts/{contactId}/appointments';
      return (await request({ method: 'GET', path, pathParams: byId(contactId), schema, ...callFields(options) })).events;
    },
    addToWorkflow: async (contactId, workflowId, options) => {
      const path = '/contacts/{contactId}/workflow/{workflowId}';
      const body = compact({ eventStartTime: options?.eventStartTime });
      await request({ method: 'POST', path, pathParams: { contactId, workflowId }, body, schema: succeeded, ...callFields(options) });
    },
    removeFromWorkflow: async (contactId, workflowId, options) => {
      const path = '/contacts/{contactId}/workflow/{workflowId}';
      await request({ method: 'DELETE', path, pathParams: { contactId, workflowId }, schema: succeeded, ...callFields(options) });
    },
  };
}
