import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { type AppointmentFilter, type AppointmentRow, appointmentRows } from './appointment.repository.ts';
import { isLate } from './appointment-lateness.ts';
import type { AppointmentReminders } from './appointment-reminders.ts';
import type { AppointmentStatus } from './scheduling.schema.ts';
import { SchedulingNotFoundError } from './scheduling-errors.ts';

/** An appointment as the agenda and the contact panel show it; `late` per the clinic's policy. */
export interface AppointmentDetails extends AppointmentRow {
  late: boolean;
}

/** A late patient is flagged for a day; after that the appointment is for the staff to settle. */
const LATE_LOOKBACK_MS = 24 * 60 * 60_000;
const AGENDA_MAX = 1000;

export async function getAppointment(
  db: DbOrTx,
  keyring: Keyring,
  reminders: AppointmentReminders,
  orgId: string,
  id: string,
  now: Date,
): Promise<AppointmentDetails> {
  const [details] = await appointmentDetails(db, keyring, reminders, orgId, { ids: [id] }, now);
  if (!details) throw new SchedulingNotFoundError('Appointment');
  return details;
}

/** The clinic's appointments matching the filter, earliest first, at most `filter.limit` (1,000). */
export async function listAppointments(
  db: DbOrTx,
  keyring: Keyring,
  reminders: AppointmentReminders,
  orgId: string,
  filter: Omit<AppointmentFilter, 'ids'>,
  now: Date,
): Promise<AppointmentDetails[]> {
  return appointmentDetails(
    db,
    keyring,
    reminders,
    orgId,
    { ...filter, limit: Math.min(filter.limit ?? AGENDA_MAX, AGENDA_MAX) },
    now,
  );
}

/** The contact's appointments still to come (booked or proposed, not yet over), soonest first. */
export async function upcomingAppointmentsOf(
  db: DbOrTx,
  keyring: Keyring,
  reminders: AppointmentReminders,
  orgId: string,
  contactId: string,
  now: Date,
): Promise<AppointmentDetails[]> {
  return appointmentDetails(
    db,
    keyring,
    reminders,
    orgId,
    { contactId, statuses: ['booked', 'proposed'], endsAfter: now },
    now,
  );
}

/** The agenda: appointments overlapping [from, to), whatever their status, of one practitioner or all. */
export async function appointmentsBetween(
  db: DbOrTx,
  keyring: Keyring,
  reminders: AppointmentReminders,
  orgId: string,
  range: { practitionerId?: string; from: Date; to: Date; statuses?: readonly AppointmentStatus[] },
  now: Date,
): Promise<AppointmentDetails[]> {
  return listAppointments(
    db,
    keyring,
    reminders,
    orgId,
    {
      endsAfter: range.from,
      startsBefore: range.to,
      ...(range.practitionerId === undefined ? {} : { practitionerId: range.practitionerId }),
      ...(range.statuses === undefined ? {} : { statuses: range.statuses }),
    },
    now,
  );
}

/**
 * Appointments still only booked more than `lateAfterMinutes` after their start (nobody marked the
 * patient arrived), that started within the last day, earliest first.
 */
export async function lateAppointments(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  now: Date,
  lateAfterMinutes: number,
): Promise<AppointmentDetails[]> {
  const rows = await appointmentRows(db, keyring, orgId, {
    statuses: ['booked'],
    startsAtOrAfter: new Date(now.getTime() - LATE_LOOKBACK_MS),
    startsBefore: new Date(now.getTime() - lateAfterMinutes * 60_000),
    limit: AGENDA_MAX,
  });
  return rows
    .map((row) => ({ ...row, late: isLate(row.appointment, now, lateAfterMinutes) }))
    .filter((details) => details.late);
}

async function appointmentDetails(
  db: DbOrTx,
  keyring: Keyring,
  reminders: AppointmentReminders,
  orgId: string,
  filter: AppointmentFilter,
  now: Date,
): Promise<AppointmentDetails[]> {
  const rows = await appointmentRows(db, keyring, orgId, filter);
  if (rows.length === 0) return [];
  const lateAfterMinutes = await reminders.lateAfterMinutesOf(db, orgId);
  return rows.map((row) => ({ ...row, late: isLate(row.appointment, now, lateAfterMinutes) }));
}
