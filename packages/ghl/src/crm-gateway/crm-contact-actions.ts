import type { CrmActionOf, CrmExecuteResult, MessageChannel } from '@enterprisehub/core';
import type { GhlCustomFieldValue, GhlDndSettings } from '../resources/contact-schemas';
import { createOnce, done, mapped, type CrmActionContext } from './crm-action-context';

const DND_CHANNELS: Partial<Record<MessageChannel, keyof GhlDndSettings>> = {
  SMS: 'SMS',
  Email: 'Email',
  WhatsApp: 'WhatsApp',
  GMB: 'GMB',
  Facebook: 'FB',
  Call: 'Call',
};
const ALL_DND_CHANNELS: (keyof GhlDndSettings)[] = ['SMS', 'Email', 'WhatsApp', 'GMB', 'FB', 'Call'];

/** `addTags` / `removeTags` → `POST` / `DELETE /contacts/{id}/tags` (set semantics: safe to repeat). @internal */
export async function tagsAction(context: CrmActionContext, action: CrmActionOf<'addTags'> | CrmActionOf<'removeTags'>): Promise<CrmExecuteResult> {
  const options = { signal: context.signal };
  if (action.type === 'addTags') await context.client.contacts.addTags(action.contactId, action.tags, options);
  else await context.client.contacts.removeTags(action.contactId, action.tags, options);
  return done(action.contactId);
}

/** `updateCustomFields` → `PUT /contacts/{id}` with the tenant's field ids (logical names resolved by the mapping). @internal */
export async function customFieldsAction(context: CrmActionContext, action: CrmActionOf<'updateCustomFields'>): Promise<CrmExecuteResult> {
  const customFields: GhlCustomFieldValue[] = Object.entries(action.fields).map(([name, value]) => ({
    id: mapped({ table: context.mapping.customFields, name, what: 'custom field', tenantId: context.tenantId }),
    field_value: value === null ? '' : typeof value === 'boolean' ? String(value) : value,
  }));
  if (customFields.length === 0) return { kind: 'skipped', reason: 'no_fields' };
  await context.client.contacts.update(action.contactId, { customFields }, { signal: context.signal });
  return done(action.contactId);
}

/** `setDnd` → `PUT /contacts/{id}` with `dnd` and per-channel `dndSettings`. @internal */
export async function dndAction(context: CrmActionContext, action: CrmActionOf<'setDnd'>): Promise<CrmExecuteResult> {
  const channels = action.channels === undefined ? ALL_DND_CHANNELS : action.channels.flatMap((channel) => DND_CHANNELS[channel] ?? []);
  if (channels.length === 0) return { kind: 'skipped', reason: 'no_dnd_channel' };
  const status = action.enabled ? 'active' : 'inactive';
  const dndSettings: GhlDndSettings = Object.fromEntries(channels.map((channel) => [channel, { status }]));
  const all = action.channels === undefined;
  await context.client.contacts.update(action.contactId, { ...(all ? { dnd: action.enabled } : {}), dndSettings }, { signal: context.signal });
  return done(action.contactId);
}

/** `addToWorkflow` → `POST /contacts/{id}/workflow/{workflowId}` with the mapped workflow id. @internal */
export async function workflowAction(context: CrmActionContext, action: CrmActionOf<'addToWorkflow'>): Promise<CrmExecuteResult> {
  const workflowId = mapped({ table: context.mapping.workflows, name: action.workflow, what: 'workflow', tenantId: context.tenantId });
  await context.client.contacts.addToWorkflow(action.contactId, workflowId, { signal: context.signal });
  return done(workflowId);
}

/** `addNote` → `POST /contacts/{id}/notes`, looking for the same note from an earlier attempt first. @internal */
export async function noteAction(context: CrmActionContext, action: CrmActionOf<'addNote'>): Promise<CrmExecuteResult> {
  return createOnce(context, {
    lookup: async () => {
      const notes = await context.client.contacts.listNotes(action.contactId, { signal: context.signal });
      return notes.find((note) => (note.body ?? '').trim() === action.body.trim())?.id;
    },
    create: async () => (await context.client.contacts.addNote(action.contactId, { body: action.body }, { signal: context.signal })).id,
  });
}
