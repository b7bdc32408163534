import type { DbOrTx } from '../../platform/db/db.ts';
import { lockAppointment, updateAppointment } from './appointment.repository.ts';

export { APPOINTMENT_STATUSES } from './scheduling.schema.ts';

import type { AppointmentReminders } from './appointment-reminders.ts';
import type { Appointment, AppointmentStatus } from './scheduling.schema.ts';
import { AppointmentStatusConflictError, SchedulingNotFoundError } from './scheduling-errors.ts';

// What other modules may read or change here: they call this service, never the repository.
export {
  type AppointmentRow,
  appointmentRows,
  appointmentsOfPatients,
  findAppointment,
  findReplacement,
  heldAppointmentsBetween,
  lockAppointment,
  patientsWithAppointments,
  shareLockSteadyAppointments,
  upcomingBookedAppointmentIds,
} from './appointment.repository.ts';

/** What the staff records once the appointment's time has come. */
export const ATTENDANCE_STATUSES = ['arrived', 'fulfilled', 'noshow'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * Cancels the appointment: it stops blocking its time (the slot is offered again) and its pending
 * reminders are removed. Cancelling it again changes nothing; an appointment that took place (or was
 * missed) cannot be cancelled: `AppointmentStatusConflictError`.
 */
export async function cancelAppointment(
  db: DbOrTx,
  reminders: AppointmentReminders,
  orgId: string,
  id: string,
  options: { by: 'patient' | 'staff'; now: Date },
): Promise<Appointment> {
  return db.transaction(async (tx) => {
    const appointment = await lockAppointment(tx, orgId, id);
    if (!appointment) throw new SchedulingNotFoundError('Appointment');
    if (appointment.status === 'cancelled') return appointment;
    if (appointment.status !== 'booked' && appointment.status !== 'proposed') {
      throw new AppointmentStatusConflictError(appointment.status, 'cancelled');
    }
    const cancelled = await updateAppointment(tx, orgId, id, {
      status: 'cancelled',
      cancelledAt: options.now,
      cancelledBy: options.by,
      updatedAt: options.now,
    });
    await reminders.cancelPending(tx, orgId, id);
    return cancelled ?? appointment;
  });
}

// From which statuses each attendance status may be recorded. A missed or cancelled appointment no
// longer holds its time, so it cannot come back to `arrived`: the time may have been given to another.
const ALLOWED_FROM: Record<AttendanceStatus, readonly AppointmentStatus[]> = {
  arrived: ['booked', 'proposed'],
  fulfilled: ['booked', 'proposed', 'arrived'],
  noshow: ['booked', 'proposed'],
};

/**
 * Records that the patient arrived, was seen (fulfilled) or did not come (noshow). Recording the same
 * status again changes nothing. Fulfilled and noshow remove the reminders still pending.
 */
export async function setAppointmentStatus(
  db: DbOrTx,
  reminders: AppointmentReminders,
  orgId: string,
  id: string,
  status: AttendanceStatus,
  now: Date,
): Promise<Appointment> {
  return db.transaction(async (tx) => {
    const appointment = await lockAppointment(tx, orgId, id);
    if (!appointment) throw new SchedulingNotFoundError('Appointment');
    if (appointment.status === status) return appointment;
    if (!ALLOWED_FROM[status].includes(appointment.status)) {
      throw new AppointmentStatusConflictError(appointment.status, `marked ${status}`);
    }
    const changed = await updateAppointment(tx, orgId, id, { status, updatedAt: now });
    switch (status) {
      case 'fulfilled':
      case 'noshow':
        await reminders.cancelPending(tx, orgId, id);
        break;
      case 'arrived':
        break;
    }
    return changed ?? appointment;
  });
}

/**
 * The patient said they will come (a reminder's Confirm button). The first confirmation is kept;
 * confirming a cancelled or past appointment is refused: `AppointmentStatusConflictError`.
 */
export async function confirmAppointment(
  db: DbOrTx,
  orgId: string,
  id: string,
  now: Date,
): Promise<Appointment> {
  return db.transaction(async (tx) => {
    const appointment = await lockAppointment(tx, orgId, id);
    if (!appointment) throw new SchedulingNotFoundError('Appointment');
    if (appointment.status !== 'booked' && appointment.status !== 'proposed') {
      throw new AppointmentStatusConflictError(appointment.status, 'confirmed');
    }
    if (appointment.confirmedAt !== null) return appointment;
    return (await updateAppointment(tx, orgId, id, { confirmedAt: now, updatedAt: now })) ?? appointment;
  });
}
