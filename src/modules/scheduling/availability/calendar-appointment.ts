import { type ICalEventData, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';

/** FHIR Appointment.status. */
export type AppointmentStatus =
  | 'proposed'
  | 'pending'
  | 'booked'
  | 'arrived'
  | 'fulfilled'
  | 'cancelled'
  | 'noshow'
  | 'entered-in-error'
  | 'checked-in'
  | 'waitlist';

export interface AppointmentLocation {
  name: string;
  /** The postal address, one line or several separated by newlines. */
  address?: string;
}

/** An appointment as a calendar shows it. The texts are the caller's, already in the reader's language. */
export interface CalendarAppointment {
  id: string;
  /** ISO 8601 instants. */
  start: string;
  end: string;
  status: AppointmentStatus;
  summary: string;
  location?: AppointmentLocation;
  description?: string;
  /** Raised at each change the attendee should see, so calendars replace their copy (RFC 5546). */
  sequence?: number;
  /** ISO 8601 instant of the last change. */
  updatedAt?: string;
}

export const DEFAULT_UID_DOMAIN = 'careline';

/**
 * One appointment as an ical-generator event. The UID depends only on the appointment id, so the feed
 * and an invite of the same appointment are the same event to a calendar, and an update replaces it.
 * Times are written in UTC: exact whatever the reader's zone, with no VTIMEZONE to get wrong.
 */
export function appointmentEvent(
  appointment: CalendarAppointment,
  options: { now: string; uidDomain?: string },
): ICalEventData {
  const cancelled = eventStatus(appointment.status) === ICalEventStatus.CANCELLED;
  return {
    id: `${appointment.id}@${options.uidDomain ?? DEFAULT_UID_DOMAIN}`,
    start: Temporal.Instant.from(appointment.start),
    end: Temporal.Instant.from(appointment.end),
    stamp: Temporal.Instant.from(options.now),
    summary: appointment.summary,
    status: eventStatus(appointment.status),
    // Calendars that ignore STATUS still free the time of a cancelled appointment.
    transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    sequence: appointment.sequence ?? 0,
    ...(appointment.updatedAt === undefined
      ? {}
      : { lastModified: Temporal.Instant.from(appointment.updatedAt) }),
    ...(appointment.description === undefined ? {} : { description: appointment.description }),
    ...(appointment.location === undefined
      ? {}
      : {
          location: {
            title: appointment.location.name,
            ...(appointment.location.address === undefined ? {} : { address: appointment.location.address }),
          },
        }),
  };
}

export function eventStatus(status: AppointmentStatus): ICalEventStatus {
  switch (status) {
    case 'booked':
    case 'arrived':
    case 'checked-in':
    case 'fulfilled':
    case 'noshow':
      return ICalEventStatus.CONFIRMED;
    case 'proposed':
    case 'pending':
    case 'waitlist':
      return ICalEventStatus.TENTATIVE;
    case 'cancelled':
    case 'entered-in-error':
      return ICalEventStatus.CANCELLED;
  }
}
