import { z } from 'zod';
import { callFields, compact, type GhlCallOptions, type GhlRequestFunction } from './ghl-call-options';


/** Zod schema for an appointment (`AppointmentSchemaResponse` / `CalendarEventDTO`). */
export const ghlAppointmentSchema = z
  .object({
    id: z.string(),
    calendarId: z.string().nullish(),
    locationId: z.string().nullish(),
    contactId: z.string().nullish(),
    title: z.string().nullish(),
    appointmentStatus: z.string().nullish(),
    assignedUserId: z.string().nullish(),
    address: z.string().nullish(),
    startTime: z.union([z.string(), z.number()]).nullish(),
    endTime: z.union([z.string(), z.number()]).nullish(),
  })
  .loose();

/** An appointment (calendar event) with a contact. */
export type GhlAppointment = z.infer<typeof ghlAppointmentSchema>;

/** Zod schema for a calendar. */
export const ghlCalendarSchema = z.object({ id: z.string(), name: z.string().nullish(), isActive: z.boolean().nullish() }).loose();

/** A calendar of the location. */
export type GhlCalendar = z.infer<typeof ghlCalendarSchema>;

/** Appointment statuses GHL accepts. */
export type GhlAppointmentStatus = 'new' | 'confirmed' | 'cancelled' | 'showed' | 'noshow' | 'invalid';

/** Fields of a new appointment (`locationId` is filled in); times are ISO 8601 with offset. */
export interface GhlAppointmentInput {
  /** Calendar id. */
  calendarId: string;
  /** Contact id. */
  contactId: string;
  /** Start, ISO 8601 with offset. */
  startTime: string;
  /** End, ISO 8601 with offset. */
  endTime?: string;
  /** Title shown in the calendar. */
  title?: string;
  /** Appointment status. */
  appointmentStatus?: GhlAppointmentStatus;
  /** GHL user id the appointment is assigned to. */
  assignedUserId?: string;
  /** Address or meeting link. */
  address?: string;
  /** Description. */
  description?: string;
  /** Kind of meeting location. */
  meetingLocationType?: 'custom' | 'zoom' | 'gmeet' | 'phone' | 'address' | 'ms_teams' | 'google';
  /** Book even outside the calendar's free slots. */
  ignoreFreeSlotValidation?: boolean;
  /** Send GHL's own notifications. */
  toNotify?: boolean;
}

/** Free slots of one day: the date (`YYYY-MM-DD`, calendar time zone) and its slot start times (ISO 8601). */
export interface GhlFreeSlotDay {
  /** Day, `YYYY-MM-DD`. */
  date: string;
  /** Slot start times, ISO 8601. */
  slots: string[];
}

const slotsOfDay = z.object({ slots: z.array(z.string()) }).loose();

const slotsAnswer = z.record(z.string(), z.unknown()).transform((answer) =>
  Object.entries(answer).flatMap(([date, day]): GhlFreeSlotDay[] => {
    const parsed = slotsOfDay.safeParse(day);
    return /^\d{4}-\d{2}-\d{2}$/.test(date) && parsed.success ? [{ date, slots: parsed.data.slots }] : [];
  }),
);

/** Calendars API (`Version: 2021-04-15`): calendars, free slots and appointments. */
export interface CalendarsResource {
  /** `GET /calendars/`. */
  list(options?: GhlCallOptions): Promise<GhlCalendar[]>;
  /** `GET /calendars/{calendarId}/free-slots`; `startDate`/`endDate` are epoch ms, at most 31 days apart. */
  getFreeSlots(
    calendarId: string,
    range: { startDate: number; endDate: number; timezone?: string; userId?: string },
    options?: GhlCallOptions,
  ): Promise<GhlFreeSlotDay[]>;
  /** `POST /calendars/events/appointments` (not retried after an ambiguous failure; list the contact's appointments first). */
  createAppointment(input: GhlAppointmentInput, options?: GhlCallOptions): Promise<GhlAppointment>;
  /** `GET /calendars/events/appointments/{eventId}`. */
  getAppointment(eventId: string, options?: GhlCallOptions): Promise<GhlAppointment>;
  /** `PUT /calendars/events/appointments/{eventId}`. */
  updateAppointment(eventId: string, patch: Partial<Omit<GhlAppointmentInput, 'contactId'>>, options?: GhlCallOptions): Promise<GhlAppointment>;
  /** Sets `appointmentStatus: 'cancelled'` with `PUT /calendars/events/appointments/{eventId}`. */
  cancelAppointment(eventId: string, options?: GhlCallOptions): Promise<GhlAppointment>;
}

const calendarsAnswer = z.object({ calendars: z.array(ghlCalendarSchema).default([]) }).loose();
const eventAnswer = z.object({ event: ghlAppointmentSchema }).loose();

/** Builds the calendars resource over a request function. @internal */
export function createCalendarsResource(request: GhlRequestFunction, locationId: string): CalendarsResource {
  const updateAppointment: CalendarsResource['updateAppointment'] = (eventId, patch, options) =>
    request({
      method: 'PUT',
      path: '/calendars/events/appointments/{eventId}',
      pathParams: { eventId },
      body: compact({ ...patch }),
      schema: ghlAppointmentSchema,
      ...callFields(options),
    });
  return {
    list: async (options) => {
      const schema = calendarsAnswer;
      return (await request({ method: 'GET', path: '/calendars/', query: { locationId }, schema, ...callFields(options) })).calendars;
    },
    getFreeSlots: (calendarId, range, options) =>
      request({ method: 'GET', path: '/calendars/{calendarId}/free-slots', pathParams: { calendarId }, query: { ...range }, schema: slotsAnswer, ...callFields(options) }),
    createAppointment: (input, options) =>
      request({ method: 'POST', path: '/calendars/events/appointments', body: compact({ ...input, locationId }), schema: ghlAppointmentSchema, ...callFields(options) }),
    getAppointment: async (eventId, options) => {
      const schema = eventAnswer;
      return (await request({ method: 'GET', path: '/calendars/events/appointments/{eventId}', pathParams: { eventId }, schema, ...callFields(options) })).event;
    },
    updateAppointment,
    cancelAppointment: (eventId, options) => updateAppointment(eventId, { appointmentStatus: 'cancelled' }, options),
  };
}
