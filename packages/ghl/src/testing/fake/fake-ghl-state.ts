/** A record in the fake CRM: GHL's wire fields, with `id` and `locationId`. */
export type FakeRecord = Record<string, unknown> & {
  /** Record id. */
  id: string;
  /** Location the record belongs to. */
  locationId: string;
};

/** A calendar in the fake with its opening hours (UTC) used to compute free slots. */
export interface FakeCalendar extends FakeRecord {
  /** Calendar name. */
  name: string;
  /** Slot length, minutes. */
  slotMinutes: number;
  /** First slot of a day, hour UTC. */
  openHourUtc: number;
  /** End of the last slot of a day, hour UTC. */
  closeHourUtc: number;
}

/** The fake CRM's data, per collection; tests may read and seed it directly. */
export class FakeGhlState {
  /** Contacts by id (GHL contact wire format). */
  readonly contacts = new Map<string, FakeRecord>();
  /** Conversations by id. */
  readonly conversations = new Map<string, FakeRecord>();
  /** Messages by id, in the order they were added. */
  readonly messages = new Map<string, FakeRecord>();
  /** Opportunities by id. */
  readonly opportunities = new Map<string, FakeRecord>();
  /** Pipelines (with `stages`) by id. */
  readonly pipelines = new Map<string, FakeRecord>();
  /** Appointments (calendar events) by id. */
  readonly appointments = new Map<string, FakeRecord>();
  /** Calendars by id. */
  readonly calendars = new Map<string, FakeCalendar>();
  /** Contact notes by id. */
  readonly notes = new Map<string, FakeRecord>();
  /** Contact tasks by id. */
  readonly tasks = new Map<string, FakeRecord>();
  /** Workflows by id. */
  readonly workflows = new Map<string, FakeRecord>();
  /** Users by id. */
  readonly users = new Map<string, FakeRecord>();
  /** Custom field definitions by id. */
  readonly customFields = new Map<string, FakeRecord>();
  /** Custom values by id. */
  readonly customValues = new Map<string, FakeRecord>();
  /** Locations by id. */
  readonly locations = new Map<string, FakeRecord>();
  /** Workflow enrolments as `contactId:workflowId`. */
  readonly enrolments = new Set<string>();
  private sequence = 0;

  /** A GHL-looking id (20 characters) with a readable prefix. */
  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}${String(this.sequence).padStart(20 - prefix.length, '0')}`;
  }

  /** Seeds the default data of a location: a pipeline with stages, a calendar, a user, workflows and custom fields. */
  seedLocation(locationId: string): void {
    if (this.locations.has(locationId)) return;
    this.locations.set(locationId, { id: locationId, locationId, name: `Fake location ${locationId}`, timezone: 'America/Chicago' });
    const stages = ['new', 'qualified', 'showing', 'offer', 'closed'].map((name, position) => ({ id: `stage-${name}`, name, position }));
    this.pipelines.set(`pipeline-${locationId}`, { id: `pipeline-${locationId}`, locationId, name: 'Buyers', stages });
    this.calendars.set(`calendar-${locationId}`, {
      id: `calendar-${locationId}`,
      locationId,
      name: 'Showings',
      isActive: true,
      slotMinutes: 30,
      openHourUtc: 14,
      closeHourUtc: 22,
    });
    this.users.set(`user-${locationId}`, { id: `user-${locationId}`, locationId, name: 'Agent Smith', firstName: 'Agent', lastName: 'Smith', roles: { type: 'account', role: 'user' } });
    for (const name of ['nurture', 'hot_lead']) {
      this.workflows.set(`workflow-${name}`, { id: `workflow-${name}`, locationId, name, status: 'published', version: 1 });
    }
    for (const key of ['lead_score', 'budget', 'timeline']) {
      this.customFields.set(`field-${key}`, { id: `field-${key}`, locationId, name: key, fieldKey: `contact.${key}`, dataType: 'TEXT', model: 'contact' });
    }
  }

  /** Records of a collection that belong to a location. */
  inLocation<T extends FakeRecord>(collection: Map<string, T>, locationId: string): T[] {
    return [...collection.values()].filter((record) => record.locationId === locationId);
  }
}
