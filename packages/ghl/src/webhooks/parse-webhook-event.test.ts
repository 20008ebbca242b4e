import { describe, expect, it } from 'vitest';
import { allWebhookFixtures, webhookFixtures } from '../testing/index';
import { KNOWN_WEBHOOK_EVENT_TYPES, parseWebhookEvent } from './parse-webhook-event';
import { toMessageChannel } from './webhook-message-event';

describe('parseWebhookEvent', () => {
  it.each(allWebhookFixtures.map((fixture) => [`${fixture.eventType} ${fixture.name}`, fixture] as const))(
    'parses the official sample %s',
    (_name, fixture) => {
      const event = parseWebhookEvent(fixture.payload);
      const known = (KNOWN_WEBHOOK_EVENT_TYPES as readonly string[]).includes(String(fixture.payload['type']));
      expect(event.type).toBe(known ? fixture.payload['type'] : 'unknown');
    },
  );

  it('covers every event type the bots and server use', () => {
    expect([...KNOWN_WEBHOOK_EVENT_TYPES].sort()).toEqual(
      [
        'AppointmentCreate', 'AppointmentUpdate', 'ContactCreate', 'ContactDelete', 'ContactDndUpdate', 'ContactTagUpdate',
        'ContactUpdate', 'InboundMessage', 'OpportunityCreate', 'OpportunityStageUpdate', 'OpportunityStatusUpdate', 'OutboundMessage',
      ].sort(),
    );
  });

  it('reads an inbound SMS with its channel and keeps unknown extra fields', () => {
    const event = parseWebhookEvent({ ...webhookFixtures.InboundMessage, chatWidgetId: 'w1', messageTypeId: 2 });
    expect(event).toMatchObject({ type: 'InboundMessage', channel: 'SMS', fromContact: true, contactId: 'cI08i1Bls3iTB9bKgFJh', chatWidgetId: 'w1' });
  });

  it('treats the official outbound SMS sample (direction "inbound") as sent by the agency', () => {
    const event = parseWebhookEvent(webhookFixtures.OutboundMessage);
    expect(event).toMatchObject({ type: 'OutboundMessage', channel: 'SMS', fromContact: false });
  });

  it('treats the official inbound call sample (type OutboundMessage, direction inbound) as from the contact', () => {
    const call = allWebhookFixtures.find((fixture) => fixture.eventType === 'InboundMessage' && fixture.name === 'Example(Call)');
    const event = parseWebhookEvent(call?.payload);
    expect(event).toMatchObject({ type: 'OutboundMessage', channel: 'Call', fromContact: true });
  });

  it('parses the whole tag list of ContactTagUpdate and DND settings of ContactDndUpdate', () => {
    const tags = parseWebhookEvent(webhookFixtures.ContactTagUpdate);
    expect(tags.type === 'ContactTagUpdate' && tags.tags).toEqual(['id magna sed Lorem', 'Duis dolor commodo aliqua']);
    const dnd = parseWebhookEvent(webhookFixtures.ContactDndUpdate);
    expect(dnd.type === 'ContactDndUpdate' && dnd.dndSettings?.['Email']?.status).toBe('active');
  });

  it('reads nested appointments and opportunity stages', () => {
    const appointment = parseWebhookEvent(webhookFixtures.AppointmentCreate);
    expect(appointment.type === 'AppointmentCreate' && appointment.appointment.contactId).toBe('9NkT25Vor1v4aQatFsv2');
    const stage = parseWebhookEvent(webhookFixtures.OpportunityStageUpdate);
    expect(stage.type === 'OpportunityStageUpdate' && stage.pipelineStageId).toBe('e93ba61a-53b3-45e7-985a-c7732dbcdb69');
  });

  it('turns null fields into undefined instead of failing', () => {
    const event = parseWebhookEvent({ ...webhookFixtures.ContactCreate, email: null, tags: null });
    expect(event).toMatchObject({ type: 'ContactCreate', email: undefined, tags: undefined });
  });

  it('returns unknown for event types it does not model and for bodies without type', () => {
    expect(parseWebhookEvent(webhookFixtures.NoteCreate)).toMatchObject({ type: 'unknown', eventType: 'NoteCreate' });
    expect(parseWebhookEvent({ locationId: 'l1' })).toMatchObject({ type: 'unknown', eventType: undefined, locationId: 'l1' });
  });

  it('returns invalid with field paths (never values) when a known event misses required fields', () => {
    const { contactId: _contactId, ...withoutContact } = webhookFixtures.InboundMessage;
    const event = parseWebhookEvent({ ...withoutContact, body: 'call me at +15125550100' });
    expect(event).toMatchObject({ type: 'invalid', eventType: 'InboundMessage' });
    expect(event.type === 'invalid' && event.issues.join(' ')).toContain('contactId');
    expect(JSON.stringify(event)).not.toContain('+15125550100');
  });

  it('never throws on non-objects', () => {
    for (const value of [null, undefined, 42, 'x', [1]]) expect(parseWebhookEvent(value)).toMatchObject({ type: 'invalid' });
  });
});

describe('toMessageChannel', () => {
  it('maps webhook and API message types to our channels', () => {
    expect(['SMS', 'Email', 'CALL', 'VoiceMail', 'FB', 'IG', 'GMB', 'WhatsApp', 'Live Chat', 'TYPE_SMS', 'Custom'].map(toMessageChannel)).toEqual([
      'SMS', 'Email', 'Call', 'Call', 'Facebook', 'Instagram', 'GMB', 'WhatsApp', 'LiveChat', 'SMS', undefined,
    ]);
  });
});
