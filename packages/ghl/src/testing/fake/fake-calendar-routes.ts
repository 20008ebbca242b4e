import type { FakeCalendar, FakeRecord } from './fake-ghl-state';
import { fail, find, iso, isResult, ok, validate, type FakeRoute, type FakeRouteContext } from './fake-route';

const DAY_MS = 86_400_000;
const APPOINTMENT_FIELDS = [
  'title', 'meetingLocationType', 'meetingLocationId', 'overrideLocationConfig', 'appointmentStatus', 'assignedUserId',
  'description', 'address', 'ignoreDateRange', 'toNotify', 'ignoreFreeSlotValidation', 'rrule', 'calendarId', 'startTime', 'endTime',
];
const APPOINTMENT_STATUSES = ['new', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid'];

function freeSlots(calendar: FakeCalendar, booked: FakeRecord[], range: { startMs: number; endMs: number }): Record<string, { slots: string[] }> {
  const { startMs, endMs } = range;
  const taken = new Set(booked.filter((event) => event['appointmentStatus'] !== 'cancelled').map((event) => Date.parse(String(event['startTime']))));
  const days: Record<string, { slots: string[] }> = {};
  for (let day = Math.floor(startMs / DAY_MS) * DAY_MS; day <= endMs; day += DAY_MS) {
    const slots: string[] = [];
    for (let at = day + calendar.openHourUtc * 3_600_000; at + calendar.slotMinutes * 60_000 <= day + calendar.closeHourUtc * 3_600_000; at += calendar.slotMinutes * 60_000) {
      if (at >= startMs && at <= endMs && !taken.has(at)) slots.push(iso(at));
    }
    if (slots.length > 0) days[iso(day).slice(0, 10)] = { slots };
  }
  return days;
}

function writeAppointment(context: FakeRouteContext, appointment: FakeRecord): ReturnType<FakeRoute> {
  const status = context.body['appointmentStatus'];
  if (status !== undefined && (typeof status !== 'string' || !APPOINTMENT_STATUSES.includes(status))) return fail(422, ['appointmentStatus must be a valid enum value']);
  Object.assign(appointment, context.body, { dateUpdated: iso(context.now) });
  const calendar = context.state.calendars.get(String(appointment['calendarId']));
  if (appointment['endTime'] === undefined && calendar !== undefined) {
    appointment['endTime'] = iso(Date.parse(String(appointment['startTime'])) + calendar.slotMinutes * 60_000);
  }
  context.state.appointments.set(appointment.id, appointment);
  return ok(appointment);
}

/** Calendars API routes of the fake. @internal */
export const FAKE_CALENDAR_ROUTES: Record<string, FakeRoute> = {
  'GET /calendars/': (context) => ok({ calendars: context.state.inLocation(context.state.calendars, context.locationId) }),
  'GET /calendars/{calendarId}/free-slots': (context) => {
    const calendar = find(context.state.calendars, context.params['calendarId'], context);
    if (isResult(calendar)) return calendar;
    const startMs = Number(context.query.get('startDate'));
    const endMs = Number(context.query.get('endDate'));
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || context.query.get('startDate') === null || context.query.get('endDate') === null) {
      return fail(422, ['startDate must be a number', 'endDate must be a number']);
    }
    if (endMs - startMs > 31 * DAY_MS) return fail(400, 'The date range cannot exceed 31 days');
    const booked = [...context.state.appointments.values()].filter((event) => event['calendarId'] === calendar.id);
    return ok({ ...freeSlots(calendar, booked, { startMs, endMs }), traceId: context.state.nextId('trace') });
  },
  'POST /calendars/events/appointments': (context) => {
    const invalid = validate(context.body, { required: ['calendarId', 'locationId', 'contactId', 'startTime'], allowed: [...APPOINTMENT_FIELDS, 'locationId', 'contactId'] });
    if (invalid !== undefined) return invalid;
    const calendar = find(context.state.calendars, String(context.body['calendarId']), context);
    if (isResult(calendar)) return fail(400, 'Calendar not found');
    const appointment: FakeRecord = { id: context.state.nextId('ap'), locationId: context.locationId, appointmentStatus: 'confirmed', dateAdded: iso(context.now) };
    return writeAppointment(context, appointment);
  },
  'PUT /calendars/events/appointments/{eventId}': (context) => {
    const invalid = validate(context.body, { allowed: APPOINTMENT_FIELDS });
    if (invalid !== undefined) return invalid;
    const appointment = find(context.state.appointments, context.params['eventId'], context);
    return isResult(appointment) ? appointment : writeAppointment(context, appointment);
  },
  'GET /calendars/events/appointments/{eventId}': (context) => {
    const event = find(context.state.appointments, context.params['eventId'], context);
    return isResult(event) ? event : ok({ event });
  },
};
