import ical, { ICalCalendarMethod } from 'ical-generator';
import { appointmentEvent, type CalendarAppointment } from './calendar-appointment.ts';

export interface AppointmentsCalendarInput {
  /** Shown as the calendar's name once subscribed (X-WR-CALNAME). */
  practitionerName: string;
  appointments: readonly CalendarAppointment[];
  /** The practitioner's zone, a display hint for calendars (X-WR-TIMEZONE); times are exact UTC. */
  timeZone: string;
  /** ISO 8601 instant the feed is generated at (DTSTAMP). */
  now: string;
  /** Suffix of every UID: `<appointment id>@<uidDomain>`; `careline` when left out. */
  uidDomain?: string;
  /** How often subscribers should fetch the feed again; 30 minutes when left out. */
  refreshMinutes?: number;
}

/**
 * A practitioner's appointments as an iCalendar feed to subscribe to from Google Calendar, Outlook or
 * Apple Calendar (METHOD:PUBLISH). Cancelled appointments stay in the feed as STATUS:CANCELLED so that
 * subscribers drop them; appointments entered in error never happened and are left out.
 *
 * Everything in the feed leaves Careline for the calendar provider: the caller decides what the
 * summaries say (a patient's name may not belong there).
 */
export function appointmentsCalendar(input: AppointmentsCalendarInput): string {
  const calendar = ical({
    name: input.practitionerName,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Careline', product: 'Careline', language: 'EN' },
    ttl: (input.refreshMinutes ?? 30) * 60,
  });
  calendar.x('X-WR-TIMEZONE', input.timeZone);
  for (const appointment of input.appointments) {
    if (appointment.status === 'entered-in-error') continue;
    calendar.createEvent(appointmentEvent(appointment, input));
  }
  return calendar.toString();
}
