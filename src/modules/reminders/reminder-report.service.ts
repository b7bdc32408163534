import type { DbOrTx } from '../../platform/db/db.ts';
import {
  attendanceByPractitioner,
  type ReminderCounts,
  reminderCounts,
} from './reminder-report.repository.ts';

// What other modules may read here: they call this service, never the repository.
export { type ReminderFunnel, reminderFunnel } from './reminder-report.repository.ts';

export interface NoShowFigures {
  appointments: number;
  noShows: number;
  /** No-shows per appointment, 0..1; null when there was no appointment. */
  noShowRate: number | null;
}

export interface PractitionerReminderFigures extends NoShowFigures {
  practitionerId: string;
  name: string;
  withConfirmedReminder: NoShowFigures;
  withoutConfirmedReminder: NoShowFigures;
}

export interface ReminderReport {
  from: Date;
  to: Date;
  reminders: ReminderCounts;
  practitioners: PractitionerReminderFigures[];
}

/**
 * Whether reminders work: how many went out and what patients answered, and per practitioner the
 * no-show rate of appointments whose patient confirmed a reminder against the others'. Appointments
 * count once their time has come (before `to` and before now), cancelled ones not at all; one not
 * marked `noshow` is taken as attended.
 */
export async function reminderReport(
  db: DbOrTx,
  orgId: string,
  period: { from: Date; to: Date; now: Date },
): Promise<ReminderReport> {
  const { from, to, now } = period;
  const lastStart = new Date(Math.min(to.getTime(), now.getTime()));
  const counts = await reminderCounts(db, orgId, from, to);
  const attendance = await attendanceByPractitioner(db, orgId, from, lastStart);
  return {
    from,
    to,
    reminders: counts,
    practitioners: attendance.map((a) => ({
      practitionerId: a.practitionerId,
      name: a.name,
      ...figures(a.appointments, a.noShows),
      withConfirmedReminder: figures(a.confirmedAppointments, a.confirmedNoShows),
      withoutConfirmedReminder: figures(
        a.appointments - a.confirmedAppointments,
        a.noShows - a.confirmedNoShows,
      ),
    })),
  };
}

function figures(appointments: number, noShows: number): NoShowFigures {
  return { appointments, noShows, noShowRate: appointments === 0 ? null : noShows / appointments };
}
