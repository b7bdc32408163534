import type { TFunction } from 'i18next';
import { describeError } from '../api/describe-error.ts';
import { ApiError } from '../api/http-client.ts';
import type { Appointment, AppointmentStatus, AttendanceStatus } from '../api/scheduling-types.ts';

/** What the staff may still do with an appointment: the server's rules (appointment.service.ts). */
export interface AppointmentActions {
  attendance: Record<AttendanceStatus, boolean>;
  move: boolean;
  cancel: boolean;
}

const ATTENDANCE_FROM: Record<AttendanceStatus, readonly AppointmentStatus[]> = {
  arrived: ['booked', 'proposed'],
  fulfilled: ['booked', 'proposed', 'arrived'],
  noshow: ['booked', 'proposed'],
};

export function actionsOf(appointment: Pick<Appointment, 'status' | 'type'>): AppointmentActions {
  const { status } = appointment;
  const open = status === 'booked' || status === 'proposed';
  return {
    attendance: {
      arrived: ATTENDANCE_FROM.arrived.includes(status),
      fulfilled: ATTENDANCE_FROM.fulfilled.includes(status),
      noshow: ATTENDANCE_FROM.noshow.includes(status),
    },
    // Without a type the length of the new time is unknown: the server refuses to move it.
    move: open && appointment.type !== null,
    cancel: open,
  };
}

/** Still to come (or going on now) and not cancelled or missed: the patient panel lists it first. */
export function isUpcoming(appointment: Pick<Appointment, 'status' | 'end'>, now: number): boolean {
  switch (appointment.status) {
    case 'proposed':
    case 'booked':
    case 'arrived':
      return Date.parse(appointment.end) > now;
    case 'fulfilled':
    case 'cancelled':
    case 'noshow':
      return false;
  }
}

/** A patient's appointments: the upcoming ones soonest first, the others most recent first. */
export function splitAppointments<T extends Pick<Appointment, 'status' | 'start' | 'end'>>(
  appointments: readonly T[],
  now: number,
): { upcoming: T[]; past: T[] } {
  const upcoming = appointments
    .filter((a) => isUpcoming(a, now))
    .sort((a, b) => a.start.localeCompare(b.start));
  const past = appointments.filter((a) => !isUpcoming(a, now)).sort((a, b) => b.start.localeCompare(a.start));
  return { upcoming, past };
}

/** Someone booked the time between showing it and booking it: 409 with `code: "slot_taken"`. */
export function isSlotTaken(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.body.code === 'slot_taken';
}

/** A refused booking, move, cancellation or attendance, in words the person can act on. */
export function appointmentErrorOf(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    // The time is no longer a slot (too soon now, hours changed): the server says why, in English.
    if (error.status === 422) return t('booking.unavailable');
    // Someone else changed the appointment meanwhile (cancelled it, marked it seen).
    if (error.status === 409 && error.body.code !== 'slot_taken') return t('appointment.conflict');
  }
  return describeError(error, t);
}
