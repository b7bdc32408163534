import ical, { ICalCalendarMethod } from 'ical-generator';
import { appointmentEvent, type CalendarAppointment } from './calendar-appointment.ts';

export interface AppointmentInviteOptions {
  /**
   * PUBLISH (the default) for a file the patient adds to their calendar, as when it is sent on WhatsApp;
   * REQUEST for an e-mail invitation the patient's calendar answers, which wants an attendee.
   */
  method?: 'PUBLISH' | 'REQUEST';
  /** The clinic or practitioner the appointment is with; calendars need an address to show the name. */
  organizer: { name: string; email: string };
  /** The patient, when invited by e-mail. */
  attendee?: { name: string; email: string };
  /** The zone the appointment is shown in (X-WR-TIMEZONE); times are exact UTC. */
  timeZone: string;
  /** ISO 8601 instant the invite is made (DTSTAMP). */
  now: string;
  /** Suffix of the UID, the same as the practitioner's feed so both are one event; `careline` if left out. */
  uidDomain?: string;
}

/**
 * A single-event `.ics` sent to a patient after booking: the summary (in the patient's language, from
 * the caller), start and end, the place with its address, and who it is with.
 */
export function appointmentInvite(
  appointment: CalendarAppointment,
  options: AppointmentInviteOptions,
): string {
  const method = options.method ?? 'PUBLISH';
  const calendar = ical({
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Careline', product: 'Careline', language: 'EN' },
  });
  calendar.x('X-WR-TIMEZONE', options.timeZone);
  calendar.createEvent({
    ...appointmentEvent(appointment, options),
    organizer: options.organizer,
    ...(options.attendee === undefined
      ? {}
      : { attendees: [{ ...options.attendee, rsvp: method === 'REQUEST' }] }),
  });
  return calendar.toString();
}
